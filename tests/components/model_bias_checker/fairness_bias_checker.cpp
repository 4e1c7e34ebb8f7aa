#include <lolpop/components/model_bias_checker/fairness_bias_checker.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace {

using lolpop::check_status;
using labels = std::vector<std::optional<std::string>>;

// Ten rows worked out by hand. Group A (privileged): 5 rows, 3 predicted "yes" (0.6); of its 3
// truly "yes" rows 2 are predicted so (TPR 2/3). Group B: 4 rows, 1 predicted "yes" (0.25); of
// its 2 truly "yes" rows 1 (TPR 0.5). The last row has no group and counts for neither.
lolpop::evaluation small_table() {
    lolpop::evaluation e;
    e.problem = lolpop::problem_type::binary;
    e.part = "test";
    e.X = lolpop::frame({lolpop::column::categorical("group", {"A", "A", "A", "A", "A", "B", "B", "B", "B", std::nullopt})});
    e.y_true = lolpop::column::categorical("y", {"yes", "yes", "no", "no", "yes", "yes", "yes", "no", "no", "yes"});
    e.y_pred = lolpop::column::categorical("y", {"yes", "yes", "yes", "no", "no", "yes", "no", "no", "no", "yes"});
    e.proba.classes = {"no", "yes"};
    e.proba.values.assign(20, 0.5);
    return e;
}

lolpop::fairness_bias_checker::config group_a() {
    lolpop::fairness_bias_checker::config c;
    c.protected_attributes = {"group"};
    c.privileged_groups = {{"group", "A"}};
    return c;
}

// Penguins with a rule for a classifier: long flippers are Gentoo, else a long beak is Chinstrap.
// A penguin without measurements gets no prediction.
lolpop::evaluation penguins() {
    auto data = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    lolpop::evaluation e;
    e.problem = lolpop::problem_type::multiclass;
    e.part = "test";
    e.y_true = data.extract("Species");
    labels predicted;
    const auto& flipper = data["Flipper Length (mm)"];
    const auto& beak = data["Beak Length (mm)"];
    for (std::size_t i = 0; i < data.rows(); ++i) {
        if (flipper.is_missing(i))
            predicted.emplace_back();
        else
            predicted.emplace_back(flipper.as_double(i) >= 207 ? "Gentoo" : beak.as_double(i) >= 43 ? "Chinstrap" : "Adelie");
    }
    e.y_pred = lolpop::column::categorical("Species", predicted);
    e.X = std::move(data);
    e.proba.classes = {"Adelie", "Chinstrap", "Gentoo"};
    return e;
}

lolpop::fairness_bias_checker::config penguin_config() {
    lolpop::fairness_bias_checker::config c;
    c.protected_attributes = {"Sex", "Island"};
    c.privileged_groups = {{"Sex", "MALE"}, {"Island", "Biscoe"}};
    c.favorable_label = "Gentoo";
    return c;
}

}  // namespace

TEST_CASE("fairness_bias_checker measures a small table as worked out by hand") {
    lolpop::context ctx;
    const lolpop::fairness_bias_checker checker(group_a(), ctx);
    const auto measures = checker.measure(small_table());
    REQUIRE(measures.size() == 1);
    const auto& m = measures[0];
    CHECK(m.attribute == "group");
    CHECK(m.privileged == "A");
    CHECK(m.privileged_rows == 5);
    CHECK(m.unprivileged_rows == 4);
    CHECK(m.privileged_rate == doctest::Approx(0.6));
    CHECK(m.unprivileged_rate == doctest::Approx(0.25));
    CHECK(m.statistical_parity_difference == doctest::Approx(-0.35));
    CHECK(m.disparate_impact == doctest::Approx(0.25 / 0.6));
    CHECK(m.equal_opportunity_difference == doctest::Approx(0.5 - 2.0 / 3.0));

    const auto r = checker.check_model_bias(small_table());
    CHECK(r.title == "fairness bias check");
    REQUIRE(r.findings.size() == 3);
    const std::string groups =
        ": predicted 'yes' for 25.0% of the unprivileged group (group other than 'A', 4 rows) and 60.0% of the "
        "privileged group (group = 'A', 5 rows)";
    CHECK(r.findings[0].subject == "group: statistical_parity_difference");
    CHECK(r.findings[0].status == check_status::error);
    CHECK(r.findings[0].message == "-0.3500, beyond the error threshold ±0.2" + groups);
    CHECK(r.findings[1].subject == "group: disparate_impact");
    CHECK(r.findings[1].status == check_status::error);
    CHECK(r.findings[1].message == "0.4167, outside [0.6, 1.667] (error)" + groups);
    CHECK(r.findings[2].subject == "group: equal_opportunity_difference");
    CHECK(r.findings[2].status == check_status::warn);
    CHECK(r.findings[2].message == "-0.1667, beyond the warn threshold ±0.1" + groups);
    CHECK(r.status() == check_status::error);
}

