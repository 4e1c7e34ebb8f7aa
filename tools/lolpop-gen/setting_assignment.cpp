#include "setting_assignment.hpp"

#include "emit_header.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace lolpop::gen {

namespace {

bool has_env(const node& v) { return v.is_string() && v.string.find("${env:") != std::string::npos; }

std::string integer_literal(std::int64_t v) {
    // -9223372036854775808 is not a literal: the minus applies to a constant too large for long long.
    if (v == std::numeric_limits<std::int64_t>::min()) return "(-9223372036854775807 - 1)";
    return std::to_string(v);
}

// A float for a member of either floating-point type: braced, a double infinity would narrow to
// float for some compilers.
std::string member_float(double v) {
    if (std::isinf(v)) return v > 0 ? "lolpop::setting_infinity{}" : "lolpop::setting_infinity{true}";
    return cpp_double_literal(v);
}

std::string string_expression(const node& v, std::string_view where) {
    if (has_env(v)) return fmt::format("lolpop::expand_env({}, {})", cpp_string_literal(v.string), cpp_string_literal(where));
    return fmt::format("std::string{{{}}}", cpp_string_literal(v.string));
}

// One element of a table of arrays (lolpop::setting_lists), which keeps its TOML type.
std::string scalar_expression(const node& v, std::string_view where) {
    switch (v.type) {
        case toml::node_type::string: return fmt::format("lolpop::setting_scalar{{{}}}", string_expression(v, where));
        case toml::node_type::integer: return fmt::format("lolpop::setting_scalar{{std::int64_t{{{}}}}}", integer_literal(v.integer));
        case toml::node_type::floating_point: return fmt::format("lolpop::setting_scalar{{{}}}", cpp_double_literal(v.floating));
        default: return v.boolean ? "lolpop::setting_scalar{true}" : "lolpop::setting_scalar{false}";
    }
}

// An item of an array or a value of a table, for a member of the type it was checked against.
std::string item_expression(const node& v, std::string_view where) {
    switch (v.type) {
        case toml::node_type::string: return string_expression(v, where);
        case toml::node_type::integer: return integer_literal(v.integer);
        case toml::node_type::floating_point: return member_float(v.floating);
        case toml::node_type::array: {
            std::vector<std::string> items;
            for (const auto& item : v.items) items.push_back(item_expression(item, where));
            return fmt::format("{{{}}}", fmt::join(items, ", "));
        }
        default: return v.boolean ? "true" : "false";
    }
}

// The right-hand side of `c.<key> = ...`: a number braced, so that no conversion the checks
// missed goes unnoticed. A string literal is not: braced, it initializes
// std::string::operator=(const char*)'s pointer, which clang warns of (-Wbraced-scalar-init).
std::string value_expression(const node& v, std::string_view where) {
    switch (v.type) {
        case toml::node_type::string:
            if (has_env(v)) return string_expression(v, where);
            return cpp_string_literal(v.string);
        case toml::node_type::integer:
        case toml::node_type::floating_point:
        case toml::node_type::boolean:
        case toml::node_type::array: {
            const std::string item = item_expression(v, where);
            return v.is_array() ? item : fmt::format("{{{}}}", item);
        }
        default: {  // a table (validated)
            std::vector<std::string> entries;
            for (const auto& e : v.members)
                entries.push_back(fmt::format("{{std::string{{{}}}, {}}}", cpp_string_literal(e.key), item_expression(e.value, where)));
            return fmt::format("{{{}}}", fmt::join(entries, ", "));
        }
    }
}

// A table of arrays for a lolpop::setting_lists member, whose items keep their TOML types.
std::string lists_expression(const node& v, std::string_view where) {
    std::vector<std::string> entries;
    for (const auto& e : v.members) {
        std::vector<std::string> items;
        for (const auto& item : e.value.items) items.push_back(scalar_expression(item, where));
        entries.push_back(fmt::format("{{std::string{{{}}}, std::vector<lolpop::setting_scalar>{{{}}}}}", cpp_string_literal(e.key),
                                      fmt::join(items, ", ")));
    }
    return fmt::format("{{{}}}", fmt::join(entries, ", "));
}

// The literal as the profile has it, shortened, for messages.
std::string literal_text(const node& v) {
    constexpr std::size_t longest = 40;
    std::string out;
    switch (v.type) {
        case toml::node_type::string: out = fmt::format("\"{}\"", v.string); break;
        case toml::node_type::integer: out = std::to_string(v.integer); break;
        case toml::node_type::floating_point: out = fmt::format("{}", v.floating); break;
        case toml::node_type::boolean: out = v.boolean ? "true" : "false"; break;
        case toml::node_type::array: {
            std::vector<std::string> items;
            for (const auto& item : v.items) items.push_back(literal_text(item));
            out = fmt::format("[{}]", fmt::join(items, ", "));
            break;
        }
        default: {
            std::vector<std::string> entries;
            for (const auto& e : v.members) entries.push_back(fmt::format("{} = {}", e.key, literal_text(e.value)));
            out = entries.empty() ? "{}" : fmt::format("{{ {} }}", fmt::join(entries, ", "));
        }
    }
    if (out.size() > longest) out = out.substr(0, longest - 3) + "...";
    return out;
}

// What the checks are about: the member, or an item of it (an array's items, a table's values,
// the items of a table's arrays), by the alias the generated code declares for its type.
struct target {
    std::string alias;      // "member", "item", "element"
    std::string noun;       // "the C++ member", "the C++ member's items"
    bool plural = false;
    std::string type_noun;  // "the C++ member's type"

