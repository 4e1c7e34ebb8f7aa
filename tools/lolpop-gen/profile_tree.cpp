#include "profile_tree.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>
#include <tuple>

namespace lolpop::gen {

const member* node::find(std::string_view key) const {
    auto it = std::find_if(members.begin(), members.end(), [&](const member& m) { return m.key == key; });
    return it == members.end() ? nullptr : &*it;
}

member* node::find(std::string_view key) {
    return const_cast<member*>(static_cast<const node&>(*this).find(key));
}

std::vector<std::string> node::keys() const {
    std::vector<std::string> out;
    for (const auto& m : members) out.push_back(m.key);
    return out;
}

std::string_view type_name(toml::node_type type) {
    switch (type) {
        case toml::node_type::table: return "table";
        case toml::node_type::array: return "array";
        case toml::node_type::string: return "string";
        case toml::node_type::integer: return "integer";
        case toml::node_type::floating_point: return "float";
        case toml::node_type::boolean: return "boolean";
        case toml::node_type::date: return "date";
        case toml::node_type::time: return "time";
        case toml::node_type::date_time: return "date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

location location_of(const toml::source_region& region) {
    return {region.path, region.begin.line, region.begin.column};
}

namespace {

template <class T>
std::string toml_text(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

node convert(const toml::node& in) {
    node out;
    out.type = in.type();
    out.where = location_of(in.source());
    if (auto* t = in.as_table()) {
        out.inline_table = t->is_inline();
        for (auto&& [key, value] : *t) out.members.push_back({std::string(key.str()), location_of(key.source()), convert(value)});
        // toml++ keeps keys sorted; the profile's order is the order the keys were written in.
        std::stable_sort(out.members.begin(), out.members.end(), [](const member& a, const member& b) {
            return std::tie(a.key_where.line, a.key_where.column) < std::tie(b.key_where.line, b.key_where.column);
        });
    } else if (auto* a = in.as_array()) {
        for (const auto& item : *a) out.items.push_back(convert(item));
    } else if (auto* s = in.as_string()) {
        out.string = s->get();
    } else if (auto* i = in.as_integer()) {
        out.integer = i->get();
    } else if (auto* f = in.as_floating_point()) {
        out.floating = f->get();
    } else if (auto* b = in.as_boolean()) {
        out.boolean = b->get();
    } else if (auto* d = in.as_date()) {
        out.string = toml_text(d->get());
    } else if (auto* tm = in.as_time()) {
        out.string = toml_text(tm->get());
    } else if (auto* dt = in.as_date_time()) {
        out.string = toml_text(dt->get());
    }
    return out;
}

bool is_bare_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// toml++ quotes and escapes strings; the layout around them is ours, so that the text keeps the
// profile's order and floats keep their shortest form (toml++ prints 0.2 as 0.20000000000000001).
std::string quoted(std::string_view text) {
    std::ostringstream out;
    out << toml::toml_formatter(toml::value<std::string>(std::string(text)), toml::format_flags::allow_unicode_strings);
    return out.str();
}

std::string key_text(std::string_view key) { return is_bare_key(key) ? std::string(key) : quoted(key); }

std::string float_text(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    std::string text = fmt::format("{}", v);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

bool is_section(const node& n) { return n.is_table() && !n.inline_table; }

std::string value_text(const node& v) {
    switch (v.type) {
        case toml::node_type::string: return quoted(v.string);
        case toml::node_type::integer: return std::to_string(v.integer);
        case toml::node_type::floating_point: return float_text(v.floating);
        case toml::node_type::boolean: return v.boolean ? "true" : "false";
        case toml::node_type::array: {
            std::vector<std::string> items;
            for (const auto& item : v.items) items.push_back(value_text(item));
            return fmt::format("[{}]", fmt::join(items, ", "));
        }
        case toml::node_type::table: {
            std::vector<std::string> entries;
            for (const auto& m : v.members) entries.push_back(key_text(m.key) + " = " + value_text(m.value));
            return entries.empty() ? "{}" : fmt::format("{{ {} }}", fmt::join(entries, ", "));
        }
        default: return v.string;  // a date or time, as written
    }
}

void write_table(std::string& out, const node& table, const std::string& path) {
    bool has_values = false;
    for (const auto& m : table.members)
        if (!is_section(m.value)) has_values = true;
    if (!path.empty() && (has_values || table.members.empty())) out += fmt::format("{}[{}]\n", out.empty() ? "" : "\n", path);
    for (const auto& m : table.members)
        if (!is_section(m.value)) out += fmt::format("{} = {}\n", key_text(m.key), value_text(m.value));
    for (const auto& m : table.members)
        if (is_section(m.value)) write_table(out, m.value, path.empty() ? key_text(m.key) : path + "." + key_text(m.key));
}

}  // namespace

node parse_document(std::string_view text, const std::string& path) {
    try {
        return convert(toml::parse(text, std::string_view{path}));
    } catch (const toml::parse_error& e) {
        location where = location_of(e.source());
        if (!where.file) where.file = std::make_shared<const std::string>(path);
        throw fatal_error(where, e.description());
    }
}

std::string to_toml_text(const node& table) {
    std::string out;
    write_table(out, table, "");
    return out;
}

}  // namespace lolpop::gen