TEST_CASE("fairness_bias_checker judges disparate impact in both directions, and thresholds are settings") {
    lolpop::context ctx;
    auto c = group_a();
    c.privileged_groups = {{"group", "B"}};  // now B is privileged: DI = 0.6 / 0.25 = 2.4
    const auto swapped = lolpop::fairness_bias_checker(c, ctx).check_model_bias(small_table());
    CHECK(swapped.findings[1].message.starts_with("2.4000, outside [0.6, 1.667] (error): "));

    c = group_a();
    c.statistical_parity_warn = 0.4;
    c.statistical_parity_error = 0.5;
    c.disparate_impact_warn = 0.45;
    c.disparate_impact_error = 0.4;
    c.equal_opportunity_warn = 0.2;
    c.equal_opportunity_error = 0.3;
    const auto lenient = lolpop::fairness_bias_checker(c, ctx).check_model_bias(small_table());
    CHECK(lenient.findings[0].status == check_status::ok);
    CHECK(lenient.findings[0].message.starts_with("-0.3500: predicted"));
    CHECK(lenient.findings[1].status == check_status::warn);
    CHECK(lenient.findings[1].message.starts_with("0.4167, outside [0.45, 2.222] (warn): "));
    CHECK(lenient.findings[2].status == check_status::ok);
}

TEST_CASE("fairness_bias_checker on penguins, as pandas computes it") {
    lolpop::context ctx;
    const lolpop::fairness_bias_checker checker(penguin_config(), ctx);
    const auto e = penguins();
    const auto measures = checker.measure(e);
    REQUIRE(measures.size() == 2);

    // Sex: 168 MALE rows with a prediction; the other 166 are FEMALE and one '.'.
    const auto& sex = measures[0];
    CHECK(sex.privileged_rows == 168);
    CHECK(sex.unprivileged_rows == 166);
    CHECK(sex.privileged_rate == doctest::Approx(68.0 / 168));
    CHECK(sex.unprivileged_rate == doctest::Approx(58.0 / 166));
    CHECK(sex.statistical_parity_difference == doctest::Approx(-0.05536431440045897));
    CHECK(sex.disparate_impact == doctest::Approx(0.8632175761871014));
    CHECK(sex.equal_opportunity_difference == doctest::Approx(-0.016949152542372836));

    // Island: no Gentoo lives off Biscoe, so the unprivileged group's TPR is undefined.
    const auto& island = measures[1];
    CHECK(island.privileged_rows == 167);
    CHECK(island.unprivileged_rows == 175);
    CHECK(island.statistical_parity_difference == doctest::Approx(-0.6905389221556886));
    CHECK(island.disparate_impact == doctest::Approx(0.05475409836065574));
    CHECK(std::isnan(island.equal_opportunity_difference));

    const auto r = checker.check_model_bias(e);
    REQUIRE(r.findings.size() == 6);
    for (std::size_t i = 0; i < 3; ++i) CHECK(r.findings[i].status == check_status::ok);
    CHECK(r.findings[3].status == check_status::error);
    CHECK(r.findings[4].status == check_status::error);
    CHECK(r.findings[5].subject == "Island: equal_opportunity_difference");
    CHECK(r.findings[5].status == check_status::warn);
    CHECK(r.findings[5].message.starts_with("undefined: predicted 'Gentoo' for 4.0% of the unprivileged group "
                                            "(Island other than 'Biscoe', 175 rows)"));
}