    std::string_view is() const { return plural ? "are" : "is"; }
    std::string_view pick(std::string_view one, std::string_view many) const { return plural ? many : one; }
};

// `if constexpr (guard && !condition) static_assert(condition, message)`; the condition is a
// predicate of lolpop/configuration/setting_member.hpp, named unqualified so that GCC points at
// its first character and prints its value ("'lolpop::takes_integer<std::string>' evaluates to
// false"), which names the member's type.
struct requirement {
    std::string guard;
    std::string predicate;  // the name, for a using-declaration
    std::string condition;
    std::string message;
};

struct integer_range {
    int bits;
    bool is_signed;
    std::int64_t lo;
    std::uint64_t hi;
    bool holds(std::int64_t v) const { return v >= lo && (v < 0 || static_cast<std::uint64_t>(v) <= hi); }
};

constexpr integer_range integer_ranges[] = {
    {16, true, -32768, 32767},
    {16, false, 0, 65535},
    {32, true, -2147483648LL, 2147483647},
    {32, false, 0, 4294967295ULL},
    {64, true, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()},
    {64, false, 0, std::numeric_limits<std::uint64_t>::max()},
};

// A float holds every integer up to 2^24 exactly.
constexpr std::int64_t exact_in_float = std::int64_t{1} << 24;

class requirements {
public:
    explicit requirements(std::string lead) : lead_(std::move(lead)) {}

    void add(std::string guard, std::string predicate, std::string condition, std::string message) {
        out_.push_back({std::move(guard), std::move(predicate), std::move(condition), lead_ + message});
    }

    // The kind of a scalar literal `what` (its text, or "its item 3") against `t`.
    void kind(const node& v, const target& t, const std::string& what) {
        const std::string& a = t.alias;
        switch (v.type) {
            case toml::node_type::string:
                return add("", "takes_string", fmt::format("takes_string<{}>", a),
                           fmt::format("{} is a string, and {} {} not {}", what, t.noun, t.is(), t.pick("a std::string", "std::string")));
            case toml::node_type::boolean:
                return add("", "takes_boolean", fmt::format("takes_boolean<{}>", a),
                           fmt::format("{} is a boolean, and {} {} not bool", what, t.noun, t.is()));
            case toml::node_type::integer:
                return add("", "takes_integer", fmt::format("takes_integer<{}>", a),
                           fmt::format("{} is an integer, and {} {} not {}", what, t.noun, t.is(), t.pick("a number type", "numbers")));
            default:
                add(fmt::format("lolpop::takes_integer<{}>", a), "takes_float", fmt::format("takes_float<{}>", a),
                    fmt::format("{} is a float, and {} {} {}: write an integer", what, t.noun, t.is(),
                                t.pick("an integer type", "integers")));
                return add("", "takes_float", fmt::format("takes_float<{}>", a),
                           fmt::format("{} is a float, and {} {} not float or double", what, t.noun, t.is()));
        }
    }

