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

// Names a config member of no setting type, and its type, in a diagnostic:
// lolpop::unsupported_setting<&user::odd_notifier::config::codes, std::set<int>>.
template <auto Member, class Type>
struct unsupported_setting {};

namespace detail {

template <class Config, std::size_t I, class Type = member_type_of<Config, accessor_at<Config, I>>>
using setting_check_at =
    std::conditional_t<setting_member<Type>, void, unsupported_setting<member_named<accessor_at<Config, I>, I>, Type>>;

template <class... Checks>
struct first_unsupported {
    using type = void;
};
template <class Check, class... Rest>
struct first_unsupported<Check, Rest...> {
    using type = std::conditional_t<std::is_void_v<Check>, typename first_unsupported<Rest...>::type, Check>;
};

template <class Config, class = std::make_index_sequence<decltype(boost::hana::length(boost::hana::accessors<Config>()))::value>>
struct unsupported_member;
template <class Config, std::size_t... I>
struct unsupported_member<Config, std::index_sequence<I...>> : first_unsupported<setting_check_at<Config, I>...> {};

template <class T>
struct unsupported_setting_in {
    using type = void;
};
template <class T>
    requires reflected_config<typename T::config>
struct unsupported_setting_in<T> : unsupported_member<typename T::config> {};

}  // namespace detail

// The first member of T's config whose type is no setting type (lolpop::setting_member), as an
// unsupported_setting<&member, type>; void when there is none, or when T has no reflected config
// (which its role's concept reports). A generated profile header asserts that it is void where
// each component is bound, and lolpop::testing::check_component does too: the condition, printed
// by the compiler, names the member. The code that reads and prints settings skips such a
// member, so that the assertion is the one error about it.
template <class T>
using unsupported_setting_of = typename detail::unsupported_setting_in<T>::type;
// The condition over it: not std::is_void_v itself, whose value GCC does not print.
template <class Unsupported>
inline constexpr bool all_settings_supported = std::is_void_v<Unsupported>;

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
        // A member of another type is reported where its component is bound (unsupported_setting_of).
        if constexpr (setting_member<std::remove_cvref_t<decltype(member)>>)
            assign_setting(member, value, std::string(where) + "." + std::string(key));
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
        // A member of another type is reported where its component is bound (unsupported_setting_of).
        if constexpr (setting_member<std::remove_cvref_t<decltype(member)>>) {
            if (auto text = setting_text(member))
                out.emplace_back(boost::hana::to<char const*>(boost::hana::first(accessor)), std::move(*text));
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
