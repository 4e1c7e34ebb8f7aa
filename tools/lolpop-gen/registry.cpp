#include "registry.hpp"

#include "profile_loader.hpp"
#include "profile_tree.hpp"

#include <lolpop/configuration/did_you_mean.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace lolpop::gen {

std::vector<std::string> registry_entry::component_roles() const {
    std::vector<std::string> out = required_components;
    out.insert(out.end(), optional_components.begin(), optional_components.end());
    return out;
}

const std::string* registry_entry::setting_type(std::string_view key) const {
    for (const auto& [k, type] : settings)
        if (k == key) return &type;
    return nullptr;
}

std::vector<std::string> registry_entry::setting_names() const {
    std::vector<std::string> out;
    for (const auto& s : settings) out.push_back(s.first);
    return out;
}

const registry_role* registry::role(std::string_view name) const {
    for (const auto& r : roles)
        if (r.name == name) return &r;
    return nullptr;
}

std::vector<std::string> registry::role_names(bool pipeline) const {
    std::vector<std::string> out;
    for (const auto& r : roles)
        if (r.pipeline == pipeline) out.push_back(r.name);
    return out;
}

std::vector<std::string> names_of(const std::map<std::string, registry_entry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.first);
    return out;
}

namespace {

enum class entry_kind { runner, pipeline, component };

struct section {
    std::string_view name;
    entry_kind kind;
    std::vector<std::string> keys;
    std::vector<std::string> mandatory;
};

const std::vector<section>& sections() {
    static const std::vector<section> all = {
        {"runners", entry_kind::runner,
         {"type", "header", "required_components", "optional_components", "required_pipelines", "settings"},
         {"type", "header"}},
        {"pipelines", entry_kind::pipeline,
         {"type", "header", "role", "required_components", "optional_components", "settings"},
         {"type", "header", "role"}},
        {"components", entry_kind::component, {"type", "header", "roles", "settings"}, {"type", "header", "roles"}},
    };
    return all;
}

bool is_identifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Generated headers name roles as lolpop::role tags, so a registry may only mention roles of the
// [roles] table.
void check_role(const registry& reg, const member& field, const node& name, diagnostics& diags) {
    const bool pipeline_role = field.key == "role" || field.key == "required_pipelines";
    const std::vector<std::string> known = reg.role_names(pipeline_role);
    if (std::find(known.begin(), known.end(), name.string) == known.end())
        diags.error(name.where, fmt::format("unknown {} role '{}'{}", pipeline_role ? "pipeline" : "component", name.string,
                                            did_you_mean(name.string, known)));
}

std::string string_field(const member& field, diagnostics& diags) {
    if (field.value.is_string() && !field.value.string.empty()) return field.value.string;
    diags.error(field.value.where, fmt::format("'{}' must be a non-empty string, got {}", field.key, type_name(field.value.type)));
    return {};
}

// roles.<name> = { concept, header, null, chain, chain_header } or { kind = "pipeline" }.
void read_role(const member& m, registry& reg, diagnostics& diags) {
    if (const registry_role* existing = reg.role(m.key))
        return diags.error(m.key_where, fmt::format("role '{}' redefines the one in {}", m.key, *existing->where.file));
    if (!is_identifier(m.key)) return diags.error(m.key_where, fmt::format("'{}' is not a valid role name (letters, digits, _)", m.key));
    if (!m.value.is_table())
        return diags.error(m.value.where, fmt::format("roles.{} must be a table, got {}", m.key, type_name(m.value.type)));
    registry_role r{m.key, m.key_where, false, {}, {}, {}, {}, {}};
    static const std::vector<std::string> keys = {"kind", "concept", "header", "null", "chain", "chain_header"};
    for (const auto& field : m.value.members) {
        const std::string value = string_field(field, diags);
        if (field.key == "kind") {
            if (value != "pipeline" && value != "component")
                diags.error(field.value.where, fmt::format("roles.{}.kind must be \"component\" or \"pipeline\"", m.key));
            r.pipeline = value == "pipeline";
        } else if (field.key == "concept") r.concept_name = value;
        else if (field.key == "header") r.concept_header = value;
        else if (field.key == "null") r.null_component = value;
        else if (field.key == "chain") r.chain_type = value;
        else if (field.key == "chain_header") r.chain_header = value;
        else
            diags.error(field.key_where,
                        fmt::format("unknown key '{}' in roles.{}{}", field.key, m.key, did_you_mean(field.key, keys)));
    }
    if (!r.pipeline && (r.concept_name.empty() || r.concept_header.empty()))
        diags.error(m.value.where, fmt::format("roles.{} needs 'concept' and 'header'", m.key));
    if (r.chain_type.empty() != r.chain_header.empty())
        diags.error(m.value.where, fmt::format("roles.{} needs both 'chain' and 'chain_header', or neither", m.key));
    reg.roles.push_back(std::move(r));
}

class entry_reader {
public:
    entry_reader(const registry& reg, diagnostics& diags) : reg_(reg), diags_(diags) {}

