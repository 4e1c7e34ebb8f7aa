#include <lolpop/configuration/setting_value.hpp>

#include <lolpop/core/error.hpp>

#include "detail/utf8.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <type_traits>
#include <utility>

namespace lolpop {
namespace {

// Indexed like the alternatives of setting_value.
constexpr std::string_view kind_names[] = {
    "a boolean",         "an integer",        "a float",
    "a string",          "an array of strings", "an array of numbers",
    "a table of strings", "a table of arrays", "an array of integers",
    "an array of booleans", "a table of numbers or booleans",
};
static_assert(std::size(kind_names) == std::variant_size_v<setting_value>);

std::string_view kind(const setting_value& v) { return kind_names[v.index()]; }

[[noreturn]] void expected(std::string_view what, const setting_value& v, std::string_view where) {
    throw error(fmt::format("setting '{}' expects {}, got {}", where, what, kind(v)));
}

bool scalar_from_toml(const toml::node& node, setting_scalar& out) {
    switch (node.type()) {
        case toml::node_type::boolean: out = node.as_boolean()->get(); return true;
        case toml::node_type::integer: out = node.as_integer()->get(); return true;
        case toml::node_type::floating_point: out = node.as_floating_point()->get(); return true;
        case toml::node_type::string: out = node.as_string()->get(); return true;
        default: return false;
    }
}

// A non-empty table whose values are all arrays of scalars.
bool lists_from_toml(const toml::table& table, setting_value& out) {
    setting_lists lists;
    for (const auto& [key, value] : table) {
        const toml::array* arr = value.as_array();
        if (!arr) return false;
        std::vector<setting_scalar>& items = lists[std::string(key.str())];
        for (const auto& el : *arr) {
            setting_scalar item;
            if (!scalar_from_toml(el, item)) return false;
            items.push_back(std::move(item));
        }
    }
    out = std::move(lists);
    return true;
}

// False when the node is valid TOML that no setting type holds (mixed arrays, nested tables).
bool from_toml(const toml::node& node, std::string_view text, setting_value& out) {
    switch (node.type()) {
        case toml::node_type::boolean: out = node.as_boolean()->get(); return true;
        case toml::node_type::integer: out = node.as_integer()->get(); return true;
        case toml::node_type::floating_point: out = node.as_floating_point()->get(); return true;
        case toml::node_type::string: out = node.as_string()->get(); return true;
        // A date is nothing a setting holds; the text the user typed is the value they mean.
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time: out = std::string(text); return true;
        case toml::node_type::array: {
            const toml::array& arr = *node.as_array();
            if (arr.empty()) {
                out = std::vector<std::string>{};
                return true;
            }
            if (arr.is_homogeneous(toml::node_type::string)) {
                std::vector<std::string> strings;
                for (const auto& el : arr) strings.push_back(el.as_string()->get());
                out = std::move(strings);
                return true;
            }
            if (arr.is_homogeneous(toml::node_type::boolean)) {
                std::vector<bool> booleans;
                for (const auto& el : arr) booleans.push_back(el.as_boolean()->get());
                out = std::move(booleans);
                return true;
            }
            // Integers stay integers (2^53 + 1 is no double); a float among them makes all numbers.
            if (arr.is_homogeneous(toml::node_type::integer)) {
                std::vector<std::int64_t> integers;
                for (const auto& el : arr) integers.push_back(el.as_integer()->get());
                out = std::move(integers);
                return true;
            }
            std::vector<double> numbers;
            for (const auto& el : arr) {
                if (auto i = el.as_integer())
                    numbers.push_back(static_cast<double>(i->get()));
                else if (auto d = el.as_floating_point())
                    numbers.push_back(d->get());
                else
                    return false;
            }
            out = std::move(numbers);
            return true;
        }
        case toml::node_type::table: {
            const toml::table& source = *node.as_table();
            if (!source.empty() && source.begin()->second.is_array()) return lists_from_toml(source, out);
            std::map<std::string, std::string> strings;
            setting_table scalars;
            bool only_strings = true;
            for (const auto& [key, value] : source) {
                setting_scalar item;
                if (!scalar_from_toml(value, item)) return false;
                only_strings = only_strings && value.is_string();
                if (value.is_string()) strings.emplace(std::string(key.str()), value.as_string()->get());
                scalars.emplace(std::string(key.str()), std::move(item));
            }
            if (only_strings)
                out = std::move(strings);
            else
                out = std::move(scalars);
            return true;
        }
        case toml::node_type::none: break;
    }
    return false;
}

void append_toml_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f)
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(ch)));
                else
                    out += ch;
        }
    }
    out += '"';
}

