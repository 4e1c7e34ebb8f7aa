#include "registry.hpp"

#include "profile_loader.hpp"
#include "profile_tree.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/configuration/setting_rules.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace lolpop::gen {

std::vector<std::string> registry_entry::component_roles() const {
    std::vector<std::string> out = required_components;
    out.insert(out.end(), optional_components.begin(), optional_components.end());
    return out;
}

const setting_declaration* registry_entry::setting(std::string_view key) const {
    for (const auto& d : settings)
        if (d.name == key) return &d;
    return nullptr;
}

std::vector<std::string> registry_entry::setting_names() const {
    std::vector<std::string> out;
    for (const auto& d : settings) out.push_back(d.name);
    return out;
}

const std::vector<std::string>* setting_declaration::names_for(const std::string& task) const {
    auto list = one_of.find(one_of.count(task) ? task : std::string());
    return list == one_of.end() ? nullptr : &list->second;
}

bool value_range::contains(double v) const noexcept {
    return in_setting_range(v, setting_range{low, high, low_open, high_open, text});
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

namespace {

std::vector<std::string> names_of_enums(const registry& reg) {
    std::vector<std::string> out;
    for (const auto& e : reg.enums) out.push_back(e.first);
    return out;
}

}  // namespace

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
         {"type", "header", "task", "required_components", "optional_components", "required_pipelines", "settings", "rules"},
         {"type", "header"}},
        {"pipelines", entry_kind::pipeline,
         {"type", "header", "role", "required_components", "optional_components", "settings", "rules"},
         {"type", "header", "role"}},
        {"components", entry_kind::component, {"type", "header", "roles", "tasks", "settings", "rules"},
         {"type", "header", "roles"}},
    };
    return all;
}

bool all_strings(const node& array) {
    return std::all_of(array.items.begin(), array.items.end(), [](const node& item) { return item.is_string(); });
}

