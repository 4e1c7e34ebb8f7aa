// lolpop::parse_command_line and lolpop::parse_override: the profile binary's arguments.
#include <lolpop/cli/command_line.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace lolpop;

namespace {

const profile_info test_profile{"test", "0123", "command_line.cpp", ""};

parsed_command_line parse(std::vector<std::string> args) {
    args.insert(args.begin(), "profile_binary");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    return parse_command_line(static_cast<int>(argv.size()), argv.data(), test_profile);
}

}  // namespace

TEST_CASE("an override is a dotted path and a TOML value") {
    const setting_override o = parse_override("train.model_trainer.max_depth=8");
    CHECK(o.path == std::vector<std::string>{"train", "model_trainer", "max_depth"});
    CHECK(o.value == setting_value{std::int64_t{8}});
    CHECK(parse_override("config.model_name=cars").value == setting_value{std::string("cars")});
    CHECK(parse_override("config.lags=[1.5, 2.5]").value == setting_value{std::vector<double>{1.5, 2.5}});
    // Only the first '=' separates the path from the value.
    CHECK(parse_override("config.query=a=b").value == setting_value{std::string("a=b")});
}

TEST_CASE("an override without '=' or with an empty name is an error naming --set") {
    CHECK_THROWS_WITH_AS(parse_override("train.max_depth"), "expected key=value, got 'train.max_depth' (--set)", error);
    CHECK_THROWS_WITH_AS(parse_override("train..max_depth=3"), "empty name in 'train..max_depth' (--set)", error);
    CHECK_THROWS_WITH_AS(parse_override("=3"), "empty name in '' (--set)", error);
}

TEST_CASE("no argument runs build-all with the profile's settings") {
    const parsed_command_line parsed = parse({});
    REQUIRE(parsed.command.has_value());
    CHECK(parsed.command->step == workflow_step::build_all);
    CHECK(parsed.command->overrides.empty());
    CHECK_FALSE(parsed.command->describe);
}

TEST_CASE("a step, overrides in order and --describe") {
    const parsed_command_line parsed =
        parse({"train", "--set", "train.model_trainer.max_depth=8", "--set", "config.model_name=cars", "--describe"});
    REQUIRE(parsed.command.has_value());
    CHECK(parsed.command->step == workflow_step::train);
    CHECK(parsed.command->describe);
    REQUIRE(parsed.command->overrides.size() == 2);
    CHECK(parsed.command->overrides[0].path == std::vector<std::string>{"train", "model_trainer", "max_depth"});
    CHECK(parsed.command->overrides[1].value == setting_value{std::string("cars")});
    CHECK(parse({"build-all"}).command->step == workflow_step::build_all);
    CHECK(parse({"evaluate"}).command->step == workflow_step::evaluate);
}

TEST_CASE("an unknown step or a malformed override exits with 2 and runs nothing") {
    const parsed_command_line unknown_step = parse({"trian"});
    CHECK_FALSE(unknown_step.command.has_value());
    CHECK(unknown_step.exit_code == 2);
    const parsed_command_line bad_override = parse({"--set", "max_depth"});
    CHECK_FALSE(bad_override.command.has_value());
    CHECK(bad_override.exit_code == 2);
}

TEST_CASE("--version answers and exits with 0") {
    const parsed_command_line parsed = parse({"--version"});
    CHECK_FALSE(parsed.command.has_value());
    CHECK(parsed.exit_code == 0);
}