void append_toml_key(std::string& out, std::string_view key) {
    const bool bare = !key.empty() && key.find_first_not_of(
                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                          "0123456789_-") == std::string_view::npos;
    if (bare)
        out += key;
    else
        append_toml_string(out, key);
}

void append_toml_float(std::string& out, double d) {
    std::string s = fmt::format("{}", d);
    // TOML reads "1" as an integer; a float needs a fraction or an exponent to stay one.
    if (std::isfinite(d) && s.find_first_of(".eE") == std::string::npos) s += ".0";
    out += s;
}

void append_toml_scalar(std::string& out, const setting_scalar& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>)
                out += x ? "true" : "false";
            else if constexpr (std::is_same_v<T, std::int64_t>)
                out += fmt::format("{}", x);
            else if constexpr (std::is_same_v<T, double>)
                append_toml_float(out, x);
            else
                append_toml_string(out, x);
        },
        v);
}

// [+-]digits (TOML's underscores between them) beyond int64: what parse_setting_value leaves as
// text because TOML cannot hold it. A string within int64 was quoted by the user: a string.
bool is_integer_text(std::string_view s) {
    const bool negative = !s.empty() && s.front() == '-';
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    if (s.empty() || s.front() == '_' || s.back() == '_') return false;
    std::string digits(negative ? "-" : "");
    for (char c : s) {
        if (!(c >= '0' && c <= '9') && c != '_') return false;
        if (c != '_') digits += c;
    }
    std::int64_t v = 0;
    return std::from_chars(digits.data(), digits.data() + digits.size(), v).ec == std::errc::result_out_of_range;
}

// The integer value of `v` if it is an integer or a float without a fraction, in [lo, hi]: T is
// std::int64_t for the signed member types, std::uint64_t for the unsigned ones.
template <class T>
T integral_setting(const setting_value& v, T lo, T hi, std::string_view where) {
    constexpr std::string_view what = std::is_signed_v<T> ? "an integer" : "a non-negative integer";
    const auto out_of_range = [&](auto got) {
        if constexpr (std::is_unsigned_v<T>)
            if (got < 0) throw error(fmt::format("setting '{}' expects {}, got {}", where, what, got));
        return error(fmt::format("setting '{}' expects an integer from {} to {}, got {}", where, lo, hi, got));
    };
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        if (!std::in_range<T>(*i) || static_cast<T>(*i) < lo || static_cast<T>(*i) > hi) throw out_of_range(*i);
        return static_cast<T>(*i);
    }
    // A whole number too long for TOML's 64 bits arrives as the text the user typed.
    if (const auto* text = std::get_if<std::string>(&v); text && is_integer_text(*text))
        throw error(fmt::format("setting '{}' expects an integer from {} to {}, got {}: out of the range of its "
                                "integer type",
                                where, lo, hi, *text));
    if (const auto* d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d) || std::trunc(*d) != *d)
            throw error(fmt::format("setting '{}' expects {}, got {}", where, what, *d));
        // hi + 1 as a double is an exact power of two (for the members' ranges), where hi itself
        // may round up to it.
        const double upper = static_cast<double>(hi / 2 + 1) * 2.0;
        if (*d < static_cast<double>(lo) || *d >= upper) throw out_of_range(*d);
        return static_cast<T>(*d);
    }
    expected(what, v, where);
}

}  // namespace

