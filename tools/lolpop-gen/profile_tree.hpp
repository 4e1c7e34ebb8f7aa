#pragma once
// A TOML document as the generator needs it: tables keep the order of the file (toml++ sorts keys),
// and every key and value keeps the place it was written, also after merging several files.
#include "diagnostics.hpp"

#include <toml++/toml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::gen {

struct member;

struct node {
    toml::node_type type = toml::node_type::none;
    location where;
    std::string string;  // a string's value; the TOML text of a date or time
    std::int64_t integer = 0;
    double floating = 0;
    bool boolean = false;
    bool inline_table = false;
    std::vector<node> items;      // an array's elements
    std::vector<member> members;  // a table's entries, in file order

    bool is_table() const noexcept { return type == toml::node_type::table; }
    bool is_array() const noexcept { return type == toml::node_type::array; }
    bool is_string() const noexcept { return type == toml::node_type::string; }
    bool is_number() const noexcept {
        return type == toml::node_type::integer || type == toml::node_type::floating_point;
    }

    const member* find(std::string_view key) const;
    member* find(std::string_view key);
    std::vector<std::string> keys() const;
};

struct member {
    std::string key;
    location key_where;
    node value;
};

// "string", "integer", "float", "boolean", "array", "table", "date", "time", "date-time".
std::string_view type_name(toml::node_type type);

location location_of(const toml::source_region& region);

// Parses `text` read from `path`; syntax errors become fatal_error at toml++'s position.
node parse_document(std::string_view text, const std::string& path);

// The document as TOML text again, in the same order; equal documents give equal text.
std::string to_toml_text(const node& table);

}  // namespace lolpop::gen
