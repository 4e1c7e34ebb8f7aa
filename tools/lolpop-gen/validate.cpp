#include "validate.hpp"

#include "check_values.hpp"

#include <lolpop/configuration/did_you_mean.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace lolpop::gen {

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The roles mentioned in a bindings table, valid or not, so that one mistake is reported once and
// not again as "missing" or "not bound".
using role_set = std::set<std::string, std::less<>>;

class validator {
public:
    validator(const registry& reg, diagnostics& diags) : reg_(reg), diags_(diags) {}

    std::optional<workflow> run(const node& root, const location& file_start) {
        if (const member* misplaced = root.find("extends")) {
            diags_.error(misplaced->key_where, "'extends' belongs in the [profile] table: write [profile] above it, and the "
                                               "runner and other top-level keys before [profile]");
            return std::nullopt;
        }
        const member* runner_key = root.find("runner");
        if (!runner_key) {
            diags_.error(file_start, fmt::format("no runner: add runner = \"<name>\" (one of: {})",
                                                 fmt::join(names_of(reg_.runners), ", ")));
            return std::nullopt;
        }
        const node& name = runner_key->value;
        if (!name.is_string()) {
            diags_.error(name.where, fmt::format("'runner' must be a string naming a runner, got {}", type_name(name.type)));
            return std::nullopt;
        }
        auto found = reg_.runners.find(name.string);
        if (found == reg_.runners.end()) {
            diags_.error(name.where, fmt::format("unknown runner '{}'{}", name.string, did_you_mean(name.string, names_of(reg_.runners))));
            return std::nullopt;
        }
        const registry_entry& runner = found->second;
        runner_roles_ = runner.component_roles();
        workflow wf{&runner, {}, {}, {}};

        role_set components_seen;
        const member* components = root.find("components");
        if (components) wf.components = bind_components(*components, runner, "components", components_seen);
        require(runner.required_components, components_seen, components ? components->value.where : name.where,
                [&](const std::string& role) {
                    return fmt::format("{} requires role '{}' in [components]", runner.name, role);
                });

        role_set pipelines_seen;
        const member* pipelines = root.find("pipelines");
        if (pipelines) wf.pipelines = bind_pipelines(*pipelines, runner, pipelines_seen);
        require(runner.required_pipelines, pipelines_seen, pipelines ? pipelines->value.where : name.where,
                [&](const std::string& role) {
                    return fmt::format("{} requires pipeline role '{}' in [pipelines]", runner.name, role);
                });
        for (auto& p : wf.pipelines) check_pipeline(p, root.find(p.role));

        const std::vector<std::string> component_roles = runner.component_roles();
        for (const auto& m : root.members) {
            if (m.key == "runner" || m.key == "components" || m.key == "pipelines") continue;
            if (m.key == "config") {
                wf.config = check_settings(m, runner, "config");
            } else if (contains(component_roles, m.key)) {
                settings_of_role(m, wf.components, components_seen, "components", m.key);
            } else if (contains(runner.required_pipelines, m.key)) {
                if (!pipelines_seen.contains(m.key))
                    diags_.error(m.key_where, fmt::format("settings for pipeline role '{}', which [pipelines] does not bind", m.key));
            } else if (std::string owners = pipelines_with_role(wf, m.key); !owners.empty()) {
                diags_.error(m.key_where, fmt::format("unknown section '{0}': {0} is a role of a pipeline, and its settings go "
                                                      "in {1}",
                                                      m.key, owners));
            } else {
                std::vector<std::string> known = {"runner", "config", "components", "pipelines"};
                known.insert(known.end(), component_roles.begin(), component_roles.end());
                known.insert(known.end(), runner.required_pipelines.begin(), runner.required_pipelines.end());
                diags_.error(m.key_where, fmt::format("unknown section '{}'{}", m.key, did_you_mean(m.key, known)));
            }
        }
        for (const auto& u : unknown_settings_) report_unknown_setting(wf, u);
        if (diags_.failed()) return std::nullopt;
        check_values(reg_, wf, diags_);
        if (diags_.failed()) return std::nullopt;
        return wf;
    }

private:
    struct unknown_setting {
        const member* at;
        const registry_entry* owner;
        std::string label;
    };

    template <class Message>
    void require(const std::vector<std::string>& roles, const role_set& seen, const location& where, Message message) {
        for (const auto& role : roles)
            if (!seen.contains(role)) diags_.error(where, message(role));
    }

    bool is_table(const member& m, std::string_view label) {
        if (m.value.is_table()) return true;
        diags_.error(m.value.where, fmt::format("[{}] must be a table, got {}", label, type_name(m.value.type)));
        return false;
    }