setting_value parse_setting_value(std::string_view text) {
    // TOML text is UTF-8: other bytes would make a bare string that format_setting_value cannot
    // write as TOML (--describe, lineage), nor read back.
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = static_cast<unsigned char>(text[i]) < 0x80 ? 1 : detail::utf8_sequence_length(text.substr(i));
        if (length == 0) throw error(fmt::format("the setting value is not UTF-8 text (byte {} of {})", i + 1, text.size()));
        i += length;
    }
    std::string doc = "v = ";
    doc += text;
    try {
        toml::table table = toml::parse(doc);
        // Text that closes the value and goes on ("1\nw = 2") is not one value.
        if (table.size() == 1) {
            if (const toml::node* node = table.get("v")) {
                setting_value value;
                if (from_toml(*node, text, value)) return value;
                throw error(
                    fmt::format("'{}' is not a setting value: arrays hold only strings, only numbers or only "
                                "booleans, tables only strings, numbers and booleans or only arrays of them",
                                text));
            }
        }
    } catch (const toml::parse_error&) {
        // Not TOML: a bare word such as a path or a component name.
    }
    return std::string(text);
}

std::string format_setting_value(const setting_value& v) {
    std::string out;
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>) {
                out = x ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                out = fmt::format("{}", x);
            } else if constexpr (std::is_same_v<T, double>) {
                append_toml_float(out, x);
            } else if constexpr (std::is_same_v<T, std::string>) {
                append_toml_string(out, x);
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                out += '[';
                for (std::size_t i = 0; i < x.size(); ++i) {
                    if (i) out += ", ";
                    append_toml_string(out, x[i]);
                }
                out += ']';
            } else if constexpr (std::is_same_v<T, std::vector<double>>) {
                out += '[';
                for (std::size_t i = 0; i < x.size(); ++i) {
                    if (i) out += ", ";
                    append_toml_float(out, x[i]);
                }
                out += ']';
            } else if constexpr (std::is_same_v<T, std::vector<std::int64_t>> || std::is_same_v<T, std::vector<bool>>) {
                out += '[';
                for (std::size_t i = 0; i < x.size(); ++i) {
                    if (i) out += ", ";
                    append_toml_scalar(out, setting_scalar(x[i]));
                }
                out += ']';
            } else if constexpr (std::is_same_v<T, std::map<std::string, std::string>> || std::is_same_v<T, setting_table>) {
                if (x.empty()) {
                    out = "{}";
                    return;
                }
                out += "{ ";
                bool first = true;
                for (const auto& [key, value] : x) {
                    if (!first) out += ", ";
                    first = false;
                    append_toml_key(out, key);
                    out += " = ";
                    if constexpr (std::is_same_v<T, setting_table>)
                        append_toml_scalar(out, value);
                    else
                        append_toml_string(out, value);
                }
                out += " }";
            } else {
                if (x.empty()) {
                    out = "{}";
                    return;
                }
                out += "{ ";
                bool first = true;
                for (const auto& [key, items] : x) {
                    if (!first) out += ", ";
                    first = false;
                    append_toml_key(out, key);
                    out += " = [";
                    for (std::size_t i = 0; i < items.size(); ++i) {
                        if (i) out += ", ";
                        append_toml_scalar(out, items[i]);
                    }
                    out += ']';
                }
                out += " }";
            }
        },
        v);
    return out;
}

setting_value to_setting_value(const setting_scalar& v) {
    return std::visit([](const auto& x) { return setting_value(x); }, v);
}

namespace detail {

bool boolean_setting(const setting_value& v, std::string_view where) {
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    expected("a boolean", v, where);
}

std::int64_t signed_setting(const setting_value& v, std::int64_t lo, std::int64_t hi, std::string_view where) {
    return integral_setting<std::int64_t>(v, lo, hi, where);
}

std::uint64_t unsigned_setting(const setting_value& v, std::uint64_t hi, std::string_view where) {
    return integral_setting<std::uint64_t>(v, 0, hi, where);
}

double float_setting(const setting_value& v, bool single, std::string_view where) {
    double d = 0;
    if (const auto* f = std::get_if<double>(&v))
        d = *f;
    else if (const auto* i = std::get_if<std::int64_t>(&v))
        d = static_cast<double>(*i);
    else
        expected("a float", v, where);
    // NaN compares false with everything: a threshold or rate set to it would silently never apply.
    if (std::isnan(d)) throw error(fmt::format("setting '{}' expects a number, got nan", where));
    if (single && std::isfinite(d) && std::isinf(static_cast<float>(d))) {
        constexpr float largest = std::numeric_limits<float>::max();
        throw error(fmt::format("setting '{}' expects a float from {} to {}, got {}", where, -largest, largest, d));
    }
    return d;
}

std::string string_setting(const setting_value& v, std::string_view where) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    expected("a string", v, where);
}

