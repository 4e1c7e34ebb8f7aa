#pragma once
// The statement of a generated header that assigns one literal of the profile to its config
// member, checked first against the member's C++ type (lolpop/configuration/setting_member.hpp):
// a member the config lacks, a literal of a kind the member does not take, an integer out of the
// member's range or a float out of a float's are each one static_assert with the setting's path,
// the component and what is wrong, at the profile's line and the value's column. The assignment
// itself is not compiled then, so the compiler adds nothing to it.
#include "workflow.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lolpop::gen {

struct setting_owner {
    std::string path;  // the settings table the setting is in: "notifier", "train.config"
    std::string name;  // the registry name: "pager_notifier"
    std::string config_type;  // the C++ config, for messages: "user::pager_notifier::config"
};

// The lines to write after `auto& c = ...;` (the config), #line directives included. `directive`
// gives the #line directive of a location.
std::vector<std::string> setting_assignment(const setting& s, const setting_owner& owner,
                                            std::string (*directive)(const location&));

// The assertion, at a component's binding, that every member of its config is of a setting type;
// its condition names the first that is not (lolpop::unsupported_setting_of). `composed_type` is
// the type the workflow composes for the component (its registry_types:: alias).
std::vector<std::string> setting_types_check(const registry_entry& component, std::string_view composed_type,
                                             const location& where, std::string (*directive)(const location&));

}  // namespace lolpop::gen