    std::vector<component_binding> bind_components(const member& table, const registry_entry& owner, const std::string& label,
                                                   role_set& seen) {
        std::vector<component_binding> out;
        const std::vector<std::string> roles = owner.component_roles();
        if (!is_table(table, label)) {
            seen.insert(roles.begin(), roles.end());
            return out;
        }
        for (const auto& m : table.value.members) {
            if (!contains(roles, m.key)) {
                diags_.error(m.key_where, fmt::format("{} has no component role '{}'{}", owner.name, m.key, did_you_mean(m.key, roles)));
                continue;
            }
            seen.insert(m.key);
            const node& name = m.value;
            const registry_role* role = reg_.role(m.key);
            const bool chains = role && !role->chain_type.empty();
            if (name.is_array() && chains) {
                if (auto chain = bind_chain(m)) out.push_back(std::move(*chain));
                continue;
            }
            if (!name.is_string()) {
                diags_.error(name.where, fmt::format("role '{}' must name a component{}, got {}", m.key,
                                                     chains ? " or a list of them" : "", type_name(name.type)));
                continue;
            }
            if (const registry_entry* found = component_for(m.key, name)) out.push_back({m.key, found, name.where, {}, {}, nullptr});
        }
        return out;
    }

    // The registry entry `name` names, if it may fill `role`; reports why not otherwise.
    const registry_entry* component_for(const std::string& role, const node& name) {
        auto found = reg_.components.find(name.string);
        if (found == reg_.components.end()) {
            diags_.error(name.where, fmt::format("unknown component '{}'{}", name.string,
                                                 did_you_mean(name.string, names_of(reg_.components))));
            return nullptr;
        }
        if (!contains(found->second.roles, role)) {
            diags_.error(name.where, fmt::format("component '{}' cannot fill role '{}' (its roles: {})", name.string, role,
                                                 fmt::join(found->second.roles, ", ")));
            return nullptr;
        }
        return &found->second;
    }

    // `role = ["a", "b", ...]`: the components of a chain, each checked as a binding of the role.
    std::optional<component_binding> bind_chain(const member& m) {
        const node& list = m.value;
        if (list.items.empty()) {
            diags_.error(list.where, fmt::format("the list for role '{}' is empty: name at least one component", m.key));
            return std::nullopt;
        }
        component_binding chain{m.key, nullptr, list.where, {}, {}, reg_.role(m.key)};
        bool ok = true;
        for (const node& name : list.items) {
            if (!name.is_string()) {
                diags_.error(name.where, fmt::format("each element of role '{}' must name a component, got {}", m.key,
                                                     type_name(name.type)));
                ok = false;
                continue;
            }
            const registry_entry* found = component_for(m.key, name);
            if (!found) {
                ok = false;
                continue;
            }
            const auto twice = [&](const chain_step& step) { return step.component == found; };
            if (std::any_of(chain.chain.begin(), chain.chain.end(), twice)) {
                diags_.error(name.where, fmt::format("component '{}' appears twice in the list for role '{}'; each may "
                                                     "appear once, since its settings are named after it",
                                                     name.string, m.key));
                ok = false;
                continue;
            }
            chain.chain.push_back({found, name.where, {}});
        }
        if (!ok) return std::nullopt;
        return chain;
    }

    std::vector<pipeline_binding> bind_pipelines(const member& table, const registry_entry& runner, role_set& seen) {
        std::vector<pipeline_binding> out;
        if (!is_table(table, "pipelines")) {
            seen.insert(runner.required_pipelines.begin(), runner.required_pipelines.end());
            return out;
        }
        for (const auto& m : table.value.members) {
            if (!contains(runner.required_pipelines, m.key)) {
                diags_.error(m.key_where, fmt::format("{} has no pipeline role '{}'{}", runner.name, m.key,
                                                      did_you_mean(m.key, runner.required_pipelines)));
                continue;
            }
            seen.insert(m.key);
            const node& name = m.value;
            if (!name.is_string()) {
                diags_.error(name.where, fmt::format("role '{}' must name a pipeline, got {}", m.key, type_name(name.type)));
                continue;
            }
            auto found = reg_.pipelines.find(name.string);
            if (found == reg_.pipelines.end()) {
                diags_.error(name.where, fmt::format("unknown pipeline '{}'{}", name.string,
                                                     did_you_mean(name.string, names_of(reg_.pipelines))));
                continue;
            }
            if (found->second.role != m.key) {
                diags_.error(name.where, fmt::format("pipeline '{}' fills role '{}', not '{}'", name.string, found->second.role, m.key));
                continue;
            }
            out.push_back({m.key, &found->second, name.where, {}, {}});
        }
        return out;
    }

