#pragma once
// The names a profile may use (DESIGN §5): the built-in registry.toml plus the user's registries,
// in the format documented at the top of include/lolpop/registry.toml.
#include "diagnostics.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop::gen {

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
    std::vector<std::pair<std::string, std::string>> settings;  // key -> TOML type name

    // Required and optional component roles, in that order.
    std::vector<std::string> component_roles() const;
    // The registry type of setting `key`, or nullptr.
    const std::string* setting_type(std::string_view key) const;
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

    const registry_role* role(std::string_view name) const;
    std::vector<std::string> role_names(bool pipeline) const;
};

// Reads every file in order; a name defined by two files is an error at the second definition.
// Unreadable or unparsable files throw fatal_error; other mistakes are reported to `diags`.
registry load_registries(const std::vector<std::filesystem::path>& files, diagnostics& diags);

std::vector<std::string> names_of(const std::map<std::string, registry_entry>& entries);

}  // namespace lolpop::gen