    // That a number literal of the right kind fits: an integer the member's range (a float type
    // exactly), a float a float's range.
    void fits(const node& v, const target& t, const std::string& what) {
        const std::string& a = t.alias;
        if (v.type == toml::node_type::floating_point) {
            // Beyond the largest float plus half a step, which rounds to it.
            constexpr double float_limit = static_cast<double>(std::numeric_limits<float>::max()) + 0x1p103;
            if (std::isfinite(v.floating) && std::abs(v.floating) >= float_limit)
                add("", "holds_large_float", fmt::format("holds_large_float<{}>", a),
                    fmt::format("{} is out of the range of {}, float: {} to {}", what, t.type_noun,
                                -std::numeric_limits<float>::max(), std::numeric_limits<float>::max()));
            return;
        }
        if (v.type != toml::node_type::integer) return;
        const std::string condition = fmt::format("holds_integer<{}, {}>", a, integer_literal(v.integer));
        bool outside = false;
        if (v.integer < 0)
            add(fmt::format("lolpop::unsigned_setting_member<{}>", a), "holds_integer", condition,
                fmt::format("{} is negative, and {} is unsigned", what, t.type_noun));
        for (const integer_range& r : integer_ranges) {
            if (r.holds(v.integer) || (v.integer < 0 && !r.is_signed)) continue;
            outside = true;
            add(fmt::format("lolpop::integer_width_is<{}>({}, {})", a, r.bits, r.is_signed), "holds_integer", condition,
                fmt::format("{} is out of the range of {}, a {}-bit {} integer: {} to {}", what, t.type_noun, r.bits,
                            r.is_signed ? "signed" : "unsigned", r.lo, r.hi));
        }
        const bool inexact = v.integer > exact_in_float || v.integer < -exact_in_float;
        if (inexact)
            add(fmt::format("lolpop::takes_float<{}>", a), "holds_integer", condition,
                fmt::format("{} is not exact in {}, a floating-point type: write it as a float ({}.0) to round it", what,
                            t.type_noun, v.integer));
        if (outside || inexact)
            add("", "holds_integer", condition, fmt::format("{} is out of the range of {}", what, t.type_noun));
    }

    // The items of an array (or the values of a table) against `t`: their kind once, then each
    // number that some member type cannot hold.
    void items(const std::vector<const node*>& items, const target& t, const std::string& whole, std::string_view item_word) {
        if (items.empty()) return;
        const node& first = *items.front();
        const auto all = [&](auto is) { return std::all_of(items.begin(), items.end(), [&](const node* n) { return is(*n); }); };
        if (!all([&](const node& n) { return n.type == first.type || (n.is_number() && first.is_number()); })) {
            add("", "", "std::is_same_v<member, lolpop::setting_lists>",
                fmt::format("{} mixes kinds of items, which only a lolpop::setting_lists member takes", whole));
            return;
        }
        if (first.is_string())
            add("", "takes_string", fmt::format("takes_string<{}>", t.alias),
                fmt::format("{} has strings, and {} {} not std::string", whole, t.noun, t.is()));
        else if (first.type == toml::node_type::boolean)
            add("", "takes_boolean", fmt::format("takes_boolean<{}>", t.alias),
                fmt::format("{} has booleans, and {} {} not bool", whole, t.noun, t.is()));
        if (!first.is_number()) return;
        add("", "takes_integer", fmt::format("takes_integer<{}>", t.alias),
            fmt::format("{} has numbers, and {} {} not numbers", whole, t.noun, t.is()));
        // The first float decides for an integer member; the integers that some type cannot hold
        // (the smallest, the largest and those a float does not hold exactly) and the largest
        // float decide their ranges.
        auto first_float = std::find_if(items.begin(), items.end(), [](const node* n) { return n->type == toml::node_type::floating_point; });
        if (first_float != items.end())
            add(fmt::format("lolpop::takes_integer<{}>", t.alias), "takes_float", fmt::format("takes_float<{}>", t.alias),
                fmt::format("{} {} is a float, and {} {} integers: write an integer", item_word, literal_text(**first_float),
                            t.noun, t.is()));
        std::vector<const node*> checked;
        const node* widest_float = nullptr;
        const node* lowest = nullptr;
        const node* highest = nullptr;
        for (const node* n : items) {
            if (n->type == toml::node_type::floating_point) {
                if (std::isfinite(n->floating) && (!widest_float || std::abs(n->floating) > std::abs(widest_float->floating)))
                    widest_float = n;
                continue;
            }
            if (!lowest || n->integer < lowest->integer) lowest = n;
            if (!highest || n->integer > highest->integer) highest = n;
            if ((n->integer > exact_in_float || n->integer < -exact_in_float) && checked.size() < 8) checked.push_back(n);
        }
        for (const node* n : {lowest, highest})
            if (n && std::find_if(checked.begin(), checked.end(), [&](const node* c) { return c->integer == n->integer; }) == checked.end())
                checked.push_back(n);
        if (widest_float) checked.push_back(widest_float);
        for (const node* n : checked) fits(*n, t, fmt::format("{} {}", item_word, literal_text(*n)));
    }

