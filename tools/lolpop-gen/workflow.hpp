#pragma once
// A validated profile: which entry fills each role, and the settings of every part, in profile order.
#include "profile_tree.hpp"
#include "registry.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lolpop::gen {

struct setting {
    std::string key;
    const node* value;  // checked against `type`
    std::string type;   // the registry type
    const setting_declaration* declaration;
};

// One component of a chain (a list of row-wise feature transformers fused into one).
struct chain_step {
    const registry_entry* component;
    location where;  // the name's position in the list
    std::vector<setting> settings;
};

struct component_binding {
    std::string role;
    const registry_entry* component;  // nullptr for a chain
    location where;                   // the name's (or the list's) position in the profile
    std::vector<setting> settings;
    std::vector<chain_step> chain;    // a chain's components, in order
    const registry_role* chain_role = nullptr;  // a chain's role, which names the fusing template
};

struct pipeline_binding {
    std::string role;
    const registry_entry* pipeline;
    location where;
    std::vector<setting> config;
    std::vector<component_binding> components;
};

struct workflow {
    const registry_entry* runner;
    std::vector<setting> config;
    std::vector<component_binding> components;
    std::vector<pipeline_binding> pipelines;
};

// The binding of `role` among `bindings`, or nullptr.
const component_binding* binding_of(const std::vector<component_binding>& bindings, std::string_view role);
// The binding at "<pipeline role>.<role>" (or the runner's "<role>"), or nullptr.
const component_binding* binding_at(const workflow& wf, std::string_view path);

}  // namespace lolpop::gen
