#include "check_values.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/configuration/setting_rules.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace lolpop::gen {

namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

double number_of(const node& v) { return v.type == toml::node_type::integer ? static_cast<double>(v.integer) : v.floating; }

std::string number_text(const node& v) {
    if (v.type == toml::node_type::integer) return std::to_string(v.integer);
    std::string text = fmt::format("{}", v.floating);
    return text.find_first_of(".en") == std::string::npos ? text + ".0" : text;  // 2.0 stays a float
}

// 'a', 'b', '' : quoted, so that an empty name shows.
std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}

// Whether `item` is a value of a setting declared `type` (an element of a tuner's search space).
bool is_value_of(const node& item, const std::string& type) {
    if (type == "integer") return item.type == toml::node_type::integer;
    if (type == "float") return item.is_number();
    if (type == "string") return item.is_string();
    if (type == "boolean") return item.type == toml::node_type::boolean;
    return false;
}

class value_checker {
public:
    value_checker(const registry& reg, const workflow& wf, diagnostics& diags)
        : reg_(reg), wf_(wf), task_(wf.runner->task), diags_(diags) {}

    void run() {
        check_part(*wf_.runner, wf_.config, "config", nullptr, nullptr);
        for (const auto& b : wf_.components) check_binding(b, b.role, nullptr);
        for (const auto& p : wf_.pipelines) {
            check_part(*p.pipeline, p.config, p.role + ".config", &p, &p.where);
            for (const auto& b : p.components) check_binding(b, p.role + "." + b.role, &p);
        }
    }

private:
    void check_binding(const component_binding& b, const std::string& label, const pipeline_binding* p) {
        if (b.component) {
            check_task(*b.component, b.role, b.where);
            check_part(*b.component, b.settings, label, p, &b.where);
        }
        for (const auto& step : b.chain) {
            check_task(*step.component, b.role, step.where);
            check_part(*step.component, step.settings, label + "." + step.component->name, p, &step.where);
        }
    }

    // A component made for some tasks only (a stratified split needs classes) in a runner of another.
    void check_task(const registry_entry& component, const std::string& role, const location& where) {
        if (component.tasks.empty() || task_.empty() || contains(component.tasks, task_)) return;
        std::vector<std::string> others;
        for (const auto& [name, e] : reg_.components)
            if (contains(e.roles, role) && (e.tasks.empty() || contains(e.tasks, task_)) && !name.starts_with("null_"))
                others.push_back(name);
        diags_.error(where, fmt::format("{} needs a {} target, but {} has a {} target{}", component.name,
                                        fmt::join(component.tasks, " or "), wf_.runner->name, task_,
                                        others.empty() ? "" : fmt::format(" (for {}: {})", task_, fmt::join(others, ", "))));
    }

    // `bound_at`: where the profile binds the part, for a rule broken by defaults alone.
    void check_part(const registry_entry& owner, const std::vector<setting>& settings, const std::string& label,
                    const pipeline_binding* p, const location* bound_at) {
        for (const auto& s : settings) check_value(*s.value, *s.declaration, label + "." + s.key, p);
        for (const auto& rule : owner.rules) check_rule(rule, owner, settings, label, bound_at);
    }

    void check_value(const node& v, const setting_declaration& d, const std::string& path, const pipeline_binding* p) {
        if (v.is_number() && d.range && !d.range->contains(number_of(v)))
            return diags_.error(v.where, fmt::format("{} = {} is outside its range {}", path, number_text(v), d.range->text));
        if (v.is_string() && !d.one_of.empty()) return check_name(v, d, path);
        if (v.type == toml::node_type::boolean && v.boolean && !d.requires_role.empty()) return check_required(v, d, path);
        if (v.is_table() && !d.keys_of.empty()) return check_keys(v, d, path, p);
        for (const auto& item : v.items) check_value(item, d, path, p);
        if (v.is_table())
            for (const auto& m : v.members) check_value(m.value, d, fmt::format("{}.{}", path, m.key), p);
    }

