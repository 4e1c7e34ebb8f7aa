#pragma once
// lolpop::setting_member<T>: the C++ types a config member may have to be a setting, which a
// profile assigns, --set overrides and --describe prints. One list, read by the conversions
// (setting_value.hpp), by the check where a component is bound (lolpop::unsupported_setting_of) and by
// the checks a generated profile header makes of each literal it assigns.
//
//   scalars   bool; an integer type (int, unsigned, std::int64_t, std::uint64_t, short, ...; not
//             char and its kin, which are characters); float, double; std::string;
//             lolpop::secret (a string that is never shown)
//   arrays    std::vector<S> of a scalar S but a secret (a TOML array)
//   optional  std::optional<S> of a scalar S: absent is "not set", and --describe leaves it out
//   tables    std::map<std::string, S> of a scalar S (each secret shown as "(secret)" under its
//             key), std::map<std::string, std::vector<S>> of a scalar S but a secret (a TOML table)
//   lists     lolpop::setting_lists, a table of arrays whose items keep their own TOML type
//
// The predicates below are plain constants and constexpr functions rather than concepts, so that
// a failed assertion is one line that names the type, not an explanation of a concept.
#include <lolpop/configuration/secret.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace lolpop {

// One element of a setting_lists array: each keeps its own TOML type, so 3 stays an integer.
using setting_scalar = std::variant<bool, std::int64_t, double, std::string>;
// A table of arrays ({ max_depth = [3, 6], booster = ["gbtree", "dart"] }): what search spaces
// and other per-name lists of values are written as.
using setting_lists = std::map<std::string, std::vector<setting_scalar>>;

template <class T>
inline constexpr bool integer_setting_member =
    std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char> && !std::is_same_v<T, signed char> &&
    !std::is_same_v<T, unsigned char> && !std::is_same_v<T, wchar_t> && !std::is_same_v<T, char8_t> &&
    !std::is_same_v<T, char16_t> && !std::is_same_v<T, char32_t>;
template <class T>
inline constexpr bool boolean_setting_member = std::is_same_v<T, bool>;
template <class T>
inline constexpr bool float_setting_member = std::is_same_v<T, float> || std::is_same_v<T, double>;
template <class T>
inline constexpr bool string_setting_member = std::is_same_v<T, std::string>;
template <class T>
inline constexpr bool secret_setting_member = std::is_same_v<T, secret>;
template <class T>
inline constexpr bool scalar_setting_member = boolean_setting_member<T> || integer_setting_member<T> ||
                                              float_setting_member<T> || string_setting_member<T> ||
                                              secret_setting_member<T>;
// What an array may hold: a scalar that is shown (a list of secrets would be shown as a list of
// "(secret)", which tells nothing; a table of them still shows their keys).
template <class T>
inline constexpr bool item_setting_member = scalar_setting_member<T> && !secret_setting_member<T>;

namespace detail {

// The item of an array, optional or table (its mapped type); void for anything else.
template <class T>
struct setting_item {
    using type = void;
};
template <class T>
struct setting_item<std::vector<T>> {
    using type = T;
};
template <class T>
struct setting_item<std::optional<T>> {
    using type = T;
};
template <class T>
struct setting_item<std::map<std::string, T>> {
    using type = T;
};

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_string_map : std::false_type {};
template <class T>
struct is_string_map<std::map<std::string, T>> : std::true_type {};

}  // namespace detail

template <class T>
using setting_item_t = typename detail::setting_item<T>::type;

template <class T>
inline constexpr bool array_setting_member = detail::is_vector<T>::value && item_setting_member<setting_item_t<T>>;
template <class T>
inline constexpr bool optional_setting_member = detail::is_optional<T>::value && scalar_setting_member<setting_item_t<T>>;
template <class T>
inline constexpr bool table_setting_member =
    detail::is_string_map<T>::value &&
    (scalar_setting_member<setting_item_t<T>> || array_setting_member<setting_item_t<T>>);

template <class T>
inline constexpr bool setting_member = scalar_setting_member<T> || array_setting_member<T> || optional_setting_member<T> ||
                                       table_setting_member<T> || std::is_same_v<T, setting_lists>;

// What a generated profile header asks of the member (or item) a literal goes into: whether it
// takes that kind of TOML value (an optional takes what its value type takes) and holds it
// without narrowing, which a braced assignment would reject less readably.
namespace detail {
template <class T>
struct unoptional {
    using type = T;
};
template <class T>
struct unoptional<std::optional<T>> {
    using type = T;
};
template <class T>
using unoptional_t = typename unoptional<T>::type;
}  // namespace detail

template <class T>
inline constexpr bool takes_boolean = boolean_setting_member<detail::unoptional_t<T>>;
template <class T>
inline constexpr bool takes_string =
    string_setting_member<detail::unoptional_t<T>> || secret_setting_member<detail::unoptional_t<T>>;
// An integer literal goes into an integer or a floating-point member.
template <class T>
inline constexpr bool takes_integer =
    integer_setting_member<detail::unoptional_t<T>> || float_setting_member<detail::unoptional_t<T>>;
template <class T>
inline constexpr bool takes_float = float_setting_member<detail::unoptional_t<T>>;
template <class T>
inline constexpr bool takes_array = array_setting_member<T>;
template <class T>
inline constexpr bool takes_table = table_setting_member<T> || std::is_same_v<T, setting_lists>;

namespace detail {
template <class T>
constexpr bool holds_integer(std::int64_t v) {
    using U = unoptional_t<T>;
    if constexpr (integer_setting_member<U>) {
        return std::in_range<U>(v);
    } else if constexpr (float_setting_member<U>) {
        const U f = static_cast<U>(v);
        // 2^63 and above would not convert back.
        if (f >= static_cast<U>(9223372036854775807LL) || f < static_cast<U>(-9223372036854775807LL - 1)) return false;
        return static_cast<std::int64_t>(f) == v;
    } else {
        return false;
    }
}
}  // namespace detail

// Whether the integer member holds v (a floating-point member: exactly). A constant, not a
// function, so that GCC points at its first character.
template <class T, std::int64_t v>
inline constexpr bool holds_integer = detail::holds_integer<T>(v);

// Whether the member is a floating-point type that holds finite values beyond a float's range
// (a double): what a literal such as 1e40 needs. A constant, for the same reason.
template <class T>
inline constexpr bool holds_large_float = float_setting_member<detail::unoptional_t<T>> && !std::is_same_v<detail::unoptional_t<T>, float>;

// An infinite literal of a profile for a float or a double member. Braced, a double infinity
// would be a narrowing conversion to float for some compilers.
struct setting_infinity {
    bool negative = false;
    template <class F>
        requires float_setting_member<F>
    constexpr operator F() const noexcept {
        return negative ? -std::numeric_limits<F>::infinity() : std::numeric_limits<F>::infinity();
    }
};

// Whether the member is an unsigned integer, which no negative literal fits.
template <class T>
inline constexpr bool unsigned_setting_member =
    integer_setting_member<detail::unoptional_t<T>> && std::is_unsigned_v<detail::unoptional_t<T>>;

// Whether the member is an integer of `bits` bits, signed or not, to name its range in an error.
template <class T>
constexpr bool integer_width_is(int bits, bool is_signed) {
    using U = detail::unoptional_t<T>;
    if constexpr (integer_setting_member<U>)
        return std::numeric_limits<U>::digits + int{std::is_signed_v<U>} == bits && std::is_signed_v<U> == is_signed;
    else
        return false;
}

}  // namespace lolpop