std::vector<setting_scalar> array_setting(const setting_value& v, scalar_kind kind, std::string_view where) {
    constexpr std::string_view names[] = {"an array of booleans", "an array of integers", "an array of numbers",
                                          "an array of strings"};
    std::vector<setting_scalar> out;
    const auto take = [&](const auto& items) {
        for (const auto& x : items) out.emplace_back(x);
    };
    const bool numbers = kind == scalar_kind::integer || kind == scalar_kind::floating;
    if (const auto* s = std::get_if<std::vector<std::string>>(&v); s && (kind == scalar_kind::string || s->empty()))
        take(*s);
    else if (const auto* d = std::get_if<std::vector<double>>(&v); d && (numbers || d->empty()))
        take(*d);
    else if (const auto* i = std::get_if<std::vector<std::int64_t>>(&v); i && (numbers || i->empty()))
        take(*i);
    else if (const auto* b = std::get_if<std::vector<bool>>(&v); b && (kind == scalar_kind::boolean || b->empty()))
        for (bool x : *b) out.emplace_back(x);
    else
        expected(names[static_cast<int>(kind)], v, where);
    return out;
}

setting_table table_setting(const setting_value& v, scalar_kind kind, std::string_view where) {
    constexpr std::string_view names[] = {"a table of booleans", "a table of integers", "a table of numbers",
                                          "a table of strings"};
    if (const auto* t = std::get_if<setting_table>(&v)) return *t;
    setting_table out;
    if (const auto* m = std::get_if<std::map<std::string, std::string>>(&v); m && (kind == scalar_kind::string || m->empty())) {
        for (const auto& [key, value] : *m) out.emplace(key, value);
        return out;
    }
    if (const auto* l = std::get_if<setting_lists>(&v); l && l->empty()) return out;
    expected(names[static_cast<int>(kind)], v, where);
}

setting_lists lists_setting(const setting_value& v, std::string_view where) {
    if (const auto* l = std::get_if<setting_lists>(&v)) return *l;
    // "{}" says nothing about its value type.
    if (const auto* m = std::get_if<std::map<std::string, std::string>>(&v); m && m->empty()) return {};
    if (const auto* t = std::get_if<setting_table>(&v); t && t->empty()) return {};
    expected("a table of arrays", v, where);
}

std::string item_where(std::string_view where, std::size_t index) { return fmt::format("{}[{}]", where, index); }

std::string entry_where(std::string_view where, std::string_view key) {
    std::string out(where);
    out += '.';
    append_toml_key(out, key);
    return out;
}

std::int64_t unsigned_value(std::uint64_t v) {
    if (!std::in_range<std::int64_t>(v)) throw error(fmt::format("{} is too large for a TOML integer", v));
    return static_cast<std::int64_t>(v);
}

double float_value(float v) {
    // The shortest text that reads back as this float, read as a double: what the user wrote.
    const std::string text = fmt::format("{}", v);
    const double shortest = std::strtod(text.c_str(), nullptr);
    return static_cast<float>(shortest) == v ? shortest : static_cast<double>(v);
}

}  // namespace detail

std::string expand_env(std::string_view text, std::string_view where) {
    constexpr std::string_view open = "${env:";
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = text.find(open, i);
        if (start == std::string_view::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, start - i);
        const std::size_t close = text.find('}', start + open.size());
        if (close == std::string_view::npos)
            throw error(fmt::format("'${{env:' without a closing '}}' in '{}'", text), std::string(where));
        const std::string_view body = text.substr(start + open.size(), close - start - open.size());
        const std::size_t sep = body.find(":-");
        const std::string name(body.substr(0, sep));
        if (name.empty()) throw error(fmt::format("'${{env:}}' names no variable in '{}'", text), std::string(where));
        const char* value = std::getenv(name.c_str());
        // As in the shell, ":-" also replaces a variable that is set but empty.
        if (value && (*value || sep == std::string_view::npos))
            out += value;
        else if (sep != std::string_view::npos)
            out += body.substr(sep + 2);
        else
            throw error(fmt::format("environment variable '{}' is not set", name), std::string(where));
        i = close + 1;
    }
    return out;
}

}  // namespace lolpop
