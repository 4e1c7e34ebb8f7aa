#pragma once
// The profile binary's command line (DESIGN §7), parsed in compiled code so that CLI11 is built
// once, not once per profile.
#include <lolpop/core/profile_info.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

enum class workflow_step { process, train, deploy, predict, evaluate, build_all };
// The step's name on the command line: "process", ..., "build-all".
std::string_view to_string(workflow_step step) noexcept;

struct setting_override {
    std::vector<std::string> path;  // "train.model_trainer.max_depth" split at dots
    setting_value value;
};

struct command_line {
    workflow_step step = workflow_step::build_all;
    std::vector<setting_override> overrides;
    bool describe = false;
};

// The parsed command line, or the exit code when parsing already answered (--help, --version) or
// failed (a one-line error is printed).
struct parsed_command_line {
    std::optional<command_line> command;
    int exit_code = 0;
};
parsed_command_line parse_command_line(int argc, char** argv, const profile_info& profile);

// Parses "a.b.c=value"; throws lolpop::error for a missing '=' or an empty path element.
setting_override parse_override(std::string_view text);

}  // namespace lolpop
