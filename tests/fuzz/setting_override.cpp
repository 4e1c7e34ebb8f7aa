// --set on any text: each line is parsed as parse_override parses "a.b.c=value" and assigned,
// by the last part of its path, to a config with a member of every setting type (the rest of the
// path picks nothing: set_by_path's walk is the same for every workflow). With the options byte's
// bit 0, the lines are also a profile binary's command line, each "--set" an argument.
//
// Invariants besides "only lolpop::error": a value's TOML text parses back to the same text, and
// a member set from a value prints as text that sets it to the same value again.
#include "fuzz_input.hpp"

#include <lolpop/cli/command_line.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fuzz_settings {

// One member of every kind of setting type (lolpop/configuration/setting_member.hpp).
struct every_setting {
    bool flag = false;
    int depth = 6;
    std::int8_t small = 0;
    unsigned rounds = 10;
    std::uint64_t seed = 0;
    float ratio = 0.5f;
    double eta = 0.3;
    std::string name = "x";
    std::optional<int> max_leaves;
    std::optional<std::string> label;
    std::vector<std::string> columns;
    std::vector<int> depths;
    std::vector<float> weights;
    std::vector<bool> flags;
    std::map<std::string, std::string> renames;
    std::map<std::string, double> priors;
    std::map<std::string, std::int64_t> counts;
    std::map<std::string, std::vector<std::int64_t>> seeds;
    lolpop::setting_lists grid;
};

}  // namespace fuzz_settings

BOOST_HANA_ADAPT_STRUCT(fuzz_settings::every_setting, flag, depth, small, rounds, seed, ratio, eta, name, max_leaves,
                        label, columns, depths, weights, flags, renames, priors, counts, seeds, grid);

namespace {

void assign(std::string_view line) {
    const lolpop::setting_override o = lolpop::parse_override(line);
    if (o.path.empty()) lolpop::fuzz::finding("parse_override gave an empty path");

    const std::string text = lolpop::format_setting_value(o.value);
    if (lolpop::format_setting_value(lolpop::parse_setting_value(text)) != text)
        lolpop::fuzz::finding("a setting's TOML text does not parse back to itself: " + text);

    fuzz_settings::every_setting config;
    lolpop::set_setting(config, o.path.back(), o.value, "fuzz");
    // What --describe and lineage print of the member sets it to the same value.
    const auto described = lolpop::describe_settings(config);
    fuzz_settings::every_setting again;
    for (const auto& [key, value] : described) {
        try {
            lolpop::set_setting(again, key, lolpop::parse_setting_value(value), "fuzz");
        } catch (const lolpop::error& e) {
            lolpop::fuzz::finding("the printed setting " + key + " = " + value + " does not set it again: " + e.what());
        }
    }
    if (lolpop::describe_settings(again) != described)
        lolpop::fuzz::finding("a setting printed and set again is not the same for " + o.path.back());

    if (const auto* s = std::get_if<std::string>(&o.value)) (void)lolpop::expand_env(*s, "fuzz");
}

void parse_as_command_line(const std::vector<std::string>& lines) {
    std::vector<std::string> args{"fuzz_profile", "train"};
    for (const auto& line : lines) {
        args.push_back("--set");
        args.push_back(line);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const lolpop::profile_info info{"fuzz", "0", "fuzz.toml", ""};
    const auto parsed = lolpop::parse_command_line(static_cast<int>(args.size()), argv.data(), info);
    if (parsed.command && parsed.command->overrides.size() != lines.size())
        lolpop::fuzz::finding("the command line's overrides are not its --set arguments");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto in = lolpop::fuzz::make_input(data, size);
    const std::uint8_t flags = in.take_byte();
    std::vector<std::string> lines;
    for (std::string_view rest = in.bytes; !rest.empty();) {
        const auto end = rest.find('\n');
        lines.emplace_back(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    for (const auto& line : lines) lolpop::fuzz::expect_only_errors([&] { assign(line); });
    if (flags & 1) lolpop::fuzz::expect_only_errors([&] { parse_as_command_line(lines); });
    return 0;
}