double number_of(const node& v) { return v.type == toml::node_type::integer ? static_cast<double>(v.integer) : v.floating; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// "[0, 1]", "(0, inf)", "[-inf, 0)": brackets include a bound, parentheses exclude it.
std::optional<value_range> parse_range(std::string_view text) {
    const std::string_view t = trimmed(text);
    if (t.size() < 5 || (t.front() != '[' && t.front() != '(') || (t.back() != ']' && t.back() != ')')) return std::nullopt;
    const std::string_view inner = t.substr(1, t.size() - 2);
    const auto comma = inner.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const auto bound = [](std::string_view b, double& out) {
        const std::string s(trimmed(b));
        if (s.empty()) return false;
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        return end == s.c_str() + s.size() && out == out;
    };
    value_range r;
    if (!bound(inner.substr(0, comma), r.low) || !bound(inner.substr(comma + 1), r.high) || r.low > r.high) return std::nullopt;
    r.low_open = t.front() == '(';
    r.high_open = t.back() == ')';
    r.text = std::string(t);
    return r;
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
        else if (field.key == "task") {
            e.task = string_of(field);
            if (!e.task.empty()) check_task(v);
        } else if (field.key == "tasks") {
            if (!v.is_array()) return wrong_type(field, "an array of tasks");
            for (const auto& item : v.items)
                if (check_task(item)) e.tasks.push_back(item.string);
        } else if (field.key == "settings") {
            if (!v.is_table()) return wrong_type(field, "a table of setting name = type (or = { type = ..., ... })");
            for (const auto& s : v.members) read_setting(s, e);
        } else if (field.key == "rules") {
            if (!v.is_array()) return wrong_type(field, "an array of rules ({ sum = [...], equals = 1 })");
            for (const auto& item : v.items) read_rule(item, e);
        }
    }

    bool check_task(const node& task) {
        static const std::vector<std::string> tasks = {"classification", "regression"};
        if (task.is_string() && std::find(tasks.begin(), tasks.end(), task.string) != tasks.end()) return true;
        diags_.error(task.where, fmt::format("a task is \"classification\" or \"regression\", got {}",
                                             task.is_string() ? fmt::format("'{}'", task.string) : std::string(type_name(task.type))));
        return false;
    }

    // name = "type", or name = { type = "...", default, range, one_of, keys_of, requires }.
    void read_setting(const member& s, registry_entry& e) {
        static const std::vector<std::string> types = {"string", "secret", "integer", "float", "boolean", "array", "table", "table of arrays"};
        static const std::vector<std::string> keys = {"type", "default", "range", "one_of", "keys_of", "requires"};
        if (!is_identifier(s.key)) return diags_.error(s.key_where, fmt::format("setting name '{}' is not a C++ identifier", s.key));
        const node* type = &s.value;
        if (s.value.is_table()) {
            for (const auto& f : s.value.members)
                if (std::find(keys.begin(), keys.end(), f.key) == keys.end())
                    diags_.error(f.key_where, fmt::format("unknown key '{}' in the declaration of setting '{}'{}", f.key, s.key,
                                                          did_you_mean(f.key, keys)));
            const member* t = s.value.find("type");
            if (!t) return diags_.error(s.value.where, fmt::format("setting '{}' needs a type = \"...\"", s.key));
            type = &t->value;
        }
        if (!type->is_string() || std::find(types.begin(), types.end(), type->string) == types.end())
            return diags_.error(type->where, fmt::format("setting '{}' has type {}; expected one of {}{}", s.key,
                                                         type->is_string() ? fmt::format("'{}'", type->string) : std::string(type_name(type->type)),
                                                         fmt::join(types, ", "), type->is_string() ? did_you_mean(type->string, types) : ""));
        setting_declaration d{s.key, s.key_where, type->string, {}, {}, {}, {}, {}, {}};
        for (const auto& f : s.value.members) read_constraint(f, d);
        e.settings.push_back(std::move(d));
    }

    void read_constraint(const member& f, setting_declaration& d) {
        const node& v = f.value;
        const bool numbers = d.type == "integer" || d.type == "float" || d.type == "array" || d.type == "table";
        if (f.key == "default") {
            const bool fits = (d.type == "integer" && v.type == toml::node_type::integer) || (d.type == "float" && v.is_number()) ||
                              (d.type == "string" && v.is_string()) || (d.type == "boolean" && v.type == toml::node_type::boolean) ||
                              (d.type == "array" && v.is_array()) || (d.type.starts_with("table") && v.is_table());
            if (!fits)
                return diags_.error(v.where, fmt::format("the default of setting '{}' must be {}, got {}", d.name, d.type, type_name(v.type)));
            d.default_value = v;
        } else if (f.key == "range") {
            if (!numbers) return diags_.error(f.key_where, fmt::format("setting '{}' is {}: only numbers have a range", d.name, d.type));
            d.range = v.is_string() ? parse_range(v.string) : std::nullopt;
            if (!d.range)
                diags_.error(v.where, "a range is a string such as \"[0, 1]\", \"(0, 1]\" or \"[1, inf)\": brackets include the "
                                      "bound, parentheses exclude it");
        } else if (f.key == "one_of") {
            read_one_of(v, d);
        } else if (f.key == "keys_of") {
            if (d.type != "table of arrays")
                return diags_.error(f.key_where, fmt::format("setting '{}' is {}: keys_of is for a table of arrays", d.name, d.type));
            d.keys_of = string_of(f);
            if (!d.keys_of.empty()) check_role(reg_, f, v, diags_);
        } else if (f.key == "requires") {
            if (d.type != "boolean")
                return diags_.error(f.key_where, fmt::format("setting '{}' is {}: requires is for a boolean", d.name, d.type));
            d.requires_role = string_of(f);
        }
    }

    // one_of = "enum name" | ["a", "b"] | { classification = [...], regression = [...] }
    void read_one_of(const node& v, setting_declaration& d) {
        if (d.type != "string" && d.type != "array" && d.type != "table")
            return diags_.error(v.where, fmt::format("setting '{}' is {}: only strings have one_of", d.name, d.type));
        if (v.is_string()) {
            d.one_of_name = v.string;
            return;
        }
        const auto names = [&](const node& list, const std::string& task) {
            if (!list.is_array() || !all_strings(list))
                return diags_.error(list.where, fmt::format("one_of of setting '{}' must list strings", d.name));
            for (const auto& item : list.items) d.one_of[task].push_back(item.string);
        };
        if (v.is_array()) return names(v, "");
        if (!v.is_table())
            return diags_.error(v.where, fmt::format("one_of of setting '{}' must be an [enums] name, a list, or a list per task", d.name));
        for (const auto& m : v.members)
            if (check_task_key(m)) names(m.value, m.key);
    }

    bool check_task_key(const member& m) {
        node key;
        key.type = toml::node_type::string;
        key.string = m.key;
        key.where = m.key_where;
        return check_task(key);
    }

    // { sum = ["a", "b", "c"], equals = 1 }; the settings named are checked once all are read.
    void read_rule(const node& v, registry_entry& e) {
        const member* sum = v.is_table() ? v.find("sum") : nullptr;
        const member* equals = v.is_table() ? v.find("equals") : nullptr;
        if (!sum || !equals || v.members.size() != 2 || !sum->value.is_array() || !all_strings(sum->value) || !equals->value.is_number())
            return diags_.error(v.where, "a rule is { sum = [\"setting\", ...], equals = <number> }");
        settings_rule r{v.where, {}, number_of(equals->value)};
        for (const auto& item : sum->value.items) r.sum.push_back(item.string);
        e.rules.push_back(std::move(r));
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

// enums.<name> = ["a", "b"] or { classification = [...], regression = [...] }.
void read_enums(const member& table, registry& reg, diagnostics& diags) {
    if (!table.value.is_table())
        return diags.error(table.value.where, fmt::format("'enums' must be a table, got {}", type_name(table.value.type)));
    static const std::vector<std::string> tasks = {"classification", "regression"};
    for (const auto& m : table.value.members) {
        if (reg.enums.count(m.key)) {
            diags.error(m.key_where, fmt::format("enums.{} is defined twice", m.key));
            continue;
        }
        auto& lists = reg.enums[m.key];
        const auto names = [&](const node& list, const std::string& task) {
            if (!list.is_array() || !all_strings(list))
                return diags.error(list.where, fmt::format("enums.{} must list strings", m.key));
            for (const auto& item : list.items) lists[task].push_back(item.string);
        };
        if (m.value.is_array()) {
            names(m.value, "");
        } else if (m.value.is_table()) {
            for (const auto& t : m.value.members) {
                if (std::find(tasks.begin(), tasks.end(), t.key) == tasks.end())
                    diags.error(t.key_where, fmt::format("enums.{}: '{}' is not a task (classification, regression)", m.key, t.key));
                else
                    names(t.value, t.key);
            }
        } else {
            diags.error(m.value.where, fmt::format("enums.{} must be a list of names or a table of them by task", m.key));
        }
    }
}

// Once every file is read: `one_of` names become their lists, and rules name declared numbers
// with defaults (the generator adds up the defaults of the settings a profile leaves out).
void resolve_declarations(registry_entry& e, const registry& reg, diagnostics& diags) {
    for (auto& d : e.settings) {
        if (!d.one_of_name.empty()) {
            auto found = reg.enums.find(d.one_of_name);
            if (found == reg.enums.end())
                diags.error(d.where, fmt::format("setting '{}': one_of names no [enums] list '{}'{}", d.name, d.one_of_name,
                                                 did_you_mean(d.one_of_name, names_of_enums(reg))));
            else
                d.one_of = found->second;
        }
        // The C++ default is a valid value, whatever it means ("" for "the runner's choice").
        if (d.default_value && d.default_value->is_string())
            for (auto& [task, names] : d.one_of)
                if (std::find(names.begin(), names.end(), d.default_value->string) == names.end())
                    names.push_back(d.default_value->string);
    }
    for (const auto& r : e.rules)
        for (const auto& name : r.sum) {
            const setting_declaration* d = e.setting(name);
            if (!d || (d->type != "float" && d->type != "integer"))
                diags.error(r.where, fmt::format("the rule of {} adds up '{}', which is not a number setting of it{}", e.name, name,
                                                 did_you_mean(name, e.setting_names())));
            else if (!d->default_value)
                diags.error(d->where, fmt::format("setting '{}' of {} needs a default: a rule adds it up", name, e.name));
        }
}

}  // namespace

registry load_registries(const std::vector<std::filesystem::path>& files, diagnostics& diags) {
    registry reg;
    std::vector<std::string> section_names = {"roles", "enums"};
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
            if (top.key == "enums") {
                read_enums(top, reg, diags);
                continue;
            }
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
    for (auto* entries : {&reg.runners, &reg.pipelines, &reg.components})
        for (auto& [name, e] : *entries) resolve_declarations(e, reg, diags);
    return reg;
}

}  // namespace lolpop::gen