    const std::vector<requirement>& list() const { return out_; }

private:
    std::string lead_;
    std::vector<requirement> out_;
};

std::string padding(const location& where) { return std::string(where.column > 1 ? where.column - 1 : 12, ' '); }

}  // namespace

std::vector<std::string> setting_assignment(const setting& s, const setting_owner& owner,
                                            std::string (*directive)(const location&)) {
    const node& v = *s.value;
    const std::string path = fmt::format("{}.{}", owner.path, s.key);
    const std::string at = directive(v.where);
    const std::string pad = padding(v.where);
    std::vector<std::string> out;
    // A static_assert whose keyword (clang) and condition (GCC) are both at the value's column.
    const auto assertion = [&](std::string_view condition, std::string_view message) {
        out.push_back(at);
        out.push_back(pad + "static_assert(");
        out.push_back(at);
        out.push_back(fmt::format("{}{}, {});", pad, condition, cpp_string_literal(message)));
    };

    requirements reqs(fmt::format("setting {} of {}: ", path, owner.name));
    const target whole_member{"member", "the C++ member", false, "the C++ member's type"};
    const target item_of_array{"item", "the C++ member's items", true, "the C++ member's item type"};
    const target value_of_table{"item", "the C++ member's values", true, "the C++ member's value type"};
    const target element{"element", "the items of the C++ member's arrays", true, "the item type of the C++ member's arrays"};
    const std::string whole = literal_text(v);
    bool uses_item = false;
    bool uses_element = false;
    bool lists = false;  // a table of arrays, which a lolpop::setting_lists member also takes
    if (v.is_array()) {
        reqs.add("", "takes_array", "takes_array<member>",
                 fmt::format("{} is an array, and the C++ member is not a std::vector of bool, numbers or std::string", whole));
        std::vector<const node*> items;
        for (const node& n : v.items) items.push_back(&n);
        reqs.items(items, item_of_array, whole, "its item");
        uses_item = !items.empty();
    } else if (v.is_table()) {
        reqs.add("", "takes_table", "takes_table<member>",
                 fmt::format("{} is a table, and the C++ member is not a std::map<std::string, ...> of a setting type", whole));
        lists = !v.members.empty() && v.members.front().value.is_array();
        std::vector<const node*> values;
        for (const member& e : v.members) {
            if (!lists) {
                values.push_back(&e.value);
                continue;
            }
            for (const node& n : e.value.items) values.push_back(&n);
        }
        if (lists) {
            reqs.add("", "takes_array", "takes_array<item>",
                     fmt::format("{} is a table of arrays, and the C++ member's values are not std::vector", whole));
            reqs.items(values, element, whole, "its item");
            uses_element = !values.empty();
        } else {
            reqs.items(values, value_of_table, whole, "its value");
        }
        uses_item = !v.members.empty();
    } else {
        reqs.kind(v, whole_member, whole);
        reqs.fits(v, whole_member, whole);
    }

    // Only the aliases a condition uses: GCC warns of a local typedef nothing uses.
    const auto uses = [&](std::string_view alias) {
        return std::any_of(reqs.list().begin(), reqs.list().end(), [&](const requirement& r) {
            for (const std::string* text : {&r.guard, &r.condition})
                if (text->find(fmt::format("<{}>", alias)) != std::string::npos ||
                    text->find(fmt::format("<{},", alias)) != std::string::npos)
                    return true;
            return false;
        });
    };
    uses_element = uses_element && uses("element");
    uses_item = uses_element || (uses_item && uses("item"));
    std::vector<std::string> predicates;
    for (const requirement& r : reqs.list())
        if (!r.predicate.empty() && std::find(predicates.begin(), predicates.end(), "lolpop::" + r.predicate) == predicates.end())
            predicates.push_back("lolpop::" + r.predicate);

    out.push_back(at);
    out.push_back("        [](auto& config) {");
    out.push_back(fmt::format("            if constexpr (!requires {{ config.{}; }}) {{", s.key));
    assertion(fmt::format("requires {{ config.{}; }}", s.key),
              fmt::format("setting {} of {}: its C++ config ({}) has no member {}", path, owner.name, owner.config_type, s.key));
    out.push_back("            } else {");
    out.push_back(fmt::format("                using member = std::remove_cvref_t<decltype(config.{})>;", s.key));
    if (uses_item) out.push_back("                using item = lolpop::setting_item_t<member>;");
    if (uses_element) out.push_back("                using element = lolpop::setting_item_t<item>;");
    if (!predicates.empty()) out.push_back(fmt::format("                using {};", fmt::join(predicates, ", ")));
    out.push_back("                if constexpr (!lolpop::setting_member<member>) {");
    out.push_back("                    // reported where the component is bound (lolpop::unsupported_setting_of)");
    if (lists) {
        out.push_back("                } else if constexpr (std::is_same_v<member, lolpop::setting_lists>) {");
        out.push_back(at);
        out.push_back(fmt::format("                    config.{} = {};", s.key, lists_expression(v, path)));
    }
    for (const requirement& r : reqs.list()) {
        out.push_back(fmt::format("                }} else if constexpr ({}!{}) {{", r.guard.empty() ? "" : r.guard + " && ", r.condition));
        assertion(r.condition, r.message);
    }
    out.push_back("                } else {");
    out.push_back(at);
    out.push_back(fmt::format("                    config.{} = {};", s.key, value_expression(v, path)));
    out.push_back("                }");
    out.push_back("            }");
    out.push_back(at);
    out.push_back("        }(c);");
    return out;
}