    // [<role>.components], [<role>.config] and [<role>.<local role>] of one bound pipeline.
    void check_pipeline(pipeline_binding& p, const member* section) {
        const registry_entry& pipeline = *p.pipeline;
        if (section && !is_table(*section, p.role)) return;
        role_set seen;
        const member* components = section ? section->value.find("components") : nullptr;
        const std::string components_label = p.role + ".components";
        if (components) p.components = bind_components(*components, pipeline, components_label, seen);
        require(pipeline.required_components, seen, components ? components->value.where : p.where, [&](const std::string& role) {
            return fmt::format("{} requires role '{}' in [{}]", pipeline.name, role, components_label);
        });
        if (!section) return;
        const std::vector<std::string> roles = pipeline.component_roles();
        for (const auto& m : section->value.members) {
            if (m.key == "components") continue;
            if (m.key == "config") {
                p.config = check_settings(m, pipeline, p.role + ".config");
            } else if (contains(roles, m.key)) {
                settings_of_role(m, p.components, seen, components_label, p.role + "." + m.key);
            } else if (contains(runner_roles_, m.key)) {
                diags_.error(m.key_where, fmt::format("unknown section '{0}.{1}': {1} is a global component of the runner, and "
                                                      "its settings go in [{1}]",
                                                      p.role, m.key));
            } else {
                std::vector<std::string> known = {"config", "components"};
                known.insert(known.end(), roles.begin(), roles.end());
                std::string near = closest_name(m.key, known);
                diags_.error(m.key_where, fmt::format("unknown section '{}.{}'{}", p.role, m.key,
                                                      near.empty() ? "" : fmt::format(" (did you mean '{}.{}'?)", p.role, near)));
            }
        }
    }

    void settings_of_role(const member& m, std::vector<component_binding>& bindings, const role_set& seen,
                          const std::string& components_label, const std::string& label) {
        auto bound = std::find_if(bindings.begin(), bindings.end(), [&](const component_binding& b) { return b.role == m.key; });
        if (bound != bindings.end() && bound->component)
            bound->settings = check_settings(m, *bound->component, label);
        else if (bound != bindings.end())
            check_chain_settings(m, *bound, label);
        else if (!seen.contains(m.key))
            diags_.error(m.key_where, fmt::format("settings for role '{}', which [{}] does not bind", m.key, components_label));
    }

    // A chain's section holds one table per component: [<label>.<component>].
    void check_chain_settings(const member& section, component_binding& chain, const std::string& label) {
        if (!is_table(section, label)) return;
        std::vector<std::string> names;
        for (const chain_step& step : chain.chain) names.push_back(step.component->name);
        for (const auto& m : section.value.members) {
            auto step = std::find_if(chain.chain.begin(), chain.chain.end(),
                                     [&](const chain_step& s) { return s.component->name == m.key; });
            if (step == chain.chain.end()) {
                diags_.error(m.key_where, fmt::format("'{}' is not in the list for role '{}' (its components: {}){}; the "
                                                      "settings of each are in [{}.<component>]",
                                                      m.key, chain.role, fmt::join(names, ", "), did_you_mean(m.key, names),
                                                      label));
                continue;
            }
            step->settings = check_settings(m, *step->component, label + "." + m.key);
        }
    }

    std::vector<setting> check_settings(const member& section, const registry_entry& owner, const std::string& label) {
        std::vector<setting> out;
        if (!is_table(section, label)) return out;
        for (const auto& m : section.value.members) {
            const setting_declaration* declared = owner.setting(m.key);
            if (!declared) {
                unknown_settings_.push_back({&m, &owner, label});  // reported once the whole workflow is bound
                continue;
            }
            if (check_type(m, declared->type, owner)) out.push_back({m.key, &m.value, declared->type, declared});
        }
        return out;
    }

    // An unknown setting, with where it belongs when another part of the workflow has it.
    void report_unknown_setting(const workflow& wf, const unknown_setting& u) {
        const std::string& key = u.at->key;
        std::string message = u.owner->settings.empty()
                                  ? fmt::format("unknown setting '{}': {} has no settings", key, u.owner->name)
                                  : fmt::format("unknown setting '{}' for {}", key, u.owner->name);
        std::vector<std::string> places;
        for_each_part(wf, [&](const registry_entry& owner, const std::string& label, const std::string& section) {
            if (label != u.label && owner.setting(key)) places.push_back(fmt::format("[{}] ({})", section, owner.name));
        });
        if (!places.empty())
            message += fmt::format(": it is a setting of {}; write it there", fmt::join(places, " or "));
        else
            message += did_you_mean(key, u.owner->setting_names());
        diags_.error(u.at->key_where, message);
    }

