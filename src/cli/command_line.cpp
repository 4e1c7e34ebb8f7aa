#include <lolpop/cli/command_line.hpp>
#include <lolpop/core/error.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <map>
#include <utility>

namespace lolpop {

setting_override parse_override(std::string_view text) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) throw error("expected key=value, got '" + std::string(text) + "'", "--set");
    setting_override o;
    std::string_view key = text.substr(0, eq);
    while (true) {
        const auto dot = key.find('.');
        const std::string_view element = key.substr(0, dot);
        if (element.empty()) throw error("empty name in '" + std::string(text.substr(0, eq)) + "'", "--set");
        o.path.emplace_back(element);
        if (dot == std::string_view::npos) break;
        key.remove_prefix(dot + 1);
    }
    o.value = parse_setting_value(text.substr(eq + 1));
    return o;
}

namespace {

constexpr std::pair<std::string_view, workflow_step> step_names[] = {
    {"process", workflow_step::process}, {"train", workflow_step::train},       {"deploy", workflow_step::deploy},
    {"predict", workflow_step::predict}, {"evaluate", workflow_step::evaluate}, {"build-all", workflow_step::build_all}};

}  // namespace

std::string_view to_string(workflow_step step) noexcept {
    for (const auto& [name, s] : step_names)
        if (s == step) return name;
    return "workflow";
}

parsed_command_line parse_command_line(int argc, char** argv, const profile_info& profile) {
    CLI::App app{fmt::format("lolpop workflow binary for profile '{}' ({})", profile.name, profile.source)};
    app.set_version_flag("--version", fmt::format("lolpop {}\nprofile: {} ({})\nbuild id: {}", LOLPOP_VERSION,
                                                  profile.name, profile.source, profile.build_id));
    std::map<std::string, workflow_step> steps;
    for (const auto& [name, s] : step_names) steps.emplace(name, s);
    std::string step = "build-all";
    std::vector<std::string> sets;
    bool describe = false;
    app.add_option("step", step, "process | train | deploy | predict | evaluate | build-all")
        ->check(CLI::IsMember(steps));
    app.add_option("--set", sets, "override a setting: --set train.model_trainer.max_depth=8")->allow_extra_args(false);
    app.add_flag("--describe", describe, "print the composed workflow with its effective settings and exit");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return {std::nullopt, app.exit(e)};
    } catch (const CLI::CallForVersion& e) {
        return {std::nullopt, app.exit(e)};
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "error: {} (command line)\n", e.what());
        return {std::nullopt, 2};
    }
    command_line cmd;
    cmd.step = steps.at(step);
    cmd.describe = describe;
    try {
        for (const std::string& s : sets) cmd.overrides.push_back(parse_override(s));
    } catch (const error& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return {std::nullopt, 2};
    }
    return {cmd, 0};
}

}  // namespace lolpop
