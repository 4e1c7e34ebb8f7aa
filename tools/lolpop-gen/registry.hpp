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

struct registry {
    std::map<std::string, registry_entry> runners;
    std::map<std::string, registry_entry> pipelines;
    std::map<std::string, registry_entry> components;
};

// Reads every file in order; a name defined by two files is an error at the second definition.
// Unreadable or unparsable files throw fatal_error; other mistakes are reported to `diags`.
registry load_registries(const std::vector<std::filesystem::path>& files, diagnostics& diags);

std::vector<std::string> names_of(const std::map<std::string, registry_entry>& entries);

}  // namespace lolpop::gen