    void read(const section& sec, const member& m, registry_entry& e) {
        e.name = m.key;
        e.where = m.key_where;
        if (!is_identifier(e.name)) diags_.error(m.key_where, fmt::format("'{}' is not a valid name (letters, digits, _)", e.name));
        if (!m.value.is_table()) {
            diags_.error(m.value.where, fmt::format("{}.{} must be a table, got {}", sec.name, e.name, type_name(m.value.type)));
            return;
        }
        for (const auto& field : m.value.members) {
            if (std::find(sec.keys.begin(), sec.keys.end(), field.key) == sec.keys.end()) {
                diags_.error(field.key_where, fmt::format("unknown key '{}' in {}.{}{}", field.key, sec.name, e.name,
                                                          did_you_mean(field.key, sec.keys)));
                continue;
            }
            read_field(field, e);
        }
        for (const auto& key : sec.mandatory)
            if (!m.value.find(key)) diags_.error(m.value.where, fmt::format("{}.{} has no '{}'", sec.name, e.name, key));
    }

private:
    void read_field(const member& field, registry_entry& e) {
        const node& v = field.value;
        if (field.key == "role") {
            e.role = string_of(field);
            if (!e.role.empty()) check_role(reg_, field, v, diags_);
        } else if (field.key == "type") {
            e.type = string_of(field);
            e.type_where = v.where;
        } else if (field.key == "header") {
            e.header = string_of(field);
            e.header_where = v.where;
        } else if (field.key == "roles") e.roles = strings_of(field);
        else if (field.key == "required_components") e.required_components = strings_of(field);
        else if (field.key == "optional_components") e.optional_components = strings_of(field);
        else if (field.key == "required_pipelines") e.required_pipelines = strings_of(field);
        else if (field.key == "settings") {
            if (!v.is_table()) return wrong_type(field, "a table of setting name = type");
            static const std::vector<std::string> types = {"string", "integer", "float", "boolean", "array", "table",
                                                       "table of arrays"};
            for (const auto& s : v.members) {
                if (!is_identifier(s.key))
                    diags_.error(s.key_where, fmt::format("setting name '{}' is not a C++ identifier", s.key));
                else if (!s.value.is_string() || std::find(types.begin(), types.end(), s.value.string) == types.end())
                    diags_.error(s.value.where,
                                 fmt::format("setting '{}' has type {}; expected one of {}{}", s.key,
                                             s.value.is_string() ? fmt::format("'{}'", s.value.string) : std::string(type_name(s.value.type)),
                                             fmt::join(types, ", "), s.value.is_string() ? did_you_mean(s.value.string, types) : ""));
                else
                    e.settings.emplace_back(s.key, s.value.string);
            }
        }
    }

    std::string string_of(const member& field) {
        if (field.value.is_string() && !field.value.string.empty()) return field.value.string;
        wrong_type(field, "a non-empty string");
        return {};
    }

    std::vector<std::string> strings_of(const member& field) {
        std::vector<std::string> out;
        if (!field.value.is_array()) {
            wrong_type(field, "an array of strings");
            return out;
        }
        for (const auto& item : field.value.items) {
            if (!item.is_string()) {
                diags_.error(item.where, fmt::format("'{}' must list role names, got {}", field.key, type_name(item.type)));
                continue;
            }
            check_role(reg_, field, item, diags_);
            out.push_back(item.string);
        }
        return out;
    }

    void wrong_type(const member& field, std::string_view expected) {
        diags_.error(field.value.where, fmt::format("'{}' must be {}, got {}", field.key, expected, type_name(field.value.type)));
    }

    const registry& reg_;
    diagnostics& diags_;
};

std::map<std::string, registry_entry>& entries_of(registry& reg, entry_kind kind) {
    switch (kind) {
        case entry_kind::runner: return reg.runners;
        case entry_kind::pipeline: return reg.pipelines;
        case entry_kind::component: break;
    }
    return reg.components;
}

std::string_view singular(entry_kind kind) {
    switch (kind) {
        case entry_kind::runner: return "runner";
        case entry_kind::pipeline: return "pipeline";
        case entry_kind::component: break;
    }
    return "component";
}

}  // namespace

registry load_registries(const std::vector<std::filesystem::path>& files, diagnostics& diags) {
    registry reg;
    std::vector<std::string> section_names = {"roles"};
    for (const auto& s : sections()) section_names.emplace_back(s.name);
    std::vector<node> roots;
    for (const auto& file : files) roots.push_back(parse_document(read_file(file, location{}, "registry"), file.string()));
    // The roles first, from every file: entries of any file may name them.
    for (const node& root : roots)
        if (const member* roles = root.find("roles")) {
            if (!roles->value.is_table())
                diags.error(roles->value.where, fmt::format("'roles' must be a table, got {}", type_name(roles->value.type)));
            else
                for (const auto& m : roles->value.members) read_role(m, reg, diags);
        }
    entry_reader reader(reg, diags);
    for (const node& root : roots) {
        for (const auto& top : root.members) {
            if (top.key == "roles") continue;
            auto sec = std::find_if(sections().begin(), sections().end(), [&](const section& s) { return s.name == top.key; });
            if (sec == sections().end()) {
                diags.error(top.key_where, fmt::format("unknown section '{}'{}", top.key, did_you_mean(top.key, section_names)));
                continue;
            }
            if (!top.value.is_table()) {
                diags.error(top.value.where, fmt::format("'{}' must be a table, got {}", top.key, type_name(top.value.type)));
                continue;
            }
            auto& entries = entries_of(reg, sec->kind);
            for (const auto& m : top.value.members) {
                if (auto existing = entries.find(m.key); existing != entries.end()) {
                    diags.error(m.key_where, fmt::format("{} '{}' redefines the one in {}", singular(sec->kind), m.key,
                                                         *existing->second.where.file));
                    continue;
                }
                reader.read(*sec, m, entries[m.key]);
            }
        }
    }
    for (const auto& r : reg.roles)
        if (!r.null_component.empty() && !reg.components.count(r.null_component))
            diags.error(r.where, fmt::format("roles.{}.null names no component: '{}'", r.name, r.null_component));
    return reg;
}

}  // namespace lolpop::gen
