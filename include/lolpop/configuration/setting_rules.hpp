#pragma once
// What a registry declares of a setting's values (a range, allowed names, keys that are another
// component's settings, a sum), checked on the effective settings: the profile's values and the
// --set overrides on top. The generated profile header calls these before any step runs; lolpop-gen
// has already checked the profile's own values against the same declarations. Each throws
// lolpop::error naming the setting's path.
#include <lolpop/configuration/setting_member.hpp>
#include <lolpop/configuration/setting_value.hpp>
#include <lolpop/core/error.hpp>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lolpop {

// An interval as the registry writes it ("(0, 1]"); `text` is that spelling, for the message.
struct setting_range {
    double low;
    double high;
    bool low_open;
    bool high_open;
    std::string_view text;
};

using allowed_names = std::initializer_list<std::string_view>;

// The two rules as predicates, which lolpop-gen applies to the profile's literals too.
bool in_setting_range(double value, const setting_range& range) noexcept;  // false for NaN
bool setting_sum_holds(double total, double equals) noexcept;              // to a relative 1e-9

void check_setting_in_range(double value, const setting_range& range, std::string_view path);
void check_setting_is_one_of(std::string_view value, allowed_names allowed, std::string_view path);
// The keys of a search space name settings of `component`.
void check_setting_keys(const setting_lists& lists, allowed_names keys, std::string_view component, std::string_view path);
// `terms` joined with " + " name the settings added up, for the message.
void check_setting_sum(std::initializer_list<double> values, double equals, std::string_view terms, std::string_view path);

namespace detail {

template <class T>
std::string setting_element_path(std::string_view path, const T&) {
    return std::string(path);
}
template <class T>
std::string setting_element_path(std::string_view path, const std::pair<const std::string, T>& entry) {
    return std::string(path) + "." + entry.first;
}
template <class T>
const T& setting_element(const T& v) {
    return v;
}
template <class T>
const T& setting_element(const std::pair<const std::string, T>& entry) {
    return entry.second;
}

}  // namespace detail

// A number, or each number of an array, a table or an optional.
template <class T>
void check_range(const T& member, const setting_range& range, std::string_view path) {
    if constexpr (std::is_arithmetic_v<T>) {
        check_setting_in_range(static_cast<double>(member), range, path);
    } else if constexpr (detail::is_vector<T>::value || detail::is_string_map<T>::value) {
        for (const auto& e : member) check_range(detail::setting_element(e), range, detail::setting_element_path(path, e));
    } else if constexpr (detail::is_optional<T>::value) {
        if (member) check_range(*member, range, path);
    }
}

// A string, or each string of an array, a table or an optional.
template <class T>
void check_one_of(const T& member, allowed_names allowed, std::string_view path) {
    if constexpr (std::is_convertible_v<const T&, std::string_view>) {
        check_setting_is_one_of(member, allowed, path);
    } else if constexpr (detail::is_vector<T>::value || detail::is_string_map<T>::value) {
        for (const auto& e : member) check_one_of(detail::setting_element(e), allowed, detail::setting_element_path(path, e));
    } else if constexpr (detail::is_optional<T>::value) {
        if (member) check_one_of(*member, allowed, path);
    }
}

}  // namespace lolpop