    // A name from a list, the runner's task's when the list is by task.
    void check_name(const node& v, const setting_declaration& d, const std::string& path) {
        if (v.string.find("${env:") != std::string::npos) return;  // read at run time, checked then
        const std::vector<std::string>* allowed = d.names_for(task_);
        if (!allowed || contains(*allowed, v.string)) return;
        for (const auto& [task, names] : d.one_of)
            if (&names != allowed && contains(names, v.string))
                return diags_.error(v.where, fmt::format("{} = '{}' is for {} targets; {} has a {} target: use one of {}", path,
                                                         v.string, task, wf_.runner->name, task_, quoted_list(*allowed)));
        const std::string near = closest_name(v.string, *allowed);
        diags_.error(v.where, fmt::format("{} = '{}' is not one of {}{}", path, v.string, quoted_list(*allowed),
                                          near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }

    // `explain = true` needs the component that explains: "<pipeline role>.<role>" bound to one.
    void check_required(const node& v, const setting_declaration& d, const std::string& path) {
        const auto dot = d.requires_role.find('.');
        const std::string pipeline = dot == std::string::npos ? "" : d.requires_role.substr(0, dot);
        const std::string role = d.requires_role.substr(dot == std::string::npos ? 0 : dot + 1);
        const component_binding* b = binding_at(wf_, d.requires_role);
        const registry_role* r = reg_.role(role);
        if (!b || (b->component && r && b->component->name == r->null_component))
            diags_.error(v.where, fmt::format("{} = true needs a {} in [{}components], and none is bound: bind one or turn it off",
                                              path, role, pipeline.empty() ? "" : pipeline + "."));
    }

    // A search space: each key a setting of the component in role d.keys_of of the same pipeline,
    // each value one that setting may take.
    void check_keys(const node& v, const setting_declaration& d, const std::string& path, const pipeline_binding* p) {
        const component_binding* target = p ? binding_of(p->components, d.keys_of) : nullptr;
        if (!target || !target->component) return;
        const registry_entry& c = *target->component;
        for (const auto& m : v.members) {
            const setting_declaration* key = c.setting(m.key);
            if (!key) {
                diags_.error(m.key_where, fmt::format("'{}' in {} is not a setting of {}, the {} of this pipeline{}", m.key, path, c.name,
                                                      d.keys_of, did_you_mean(m.key, c.setting_names())));
                continue;
            }
            for (const auto& item : m.value.items) {
                if (!is_value_of(item, key->type)) {
                    diags_.error(item.where, fmt::format("{}.{}: {}'s {} is {}, got {}", path, m.key, c.name, m.key, key->type,
                                                         type_name(item.type)));
                    continue;
                }
                check_value(item, *key, fmt::format("{}.{}", path, m.key), p);
            }
        }
    }

    // The profile's values where it gives them, the declared defaults elsewhere; reported at the
    // last of the profile's values that the rule adds up.
    void check_rule(const settings_rule& rule, const registry_entry& owner, const std::vector<setting>& settings,
                    const std::string& label, const location* bound_at) {
        double total = 0;
        std::vector<std::string> terms;
        const location* at = bound_at;
        for (const auto& name : rule.sum) {
            auto given = std::find_if(settings.begin(), settings.end(), [&](const setting& s) { return s.key == name; });
            const node& value = given != settings.end() ? *given->value : *owner.setting(name)->default_value;
            if (given != settings.end()) at = &value.where;
            total += number_of(value);
            terms.push_back(fmt::format("{} {}{}", name, number_text(value), given != settings.end() ? "" : " (default)"));
        }
        if (!at || setting_sum_holds(total, rule.equals)) return;
        diags_.error(*at, fmt::format("{}: {} must sum to {}, but {} sum to {}", label, fmt::join(rule.sum, " + "), rule.equals,
                                      fmt::join(terms, ", "), total));
    }

    const registry& reg_;
    const workflow& wf_;
    const std::string& task_;
    diagnostics& diags_;
};

}  // namespace

void check_values(const registry& reg, const workflow& wf, diagnostics& diags) { value_checker(reg, wf, diags).run(); }

}  // namespace lolpop::gen