TEST_CASE("fairness_bias_checker: a binary problem's favorable label defaults to its positive class") {
    lolpop::context ctx;
    auto e = small_table();
    auto c = group_a();
    c.favorable_label = "no";
    const auto measures = lolpop::fairness_bias_checker(c, ctx).measure(e);
    CHECK(measures[0].privileged_rate == doctest::Approx(0.4));
    CHECK(measures[0].unprivileged_rate == doctest::Approx(0.75));

    // A privileged group never predicted favorable: infinitely unfair to it.
    lolpop::evaluation none_privileged;
    none_privileged.X = lolpop::frame({lolpop::column::categorical("group", {"A", "A", "B", "B"})});
    none_privileged.y_true = lolpop::column::categorical("y", {"no", "yes", "yes", "no"});
    none_privileged.y_pred = lolpop::column::categorical("y", {"no", "no", "yes", "no"});
    none_privileged.proba.classes = {"no", "yes"};
    const auto infinite = lolpop::fairness_bias_checker(group_a(), ctx).check_model_bias(none_privileged);
    CHECK(infinite.findings[1].status == check_status::error);
    CHECK(infinite.findings[1].message.starts_with("inf, outside [0.6, 1.667] (error): predicted 'yes' for 50.0% "));

    // An empty group leaves every measure undefined.
    auto only_a = e;
    only_a.X = lolpop::frame({lolpop::column::categorical("group", labels(10, "A"))});
    const auto r = lolpop::fairness_bias_checker(group_a(), ctx).check_model_bias(only_a);
    REQUIRE(r.findings.size() == 3);
    for (const auto& f : r.findings) {
        CHECK(f.status == check_status::warn);
        CHECK(f.message.starts_with("undefined: predicted 'yes' for undefined of the unprivileged group"));
    }
}

TEST_CASE("fairness_bias_checker rejects bad settings and evaluations it cannot judge") {
    lolpop::context ctx;
    const auto bad = [&](auto change) {
        auto c = group_a();
        change(c);
        return message_of([&] { lolpop::fairness_bias_checker(c, ctx); });
    };
    using config = lolpop::fairness_bias_checker::config;
    CHECK(bad([](config& c) { c.protected_attributes.clear(); c.privileged_groups.clear(); }) ==
          "no protected attribute is named (fairness_bias_checker.protected_attributes)");
    CHECK(bad([](config& c) { c.privileged_groups.clear(); }) ==
          "protected attribute 'group' has no privileged group (fairness_bias_checker.privileged_groups)");
    CHECK(bad([](config& c) { c.privileged_groups.emplace("grup", "A"); }) ==
          "'grup' is not a protected attribute (did you mean 'group'?) (fairness_bias_checker.privileged_groups)");
    CHECK(bad([](config& c) { c.statistical_parity_warn = 0.3; }) ==
          "statistical_parity_warn (0.3) must be at least 0 and at most statistical_parity_error (0.2) "
          "(fairness_bias_checker.statistical_parity_warn)");
    CHECK(bad([](config& c) { c.equal_opportunity_warn = -0.1; }) ==
          "equal_opportunity_warn (-0.1) must be at least 0 and at most equal_opportunity_error (0.2) "
          "(fairness_bias_checker.equal_opportunity_warn)");
    CHECK(bad([](config& c) { c.disparate_impact_error = 0.9; }) ==
          "disparate impact thresholds must satisfy 0 <= disparate_impact_error (0.9) <= disparate_impact_warn (0.8) "
          "<= 1 (fairness_bias_checker.disparate_impact_warn)");

    const lolpop::fairness_bias_checker checker(group_a(), ctx);
    auto e = small_table();
    e.X = lolpop::frame({lolpop::column::categorical("groups", labels(10, "A"))});
    CHECK(message_of([&] { (void)checker.check_model_bias(e); }) ==
          "protected attribute 'group' is not a column of the test data (did you mean 'groups'?) "
          "(fairness_bias_checker.protected_attributes)");

    auto c = group_a();
    c.favorable_label = "yess";
    CHECK(message_of([&] { (void)lolpop::fairness_bias_checker(c, ctx).check_model_bias(small_table()); }) ==
          "favorable label 'yess' is not one of the model's classes (did you mean 'yes'?) "
          "(fairness_bias_checker.favorable_label)");

    auto p = penguin_config();
    p.favorable_label.clear();
    CHECK(message_of([&] { (void)lolpop::fairness_bias_checker(p, ctx).check_model_bias(penguins()); }) ==
          "a multiclass problem needs the favorable label named (fairness_bias_checker.favorable_label)");

    auto regression = small_table();
    regression.problem = lolpop::problem_type::regression;
    CHECK(message_of([&] { (void)checker.check_model_bias(regression); }) ==
          "fairness is measured on classifications, not on a regression (fairness_bias_checker)");
}