    // Calls f(entry, settings label, section) for the runner, each pipeline and each bound component.
    template <class F>
    static void for_each_part(const workflow& wf, F f) {
        f(*wf.runner, "config", "config");
        const auto components = [&](const std::vector<component_binding>& bindings, const std::string& prefix) {
            for (const auto& b : bindings) {
                const std::string label = prefix + b.role;
                if (b.component) f(*b.component, label, label);
                for (const auto& step : b.chain) f(*step.component, label + "." + step.component->name, label + "." + step.component->name);
            }
        };
        components(wf.components, "");
        for (const auto& p : wf.pipelines) {
            f(*p.pipeline, p.role + ".config", p.role + ".config");
            components(p.components, p.role + ".");
        }
    }

    // The compiler has the final word on the C++ type; this catches what TOML alone shows is wrong.
    // NaN is no setting: compared with anything it is false, so a threshold of NaN never applies.
    bool check_type(const member& m, const std::string& type, const registry_entry& owner) {
        const node& v = m.value;
        const auto is_boolean = [](const node& n) { return n.type == toml::node_type::boolean; };
        const auto is_nan = [](const node& n) { return n.type == toml::node_type::floating_point && std::isnan(n.floating); };
        // All strings, all numbers or all booleans.
        const auto one_kind = [&](const std::vector<const node*>& items) {
            const auto all = [&](auto is) { return std::all_of(items.begin(), items.end(), [&](const node* n) { return is(*n); }); };
            return all([](const node& n) { return n.is_string(); }) || all([](const node& n) { return n.is_number(); }) ||
                   all(is_boolean);
        };
        std::vector<const node*> scalars;  // what the checks for NaN look at
        bool ok = true;
        if (type == "array" && v.is_array()) {
            for (const node& item : v.items) scalars.push_back(&item);
            if (!one_kind(scalars)) {
                diags_.error(v.where, fmt::format("setting '{}' of {} must be an array of strings, of numbers or of booleans",
                                                  m.key, owner.name));
                return false;
            }
        } else if (type == "table" && v.is_table()) {
            for (const member& e : v.members) scalars.push_back(&e.value);
            if (!one_kind(scalars)) {
                diags_.error(v.where, fmt::format("setting '{}' of {} must be a table of strings, of numbers or of booleans",
                                                  m.key, owner.name));
                return false;
            }
        } else if (type == "table of arrays" && v.is_table()) {
            const auto scalar = [&](const node& item) { return item.is_string() || item.is_number() || is_boolean(item); };
            for (const member& e : v.members) {
                ok = ok && e.value.is_array() && std::all_of(e.value.items.begin(), e.value.items.end(), scalar);
                for (const node& item : e.value.items) scalars.push_back(&item);
            }
            if (!ok) {
                diags_.error(v.where, fmt::format("setting '{}' of {} must be a table of arrays of strings, numbers and booleans",
                                                  m.key, owner.name));
                return false;
            }
        } else if (type == "secret" && v.is_string()) {
            // What the profile spells out is compiled into the binary; ${env:...} is read when it starts.
            if (!v.string.empty() && v.string.find("${env:") == std::string::npos) {
                diags_.error(v.where, fmt::format("setting '{}' of {} is a secret: written in the profile, it would be compiled "
                                                  "into the binary; read it from the environment with \"${{env:NAME}}\"",
                                                  m.key, owner.name));
                return false;
            }
        } else {
            const std::string_view actual = type_name(v.type);
            if (actual != type && !(type == "float" && actual == "integer")) {
                diags_.error(v.where, fmt::format("setting '{}' of {} must be {}, got {}", m.key, owner.name, type, actual));
                return false;
            }
            scalars.push_back(&v);
        }
        for (const node* n : scalars) {
            if (!is_nan(*n)) continue;
            diags_.error(n->where, fmt::format("setting '{}' of {} must be a number, got nan", m.key, owner.name));
            return false;
        }
        return true;
    }

    // "[train.model_trainer]" for each bound pipeline that has the role, or "".
    static std::string pipelines_with_role(const workflow& wf, const std::string& role) {
        std::vector<std::string> sections;
        for (const auto& p : wf.pipelines)
            if (contains(p.pipeline->component_roles(), role)) sections.push_back(fmt::format("[{}.{}]", p.role, role));
        return fmt::format("{}", fmt::join(sections, " or "));
    }

    const registry& reg_;
    diagnostics& diags_;
    std::vector<std::string> runner_roles_;
    std::vector<unknown_setting> unknown_settings_;
};

}  // namespace

std::optional<workflow> validate(const node& root, const location& file_start, const registry& reg, diagnostics& diags) {
    return validator(reg, diags).run(root, file_start);
}

}  // namespace lolpop::gen
