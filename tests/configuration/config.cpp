// Config reflection: setting members by name, listing and printing them.
#include <lolpop/configuration/config.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace demo {

struct trainer_config {
    int max_depth = 6;
    double eta = 0.3;
    std::string objective = "binary:logistic";
    std::vector<std::string> columns;
};
struct empty_config {};
struct unreflected_config {
    int max_depth = 6;
};

}  // namespace demo

BOOST_HANA_ADAPT_STRUCT(demo::trainer_config, max_depth, eta, objective, columns);
LOLPOP_NO_SETTINGS(demo::empty_config);

static_assert(lolpop::reflected_config<demo::trainer_config>);
static_assert(lolpop::reflected_config<demo::empty_config>);
static_assert(!lolpop::reflected_config<demo::unreflected_config>);

TEST_CASE("setting names are the members, in declaration order") {
    CHECK(lolpop::setting_names<demo::trainer_config>() ==
          std::vector<std::string_view>{"max_depth", "eta", "objective", "columns"});
    CHECK(lolpop::setting_names<demo::empty_config>().empty());
}

TEST_CASE("a setting is set by name with the member's type") {
    demo::trainer_config c;
    lolpop::set_setting(c, "max_depth", lolpop::setting_value{std::int64_t{8}}, "train.model_trainer");
    lolpop::set_setting(c, "columns", lolpop::setting_value{std::vector<std::string>{"a", "b"}}, "train.model_trainer");
    CHECK(c.max_depth == 8);
    CHECK(c.columns == std::vector<std::string>{"a", "b"});
    CHECK(c.eta == 0.3);
}

TEST_CASE("an unknown name or a wrong type is an error naming the setting") {
    demo::trainer_config c;
    CHECK_THROWS_WITH_AS(lolpop::set_setting(c, "max_dept", lolpop::setting_value{std::int64_t{8}}, "train.model_trainer"),
                         "unknown setting 'max_dept' (did you mean 'max_depth'?) (train.model_trainer)", lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::set_setting(c, "max_depth", lolpop::setting_value{8.5}, "train.model_trainer"),
                         doctest::Contains("train.model_trainer.max_depth"), lolpop::error);
    CHECK(c.max_depth == 6);
}

TEST_CASE("effective settings print as TOML, one line per member") {
    demo::trainer_config c;
    c.columns = {"x"};
    const auto described = lolpop::describe_settings(c);
    REQUIRE(described.size() == 4);
    CHECK(described[0] == std::pair<std::string, std::string>{"max_depth", "6"});
    CHECK(described[2] == std::pair<std::string, std::string>{"objective", "\"binary:logistic\""});
    CHECK(lolpop::settings_to_toml(c) == "max_depth = 6\neta = 0.3\nobjective = \"binary:logistic\"\ncolumns = [\"x\"]\n");
    CHECK(lolpop::settings_to_toml(demo::empty_config{}).empty());
}
