#pragma once
// lolpop::testing::check_component<T, Roles...>() — checks a component of one's own against the
// roles it is meant to fill, in one line of a test:
//
//   CHECK_NOTHROW(lolpop::testing::check_component<my_splitter, lolpop::role::data_splitter>());
//
// At compile time, T must model the concept of each role (lolpop::check_binding): when it does
// not, the compiler names the role and the member T lacks or declares with the wrong type. A
// model_explainer is checked as a component only; check it against its trainer with
// static_assert(lolpop::model_explainer<T, Trainer>).
//
// At run time, with T's default config:
//   - T::name is a name a profile can use: a lower-case letter, then lower-case letters, digits
//     and '_';
//   - each setting goes through --describe and --set unchanged: printed as TOML, parsed back and
//     set by name, it prints the same.
// A failure throws lolpop::error naming the component and the setting. T is not constructed:
// constructors may open files or connections, which a check of the type should not.
#include <lolpop/composition/check_binding.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <boost/hana/accessors.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace lolpop::testing {

namespace detail {

inline bool is_profile_name(std::string_view name) {
    if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace detail

template <class T, class... Roles>
void check_component() {
    static_assert(sizeof...(Roles) > 0, "check_component<T, Roles...>: name the roles T fills");
    // The check of each role (lolpop::report_binding), whose static_assert reports the concept's
    // details.
    (void(report_binding<T>(static_cast<const Roles*>(nullptr))), ...);
    static_assert(all_settings_supported<unsupported_setting_of<T>>, "check_component: a member of T's config (named by the "
                  "condition) is of no setting type; see lolpop/configuration/setting_member.hpp");
    // After a failed check, the run-time part would only add errors about the same type.
    if constexpr ((models_role<Roles, T> && ...)) {
        const std::string name(T::name);
        if (!detail::is_profile_name(name))
            throw error("component name '" + name + "' is not a profile name (a lower-case letter, then lower-case letters, "
                        "digits and '_')",
                        "name");
        const typename T::config defaults{};
        boost::hana::for_each(boost::hana::accessors<typename T::config>(), [&](auto accessor) {
            const std::string key = boost::hana::to<char const*>(boost::hana::first(accessor));
            const std::string where = name + "." + key;
            try {
                // An optional that is not set prints as nothing, and nothing is what reads back.
                const std::optional<std::string> text = setting_text(boost::hana::second(accessor)(defaults));
                if (!text) return;
                typename T::config round_trip{};
                set_setting(round_trip, key, parse_setting_value(*text), name);
                const std::optional<std::string> again = setting_text(boost::hana::second(accessor)(round_trip));
                if (again != text)
                    throw error("the setting prints as " + *text + " but reads back as " + again.value_or("nothing"), where);
            } catch (const error& e) {
                if (!e.where().empty()) throw;
                throw error(e.what_happened(), where);
            }
        });
    }
}

}  // namespace lolpop::testing
