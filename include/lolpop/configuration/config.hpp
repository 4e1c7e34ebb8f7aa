#pragma once
// Reflection of component `config` structs (adapted with BOOST_HANA_ADAPT_STRUCT): set a member by
// name, list members, print effective values. Unknown names are errors with a did-you-mean.
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <boost/hana/accessors.hpp>
#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/second.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace lolpop {

template <class Config>
concept reflected_config = boost::hana::Struct<Config>::value;

namespace detail {

// The accessor of the I-th member of Config, and what it reads.
template <class Config, std::size_t I>
using accessor_at = std::remove_cvref_t<decltype(boost::hana::second(boost::hana::at_c<I>(boost::hana::accessors<Config>())))>;
template <class Config, class Accessor>
using member_type_of = std::remove_cvref_t<decltype(std::declval<Accessor>()(std::declval<Config&>()))>;

// How a diagnostic names the member: its pointer (&user::pager_notifier::config::retries) when
// the struct is adapted with BOOST_HANA_ADAPT_STRUCT, otherwise its position.
template <class Accessor, std::size_t I>
inline constexpr auto member_named = I;
template <class P, P pointer, std::size_t I>
inline constexpr auto member_named<boost::hana::struct_detail::member_ptr<P, pointer>, I> = pointer;

}  // namespace detail

// The check that a config member's type is a setting type (lolpop::setting_member). Its
// instantiation names the member and its type, and it is instantiated once per translation unit,
// where the component is bound (lolpop::bind): that one error is all a profile gets about it.
template <auto Member, class Type>
struct check_setting {
    static_assert(setting_member<Type>,
                  "this config member (named above, with its type) is not of a setting type: bool, an integer type "
                  "(int, unsigned, std::int64_t, std::uint64_t, ...), float, double, std::string, or a std::vector<T>, "
                  "std::optional<T> or std::map<std::string, T> of one of those, std::map<std::string, "
                  "std::vector<T>>, lolpop::setting_lists");
    using type = void;
};

template <class Config, class = std::make_index_sequence<decltype(boost::hana::length(boost::hana::accessors<Config>()))::value>>
struct check_config_settings;
template <class Config, std::size_t... I>
struct check_config_settings<Config, std::index_sequence<I...>> {
    using type = std::void_t<typename check_setting<detail::member_named<detail::accessor_at<Config, I>, I>,
                                                    detail::member_type_of<Config, detail::accessor_at<Config, I>>>::type...>;
};

// Every member of T's config is a setting type; a type without a reflected config is reported by
// its role's concept instead (lolpop::component), and passes here.
template <class T>
struct check_settings {
    using type = void;
};
template <class T>
    requires reflected_config<typename T::config>
struct check_settings<T> : check_config_settings<typename T::config> {};

namespace detail {

// The check of the member an accessor of Config reads (hana::for_each hands out accessor pairs).
template <class Config, class Pair>
using check_setting_of =
    check_setting<member_named<std::remove_cvref_t<decltype(boost::hana::second(std::declval<Pair>()))>, 0>,
                  member_type_of<Config, std::remove_cvref_t<decltype(boost::hana::second(std::declval<Pair>()))>>>;

}  // namespace detail

// The member as TOML text; nothing for an optional that is not set.
template <class T>
std::optional<std::string> setting_text(const T& member) {
    if constexpr (optional_setting_member<T>) {
        if (!member) return std::nullopt;
        return format_setting_value(to_setting_value(*member));
    } else {
        return format_setting_value(to_setting_value(member));
    }
}

template <reflected_config Config>
std::vector<std::string_view> setting_names() {
    std::vector<std::string_view> names;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        names.emplace_back(boost::hana::to<char const*>(boost::hana::first(accessor)));
    });
    return names;
}

// Sets the member called `key`; `where` names the setting in errors ("train.model_trainer").
template <reflected_config Config>
void set_setting(Config& config, std::string_view key, const setting_value& value, std::string_view where) {
    bool found = false;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        if (found || key != boost::hana::to<char const*>(boost::hana::first(accessor))) return;
        found = true;
        auto& member = boost::hana::second(accessor)(config);
        // A member of another type was reported by its check, which naming it here instantiates
        // (once): assigning it would only add errors about the same member.
        if constexpr (setting_member<std::remove_cvref_t<decltype(member)>>)
            assign_setting(member, value, std::string(where) + "." + std::string(key));
        else
            static_assert(std::is_void_v<typename detail::check_setting_of<Config, decltype(accessor)>::type>);
    });
    if (!found) {
        auto names = setting_names<Config>();
        throw error("unknown setting '" + std::string(key) + "'" + did_you_mean(key, names), std::string(where));
    }
}

// (name, value as TOML text) for every member that has a value, in declaration order: an
// optional that is not set is left out.
template <reflected_config Config>
std::vector<std::pair<std::string, std::string>> describe_settings(const Config& config) {
    std::vector<std::pair<std::string, std::string>> out;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        const auto& member = boost::hana::second(accessor)(config);
        if constexpr (setting_member<std::remove_cvref_t<decltype(member)>>) {
            if (auto text = setting_text(member))
                out.emplace_back(boost::hana::to<char const*>(boost::hana::first(accessor)), std::move(*text));
        } else {
            static_assert(std::is_void_v<typename detail::check_setting_of<Config, decltype(accessor)>::type>);
        }
    });
    return out;
}

// The settings as one TOML table body ("key = value" lines), as lineage records them.
template <reflected_config Config>
std::string settings_to_toml(const Config& config) {
    std::string out;
    for (auto& [k, v] : describe_settings(config)) out += k + " = " + v + "\n";
    return out;
}

}  // namespace lolpop

// A config with no settings (null components): an adapted empty struct.
#define LOLPOP_NO_SETTINGS(T) BOOST_HANA_ADAPT_STRUCT(T)
