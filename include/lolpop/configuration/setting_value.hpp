#pragma once
// A setting as it arrives at run time (from --set or a stored model's parameters), before it is
// converted to the C++ type of the config member it names.
#include <lolpop/configuration/setting_member.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace lolpop {

// A table of numbers or booleans ({ a = 1, b = 0.5 }); each value keeps its TOML type.
using setting_table = std::map<std::string, setting_scalar>;

using setting_value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>,
                                   std::vector<double>, std::map<std::string, std::string>, setting_lists,
                                   std::vector<std::int64_t>, std::vector<bool>, setting_table>;

// Parses the right-hand side of --set key=value with TOML value syntax (8, 0.3, true, "x",
// ["a", "b"], [1, 2], { a = "b" }, { a = 1 }, { a = [1, 2] }); anything else that is not TOML is
// taken as a bare string.
setting_value parse_setting_value(std::string_view text);

// The value as TOML text, for --describe and lineage.
std::string format_setting_value(const setting_value& v);

// The scalar as a setting_value of the same type, for assigning one element of a setting_lists.
setting_value to_setting_value(const setting_scalar& v);

namespace detail {

// The non-template halves of assign_setting and to_setting_value below, in
// src/configuration/setting_value.cpp: each throws lolpop::error naming `where` when the value
// has the wrong type or would narrow.
enum class scalar_kind { boolean, integer, floating, string };
bool boolean_setting(const setting_value& v, std::string_view where);
std::int64_t signed_setting(const setting_value& v, std::int64_t lo, std::int64_t hi, std::string_view where);
std::uint64_t unsigned_setting(const setting_value& v, std::uint64_t hi, std::string_view where);
// `single`: for a float, which takes no finite value that would round to infinity. NaN is no setting.
double float_setting(const setting_value& v, bool single, std::string_view where);
std::string string_setting(const setting_value& v, std::string_view where);
// The items of an array (the entries of a table) for a member whose items are `kind`.
std::vector<setting_scalar> array_setting(const setting_value& v, scalar_kind kind, std::string_view where);
setting_table table_setting(const setting_value& v, scalar_kind kind, std::string_view where);
setting_lists lists_setting(const setting_value& v, std::string_view where);
std::string item_where(std::string_view where, std::size_t index);  // "x[2]"
std::string entry_where(std::string_view where, std::string_view key);  // "x.key"
// An unsigned integer as a TOML integer (which is signed), a float as the double its shortest
// text reads as (0.1f prints as 0.1, not as 0.10000000149011612).
std::int64_t unsigned_value(std::uint64_t v);
double float_value(float v);

template <class T>
constexpr scalar_kind kind_of() {
    if constexpr (boolean_setting_member<T>) return scalar_kind::boolean;
    else if constexpr (integer_setting_member<T>) return scalar_kind::integer;
    else if constexpr (float_setting_member<T>) return scalar_kind::floating;
    else return scalar_kind::string;
}

template <class T>
setting_scalar to_setting_scalar(const T& v) {
    if constexpr (integer_setting_member<T> && std::is_signed_v<T>)
        return static_cast<std::int64_t>(v);
    else if constexpr (integer_setting_member<T>)
        return unsigned_value(v);
    else if constexpr (std::is_same_v<T, float>)
        return float_value(v);
    else if constexpr (secret_setting_member<T>)
        return std::string(v.shown());
    else
        return v;
}

}  // namespace detail