std::vector<std::string> setting_types_check(const registry_entry& component, std::string_view composed_type,
                                             const location& where, std::string (*directive)(const location&)) {
    const std::string message = fmt::format(
        "{} ({}): the member of its config that the condition names is of no setting type; a setting is bool, an "
        "integer type (int, unsigned, std::int64_t, std::uint64_t, ...), float, double, std::string, a std::vector<T>, "
        "std::optional<T> or std::map<std::string, T> of one of those, a std::map<std::string, std::vector<T>> or a "
        "lolpop::setting_lists",
        component.name, component.type);
    // At the name's column: clang points at the keyword, GCC at the name after "lolpop::".
    const std::size_t keyword = where.column > 1 ? where.column - 1 : 0;
    const std::size_t condition = where.column > 9 ? where.column - 9 : 0;
    const std::string at = directive(where);
    // In a template, so that GCC prints the condition's value, which names the member.
    return {at, "    []<class T>(std::type_identity<T>) {", at, std::string(keyword, ' ') + "static_assert(", at,
            fmt::format("{}lolpop::all_settings_supported<lolpop::unsupported_setting_of<T>>, {});", std::string(condition, ' '),
                        cpp_string_literal(message)),
            at, fmt::format("    }}(std::type_identity<{}>{{}});", composed_type)};
}

}  // namespace lolpop::gen
