#include <lolpop/components/data_checker/rule_data_checker.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

using lolpop::check_status;
using lolpop::frame;
using lolpop::rule_data_checker;

namespace {

lolpop::report check(const rule_data_checker::config& cfg, const frame& data) {
    lolpop::context ctx;
    return rule_data_checker(cfg, ctx).check_data(data);
}

// Findings as "subject: message", in report order, and by status.
std::vector<std::string> lines(const lolpop::report& r, check_status status) {
    std::vector<std::string> out;
    for (const auto& f : r.findings)
        if (f.status == status) out.push_back(f.subject + ": " + f.message);
    return out;
}

frame penguins() { return lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv"); }

// Rules that the 344 penguins keep (Body Mass ranges from 2700 to 6300 g; Sex is missing for 10).
rule_data_checker::config kept_rules() {
    rule_data_checker::config cfg;
    cfg.required_columns = {"Species", "Island"};
    cfg.column_types = {{"Body Mass (g)", "numeric"}, {"Island", "categorical"}};
    cfg.max_missing = {{"*", "0.01"}, {"Sex", "0.05"}};
    cfg.min = {{"Body Mass (g)", "2700"}};
    cfg.max = {{"Body Mass (g)", "6300"}, {"Beak Depth (mm)", "25"}};
    cfg.allowed_values = {{"Island", "Biscoe, Dream,Torgersen"}, {"Species", "Adelie,Chinstrap,Gentoo"}};
    return cfg;
}

}  // namespace

TEST_CASE("rule_data_checker: penguins keep the rules, and every rule says so") {
    const auto r = check(kept_rules(), penguins());
    CHECK(r.title == "data checks");
    CHECK(r.status() == check_status::ok);
    CHECK(lines(r, check_status::ok) == std::vector<std::string>{
                                            "Species: required column is present",
                                            "Island: required column is present",
                                            "Body Mass (g): type numeric as required",
                                            "Island: type categorical as required",
                                            "Species: 0 of 344 values missing (0%), within the 1% allowed",
                                            "Island: 0 of 344 values missing (0%), within the 1% allowed",
                                            "Beak Length (mm): 2 of 344 values missing (0.581%), within the 1% allowed",
                                            "Beak Depth (mm): 2 of 344 values missing (0.581%), within the 1% allowed",
                                            "Flipper Length (mm): 2 of 344 values missing (0.581%), within the 1% allowed",
                                            "Body Mass (g): 2 of 344 values missing (0.581%), within the 1% allowed",
                                            "Sex: 10 of 344 values missing (2.91%), within the 5% allowed",
                                            "Beak Depth (mm): range [-inf, 25]: all 342 values inside",
                                            "Body Mass (g): range [2700, 6300]: all 342 values inside",
                                            "Island: every value is one of Biscoe, Dream, Torgersen",
                                            "Species: every value is one of Adelie, Chinstrap, Gentoo",
                                        });
}

TEST_CASE("rule_data_checker reports each broken rule with its configured status") {
    auto cfg = kept_rules();
    cfg.max_missing = {{"Sex", "0.02"}};
    cfg.min = {{"Body Mass (g)", "3000"}};
    cfg.max = {{"Body Mass (g)", "6000"}};
    cfg.allowed_values = {{"Species", "Adelie, Gentoo"}, {"Sex", "MALE,FEMALE"}};
    cfg.column_types = {{"Island", "integer"}};
    cfg.missing_status = "warn";
    const auto r = check(cfg, penguins());
    CHECK(r.status() == check_status::error);
    CHECK(lines(r, check_status::warn) ==
          std::vector<std::string>{"Sex: 10 of 344 values missing (2.91%), more than the 2% allowed"});
    CHECK(lines(r, check_status::error) ==
          std::vector<std::string>{
              "Island: type is categorical, expected integer",
              "Body Mass (g): range [3000, 6000]: 11 of 342 values outside: 9 below 3000 (lowest 2700), 2 above 6000 (highest 6300)",
              "Sex: 1 value not among MALE, FEMALE: '.' (1)",
              "Species: 68 values not among Adelie, Gentoo: 'Chinstrap' (68)",
          });
}

TEST_CASE("rule_data_checker: a rule about an absent column is a schema violation, reported once") {
    rule_data_checker::config cfg;
    cfg.required_columns = {"Body Mas (g)", "Species"};
    cfg.min = {{"Body Mas (g)", "1"}};
    cfg.max_missing = {{"Body Mas (g)", "0.1"}};
    cfg.schema_status = "warn";
    const auto r = check(cfg, penguins());
    CHECK(r.status() == check_status::warn);
    CHECK(lines(r, check_status::warn) ==
          std::vector<std::string>{
              "Body Mas (g): column is missing (named in required_columns, max_missing, min) (did you mean 'Body Mass (g)'?)"});
    CHECK(lines(r, check_status::ok) == std::vector<std::string>{"Species: required column is present"});
}

TEST_CASE("rule_data_checker: ranges need numbers; allowed values compare any column as text") {
    const frame cars = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/cars/data/cars_new.csv");
    rule_data_checker::config cfg;
    cfg.min = {{"Origin", "0"}, {"Horsepower", "50"}};
    cfg.allowed_values = {{"Cylinders", "4,6,8"}, {"Year", "1982-01-01"}};
    cfg.column_types = {{"Cylinders", "numeric"}};
    const auto r = check(cfg, cars);
    CHECK(lines(r, check_status::error) ==
          std::vector<std::string>{"Origin: range [0, inf] needs a numeric or integer column, not categorical"});
    CHECK(lines(r, check_status::ok) == std::vector<std::string>{
                                            "Cylinders: type integer as required",
                                            "Horsepower: range [50, inf]: all 44 values inside",
                                            "Cylinders: every value is one of 4, 6, 8",
                                            "Year: every value is one of 1982-01-01",
                                        });
}

TEST_CASE("rule_data_checker lists the five most frequent disallowed values") {
    const frame data({lolpop::column::categorical(
        "c", {"a", "b", "b", "c", "c", "c", "d", "e", "f", "g", "ok", std::nullopt})});
    rule_data_checker::config cfg;
    cfg.allowed_values = {{"c", "ok"}};
    cfg.allowed_values_status = "warn";
    const auto r = check(cfg, data);
    CHECK(lines(r, check_status::warn) ==
          std::vector<std::string>{"c: 10 values not among ok: 'c' (3), 'b' (2), 'a' (1), 'd' (1), 'e' (1), 2 more"});
}

TEST_CASE("rule_data_checker without rules has nothing to say") {
    const auto r = check({}, penguins());
    CHECK(r.findings.empty());
    CHECK(r.status() == check_status::ok);
}

TEST_CASE("rule_data_checker rejects settings it cannot use, naming the setting and column") {
    const auto config_error = [](auto change) {
        rule_data_checker::config cfg;
        change(cfg);
        lolpop::context ctx;
        return message_of([&] { rule_data_checker(cfg, ctx); });
    };
    CHECK(config_error([](auto& c) { c.column_types = {{"a", "numerc"}}; }) ==
          "unknown column type 'numerc' (did you mean 'numeric'?) (rule_data_checker.column_types.a)");
    CHECK(config_error([](auto& c) { c.max_missing = {{"a", "ten percent"}}; }) ==
          "'ten percent' is not a number (rule_data_checker.max_missing.a)");
    CHECK(config_error([](auto& c) { c.max_missing = {{"*", "1.5"}}; }) ==
          "a fraction of missing values must be between 0 and 1, got 1.5 (rule_data_checker.max_missing.*)");
    CHECK(config_error([](auto& c) { c.min = {{"a", ""}}; }) == "'' is not a number (rule_data_checker.min.a)");
    CHECK(config_error([](auto& c) { c.max = {{"a", "nan"}}; }) == "'nan' is not a number (rule_data_checker.max.a)");
    CHECK(config_error([](auto& c) {
              c.min = {{"a", "10"}};
              c.max = {{"a", "2"}};
          }) == "min 10 is above max 2 (rule_data_checker.min.a)");
    CHECK(config_error([](auto& c) { c.allowed_values = {{"a", "x,,y"}}; }) ==
          "'x,,y' holds an empty value; list the allowed values separated by commas (rule_data_checker.allowed_values.a)");
    CHECK(config_error([](auto& c) { c.allowed_values = {{"a", ""}}; }) ==
          "'' holds an empty value; list the allowed values separated by commas (rule_data_checker.allowed_values.a)");
    CHECK(config_error([](auto& c) { c.schema_status = "fatal"; }) ==
          "unknown status 'fatal' (expected warn or error) (rule_data_checker.schema_status)");
    CHECK(config_error([](auto& c) { c.missing_status = "wran"; }) ==
          "unknown status 'wran' (did you mean 'warn'?) (rule_data_checker.missing_status)");
    CHECK(config_error([](auto& c) { c.range_status = ""; }) ==
          "unknown status '' (expected warn or error) (rule_data_checker.range_status)");
    CHECK(config_error([](auto& c) { c.allowed_values_status = "ok"; }) ==
          "unknown status 'ok' (expected warn or error) (rule_data_checker.allowed_values_status)");
}
