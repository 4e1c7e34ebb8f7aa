#include "profile_tree.hpp"

#include <algorithm>
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

void insert_into(toml::table& table, const std::string& key, const node& value);
void push_into(toml::array& array, const node& value);

toml::table to_table(const node& in) {
    toml::table out;
    out.is_inline(in.inline_table);
    for (const auto& m : in.members) insert_into(out, m.key, m.value);
    return out;
}

toml::array to_array(const node& in) {
    toml::array out;
    for (const auto& item : in.items) push_into(out, item);
    return out;
}

// Dates and times never reach a setting (no registry type accepts them); they are kept as text.
template <class Sink>
void emplace_value(Sink&& sink, const node& value) {
    switch (value.type) {
        case toml::node_type::table: sink(to_table(value)); break;
        case toml::node_type::array: sink(to_array(value)); break;
        case toml::node_type::integer: sink(value.integer); break;
        case toml::node_type::floating_point: sink(value.floating); break;
        case toml::node_type::boolean: sink(value.boolean); break;
        default: sink(value.string); break;
    }
}

void insert_into(toml::table& table, const std::string& key, const node& value) {
    emplace_value([&](auto&& v) { table.insert_or_assign(key, std::forward<decltype(v)>(v)); }, value);
}

void push_into(toml::array& array, const node& value) {
    emplace_value([&](auto&& v) { array.push_back(std::forward<decltype(v)>(v)); }, value);
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
    std::ostringstream out;
    out << toml::toml_formatter(to_table(table), toml::format_flags::allow_unicode_strings);
    return out.str();
}

}  // namespace lolpop::gen
