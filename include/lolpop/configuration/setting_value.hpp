#pragma once
// A setting as it arrives at run time (from --set or a stored model's parameters), before it is
// converted to the C++ type of the config member it names.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace lolpop {

// One element of a setting_lists array: each keeps its own TOML type, so 3 stays an integer.
using setting_scalar = std::variant<bool, std::int64_t, double, std::string>;
// A table of arrays ({ max_depth = [3, 6], booster = ["gbtree", "dart"] }): what search spaces
// and other per-name lists of values are written as.
using setting_lists = std::map<std::string, std::vector<setting_scalar>>;

using setting_value = std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>,
                                   std::vector<double>, std::map<std::string, std::string>, setting_lists>;

// What a generated profile header asserts of the member behind a setting its registry declares
// "integer" or "boolean". Its braced assignments already reject narrowing (8.5 into an int, -1
// into an unsigned), but an integer would still become a char of a std::string and a boolean an
// int, and such a registry mistake must not build. (Plain constants rather than concepts, so that
// a failed assertion is one line, not an explanation of the concept.)
template <class T>
inline constexpr bool integer_setting_member =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> && !std::is_same_v<T, signed char> &&
    !std::is_same_v<T, unsigned char> && !std::is_same_v<T, wchar_t> && !std::is_same_v<T, char8_t> &&
    !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;
template <class T>
inline constexpr bool boolean_setting_member = std::is_same_v<T, bool>;

// Parses the right-hand side of --set key=value with TOML value syntax (8, 0.3, true, "x",
// ["a", "b"], { a = "b" }, { a = [1, 2] }); anything else that is not TOML is taken as a bare
// string.
setting_value parse_setting_value(std::string_view text);

// The value as TOML text, for --describe and lineage.
std::string format_setting_value(const setting_value& v);

// Conversions used by config reflection. Each throws lolpop::error naming `where` when the value
// has the wrong type or would narrow (8.5 for an integer, -1 for an unsigned).
void assign_setting(bool& out, const setting_value& v, std::string_view where);
void assign_setting(int& out, const setting_value& v, std::string_view where);
void assign_setting(unsigned& out, const setting_value& v, std::string_view where);
void assign_setting(std::int64_t& out, const setting_value& v, std::string_view where);
void assign_setting(std::uint64_t& out, const setting_value& v, std::string_view where);
void assign_setting(double& out, const setting_value& v, std::string_view where);
void assign_setting(std::string& out, const setting_value& v, std::string_view where);
void assign_setting(std::vector<std::string>& out, const setting_value& v, std::string_view where);
void assign_setting(std::vector<double>& out, const setting_value& v, std::string_view where);
void assign_setting(std::map<std::string, std::string>& out, const setting_value& v, std::string_view where);
void assign_setting(setting_lists& out, const setting_value& v, std::string_view where);

setting_value to_setting_value(bool v);
setting_value to_setting_value(int v);
setting_value to_setting_value(unsigned v);
setting_value to_setting_value(std::int64_t v);
setting_value to_setting_value(std::uint64_t v);
setting_value to_setting_value(double v);
setting_value to_setting_value(const std::string& v);
setting_value to_setting_value(const std::vector<std::string>& v);
setting_value to_setting_value(const std::vector<double>& v);
setting_value to_setting_value(const std::map<std::string, std::string>& v);
setting_value to_setting_value(const setting_lists& v);

// The scalar as a setting_value of the same type, for assigning one element of a setting_lists.
setting_value to_setting_value(const setting_scalar& v);

// Expands ${env:NAME} and ${env:NAME:-default} in a profile string at run time. An unset variable
// without a default is a lolpop::error naming the variable and `where` (the setting's key).
std::string expand_env(std::string_view text, std::string_view where);

}  // namespace lolpop
