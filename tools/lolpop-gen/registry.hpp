#pragma once
// The names a profile may use (DESIGN §5): the built-in registry.toml plus the user's registries,
// in the format documented at the top of include/lolpop/registry.toml.
#include "diagnostics.hpp"
#include "profile_tree.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop::gen {

// An interval of numbers, as a registry writes it: "[0, 1]", "(0, 1]", "[1, inf)".
struct value_range {
    double low = 0;
    double high = 0;
    bool low_open = false;
    bool high_open = false;
    std::string text;  // as written, for messages

    bool contains(double v) const noexcept;
};

// What a registry declares of one setting: its TOML type and, when given, what its values may be.
// The generator checks a profile's literal values against it, and the generated header checks the
// effective values (after --set) with the same declaration before a step runs.
struct setting_declaration {
    std::string name;
    location where;
    std::string type;                   // "string", "integer", "float", ... (registry.toml's header)
    std::optional<node> default_value;  // the C++ default, for rules over several settings
    std::optional<value_range> range;   // numbers, or each number of an array or table
    // The names a string (or each string of an array, each value of a table) may be, by the
    // runner's task ("" when the same for every task); `one_of` names an [enums] list or is inline.
    std::map<std::string, std::vector<std::string>> one_of;
    std::string one_of_name;  // the [enums] list, for messages; "" when inline
    std::string keys_of;      // a table whose keys are settings of the component in this role
    std::string requires_role;  // a boolean that, when true, needs "<pipeline role>.<role>" bound

    // The names allowed for a runner of `task` (its own list, else the one for every task), or
    // nullptr when one_of does not say.
    const std::vector<std::string>* names_for(const std::string& task) const;
};

// A rule over several settings of one component: today, that they sum to a value.
struct settings_rule {
    location where;
    std::vector<std::string> sum;
    double equals = 0;
};

struct registry_entry {
    std::string name;
    location where;
    std::string type;    // the C++ type (a template over lolpop::bind<...> for runners and pipelines)
    std::string header;  // as included with <...>
    location type_where;    // the values' positions: the generated header checks the type there,
    location header_where;  // lolpop-gen the header
    std::vector<std::string> roles;  // components: the roles it may fill
    std::string role;                // pipelines: the runner role it fills
    std::vector<std::string> required_components;
    std::vector<std::string> optional_components;
    std::vector<std::string> required_pipelines;
    std::vector<setting_declaration> settings;
    std::vector<settings_rule> rules;
    std::string task;                // runners: "classification" or "regression", what the target is
    std::vector<std::string> tasks;  // components: the tasks they work for; empty for all

    // Required and optional component roles, in that order.
    std::vector<std::string> component_roles() const;
    // The declaration of setting `key`, or nullptr.
    const setting_declaration* setting(std::string_view key) const;
    std::vector<std::string> setting_names() const;
};

// A row of the [roles] table: a slot of a workflow that a profile fills. The table is the one list
// of roles: lolpop-gen --write-roles makes the role tags, the binding checks and every runner's and
// pipeline's role declaration from it (write_roles.hpp).
struct registry_role {
    std::string name;
    location where;
    bool pipeline = false;        // kind = "pipeline": a runner's pipeline role
    std::string concept_name;     // components: the concept a bound type models
    std::string concept_header;   // components: the header that defines it
    std::string null_component;   // the registry component an unbound optional role falls back to
    std::string chain_type;       // a list of components may fill the role, fused into this template
    std::string chain_header;
};

struct registry {
    std::vector<registry_role> roles;  // in table order: the order parts are constructed in
    std::map<std::string, registry_entry> runners;
    std::map<std::string, registry_entry> pipelines;
    std::map<std::string, registry_entry> components;
    // [enums]: named lists of names that settings' `one_of` refer to, each for every task or by task.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> enums;

    const registry_role* role(std::string_view name) const;
    std::vector<std::string> role_names(bool pipeline) const;
};

// Reads every file in order; a name defined by two files is an error at the second definition.
// Unreadable or unparsable files throw fatal_error; other mistakes are reported to `diags`.
registry load_registries(const std::vector<std::filesystem::path>& files, diagnostics& diags);

std::vector<std::string> names_of(const std::map<std::string, registry_entry>& entries);

}  // namespace lolpop::gen