// Converts `v` to the member's type (any lolpop::setting_member but an optional's absence, which
// no value says). Throws lolpop::error naming `where` when the value has the wrong type or would
// narrow: 8.5 or 2^40 for an int, -1 for an unsigned, 1e40 for a float, NaN for either float type.
template <class T>
void assign_setting(T& out, const setting_value& v, std::string_view where) {
    static_assert(setting_member<T>, "lolpop::assign_setting: not a setting type (see lolpop/configuration/setting_member.hpp)");
    if constexpr (boolean_setting_member<T>) {
        out = detail::boolean_setting(v, where);
    } else if constexpr (integer_setting_member<T> && std::is_signed_v<T>) {
        out = static_cast<T>(detail::signed_setting(v, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), where));
    } else if constexpr (integer_setting_member<T>) {
        out = static_cast<T>(detail::unsigned_setting(v, std::numeric_limits<T>::max(), where));
    } else if constexpr (float_setting_member<T>) {
        out = static_cast<T>(detail::float_setting(v, std::is_same_v<T, float>, where));
    } else if constexpr (string_setting_member<T>) {
        out = detail::string_setting(v, where);
    } else if constexpr (secret_setting_member<T>) {
        out = secret(detail::string_setting(v, where));
    } else if constexpr (optional_setting_member<T>) {
        setting_item_t<T> value{};
        assign_setting(value, v, where);
        out = std::move(value);
    } else if constexpr (array_setting_member<T>) {
        using item = setting_item_t<T>;
        const std::vector<setting_scalar> items = detail::array_setting(v, detail::kind_of<item>(), where);
        T result;
        result.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            item x{};
            assign_setting(x, to_setting_value(items[i]), detail::item_where(where, i));
            result.push_back(std::move(x));
        }
        out = std::move(result);
    } else if constexpr (std::is_same_v<T, setting_lists>) {
        out = detail::lists_setting(v, where);
    } else if constexpr (scalar_setting_member<setting_item_t<T>>) {  // a table of scalars
        using item = setting_item_t<T>;
        T result;
        for (const auto& [key, value] : detail::table_setting(v, detail::kind_of<item>(), where))
            assign_setting(result[key], to_setting_value(value), detail::entry_where(where, key));
        out = std::move(result);
    } else if constexpr (array_setting_member<setting_item_t<T>>) {  // a table of arrays
        using item = setting_item_t<setting_item_t<T>>;
        T result;
        for (const auto& [key, values] : detail::lists_setting(v, where)) {
            auto& list = result[key];
            const std::string entry = detail::entry_where(where, key);
            for (std::size_t i = 0; i < values.size(); ++i) {
                item x{};
                assign_setting(x, to_setting_value(values[i]), detail::item_where(entry, i));
                list.push_back(std::move(x));
            }
        }
        out = std::move(result);
    }
}

// The member's value as a setting_value, for --describe and lineage (a secret's as what is shown
// instead of it). An optional's value is converted where it is set (see lolpop::setting_text).
template <class T>
setting_value to_setting_value(const T& v) {
    static_assert(setting_member<T> && !optional_setting_member<T>,
                  "lolpop::to_setting_value: not a setting type, or an optional (see lolpop::setting_text)");
    if constexpr (scalar_setting_member<T>) {
        return std::visit([](auto&& x) { return setting_value(std::move(x)); }, detail::to_setting_scalar(v));
    } else if constexpr (std::is_same_v<T, std::vector<std::string>> || std::is_same_v<T, std::vector<bool>> ||
                         std::is_same_v<T, std::vector<std::int64_t>> || std::is_same_v<T, std::vector<double>> ||
                         std::is_same_v<T, std::map<std::string, std::string>> || std::is_same_v<T, setting_lists>) {
        return v;
    } else if constexpr (array_setting_member<T>) {
        using item = setting_item_t<T>;
        using stored = std::conditional_t<boolean_setting_member<item>, bool,
                                          std::conditional_t<float_setting_member<item>, double, std::int64_t>>;
        std::vector<stored> out;
        out.reserve(v.size());
        for (const auto& x : v) out.push_back(std::get<stored>(detail::to_setting_scalar(x)));
        return out;
    } else if constexpr (scalar_setting_member<setting_item_t<T>>) {
        setting_table out;
        for (const auto& [key, x] : v) out.emplace(key, detail::to_setting_scalar(x));
        return out;
    } else {
        setting_lists out;
        for (const auto& [key, xs] : v) {
            auto& list = out[key];
            for (const auto& x : xs) list.push_back(detail::to_setting_scalar(x));
        }
        return out;
    }
}

// Expands ${env:NAME} and ${env:NAME:-default} in a profile string at run time. An unset variable
// without a default is a lolpop::error naming the variable and `where` (the setting's key).
std::string expand_env(std::string_view text, std::string_view where);

}  // namespace lolpop
