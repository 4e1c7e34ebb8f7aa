// Config reflection: setting members by name, listing and printing them.
#include <lolpop/configuration/config.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace demo {

struct trainer_config {
    int max_depth = 6;
    double eta = 0.3;
    std::string objective = "binary:logistic";
    std::vector<std::string> columns;
};
struct empty_config {};
// A user component's config with a member of every kind of setting type.
struct wide_config {
    float threshold = 0.5f;
    std::vector<int> depths = {3, 6};
    std::vector<float> weights;
    std::optional<int> max_leaves;
    std::optional<std::string> label = "x";
    std::map<std::string, double> priors = {{"a", 0.5}};
    std::map<std::string, std::vector<std::int64_t>> seeds;
};
struct unreflected_config {
    int max_depth = 6;
};

}  // namespace demo

BOOST_HANA_ADAPT_STRUCT(demo::trainer_config, max_depth, eta, objective, columns);
LOLPOP_NO_SETTINGS(demo::empty_config);
BOOST_HANA_ADAPT_STRUCT(demo::wide_config, threshold, depths, weights, max_leaves, label, priors, seeds);

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

TEST_CASE("every setting type is set by name and described, an unset optional not at all") {
    demo::wide_config c;
    CHECK(lolpop::settings_to_toml(c) ==
          "threshold = 0.5\ndepths = [3, 6]\nweights = []\nlabel = \"x\"\npriors = { a = 0.5 }\nseeds = {}\n");
    lolpop::set_setting(c, "threshold", lolpop::parse_setting_value("0.1"), "notifier");
    lolpop::set_setting(c, "weights", lolpop::parse_setting_value("[1, 0.25]"), "notifier");
    lolpop::set_setting(c, "max_leaves", lolpop::parse_setting_value("31"), "notifier");
    lolpop::set_setting(c, "priors", lolpop::parse_setting_value("{ a = 1, b = 0.25 }"), "notifier");
    lolpop::set_setting(c, "seeds", lolpop::parse_setting_value("{ a = [1, 9007199254740993] }"), "notifier");
    CHECK(c.threshold == 0.1f);
    CHECK(c.weights == std::vector<float>{1.0f, 0.25f});
    CHECK(c.max_leaves == 31);
    CHECK(c.seeds.at("a") == std::vector<std::int64_t>{1, 9007199254740993});
    CHECK(lolpop::settings_to_toml(c) ==
          "threshold = 0.1\ndepths = [3, 6]\nweights = [1.0, 0.25]\nmax_leaves = 31\nlabel = \"x\"\n"
          "priors = { a = 1.0, b = 0.25 }\nseeds = { a = [1, 9007199254740993] }\n");
    CHECK_THROWS_WITH_AS(lolpop::set_setting(c, "depths", lolpop::parse_setting_value("[1, 2147483648]"), "notifier"),
                         "setting 'notifier.depths[1]' expects an integer from -2147483648 to 2147483647, got 2147483648",
                         lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::set_setting(c, "threshold", lolpop::parse_setting_value("nan"), "notifier"),
                         "setting 'notifier.threshold' expects a number, got nan", lolpop::error);
    CHECK(c.threshold == 0.1f);
}

// What a generated profile header asserts of each component it binds: no member of its config
// is of another type than a setting's, or else the first such member and its type.
struct wide_component {
    using config = demo::wide_config;
};
namespace demo {
struct odd_config {
    int depth = 1;
    std::pair<int, int> range;
    char letter = 'a';
};
}  // namespace demo
BOOST_HANA_ADAPT_STRUCT(demo::odd_config, depth, range, letter);
struct odd_component {
    using config = demo::odd_config;
};
static_assert(std::is_void_v<lolpop::unsupported_setting_of<wide_component>>);
static_assert(std::is_void_v<lolpop::unsupported_setting_of<int>>);  // no config: its role's concept says so
static_assert(std::is_same_v<lolpop::unsupported_setting_of<odd_component>,
                             lolpop::unsupported_setting<&demo::odd_config::range, std::pair<int, int>>>);

TEST_CASE("a member of no setting type is neither set nor described") {
    demo::odd_config c;
    CHECK(lolpop::settings_to_toml(c) == "depth = 1\n");
    CHECK_THROWS_WITH_AS(lolpop::set_setting(c, "dept", lolpop::setting_value{std::int64_t{2}}, "x"),
                         "unknown setting 'dept' (did you mean 'depth'?) (x)", lolpop::error);
}
