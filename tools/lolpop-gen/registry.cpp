#include "registry.hpp"

#include "profile_loader.hpp"
#include "profile_tree.hpp"
#include "role_names.hpp"

#include <lolpop/configuration/did_you_mean.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <span>

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

// Generated headers name roles as lolpop::role tags, so a registry may only mention those.
void check_role(const member& field, const node& name, diagnostics& diags) {
    const bool pipeline_role = field.key == "role" || field.key == "required_pipelines";
    const std::span<const std::string_view> known = pipeline_role ? std::span<const std::string_view>(pipeline_role_names)
                                                                  : std::span<const std::string_view>(component_role_names);
    if (std::find(known.begin(), known.end(), name.string) == known.end())
        diags.error(name.where, fmt::format("unknown {} role '{}'{}", pipeline_role ? "pipeline" : "component", name.string,
                                            did_you_mean(name.string, known)));
}

class entry_reader {
public:
    explicit entry_reader(diagnostics& diags) : diags_(diags) {}

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
            if (!e.role.empty()) check_role(field, v, diags_);
        } else if (field.key == "type") e.type = string_of(field);
        else if (field.key == "header") e.header = string_of(field);
        else if (field.key == "roles") e.roles = strings_of(field);
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
            check_role(field, item, diags_);
            out.push_back(item.string);
        }
        return out;
    }

    void wrong_type(const member& field, std::string_view expected) {
        diags_.error(field.value.where, fmt::format("'{}' must be {}, got {}", field.key, expected, type_name(field.value.type)));
    }

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
    std::vector<std::string> section_names;
    for (const auto& s : sections()) section_names.emplace_back(s.name);
    for (const auto& file : files) {
        const std::string path = file.string();
        node root = parse_document(read_file(file, location{}, "registry"), path);
        entry_reader reader(diags);
        for (const auto& top : root.members) {
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
    return reg;
}

}  // namespace lolpop::gen
