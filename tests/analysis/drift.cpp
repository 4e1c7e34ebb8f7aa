#include <lolpop/data/csv.hpp>
#include <lolpop/analysis/drift.hpp>
#include <lolpop/core/error.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::drift_thresholds;
using lolpop::frame;

namespace {

struct expected_drift {
    double psi = 0;
    std::optional<double> ks_statistic, ks_p_value, scipy_ks_p_value;
};

// tests/fixtures/statistics_reference.py wrote it with numpy and scipy: pair.column -> values.
std::map<std::string, expected_drift> reference_values() {
    const frame values = lolpop::read_csv_file(LOLPOP_TEST_DATA "/drift_reference.csv");
    std::map<std::string, expected_drift> out;
    const auto optional_value = [&](std::string_view name, std::size_t i) {
        return values[name].is_missing(i) ? std::nullopt : std::optional<double>(values[name].as_double(i));
    };
    for (std::size_t i = 0; i < values.rows(); ++i)
        out[values["pair"].to_string(i) + "." + values["column"].to_string(i)] = {
            values["psi"].as_double(i), optional_value("ks_statistic", i), optional_value("ks_p_value", i),
            optional_value("scipy_ks_p_value", i)};
    return out;
}

bool relatively_close(double ours, double theirs, double tolerance) {
    return std::abs(ours - theirs) <= tolerance * std::abs(theirs);
}

void check_against_reference(const std::string& pair, const frame& reference, const frame& current) {
    const auto expected = reference_values();
    const auto measured = lolpop::measure_drift(reference, current, drift_thresholds{});
    std::size_t checked = 0;
    for (const auto& d : measured) {
        const auto it = expected.find(pair + "." + d.column);
        REQUIRE_MESSAGE(it != expected.end(), "no reference value for " << pair << "." << d.column);
        const expected_drift& e = it->second;
        CAPTURE(d.column);
        CHECK(relatively_close(d.psi, e.psi, 1e-12));
        REQUIRE(d.ks.has_value() == e.ks_statistic.has_value());
        if (d.ks) {
            CHECK(std::abs(d.ks->statistic - *e.ks_statistic) <= 1e-15);
            CHECK(relatively_close(d.ks->p_value, *e.ks_p_value, 1e-9));
        }
        ++checked;
    }
    CHECK(checked == reference.cols());
}

frame read_example(const std::string& file) { return lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/" + file); }

std::vector<std::size_t> range(std::size_t from, std::size_t to) {
    std::vector<std::size_t> out(to - from);
    std::iota(out.begin(), out.end(), from);
    return out;
}

}  // namespace

TEST_CASE("measure_drift matches numpy's PSI and scipy's exact KS on breast_cancer's new rows") {
    check_against_reference("breast_cancer", read_example("breast_cancer/data/breast_cancer.csv"),
                            read_example("breast_cancer/data/breast_cancer_new.csv"));
}

TEST_CASE("measure_drift matches the reference on cars: labels, missing values and integers") {
    check_against_reference("cars", read_example("cars/data/cars.csv"), read_example("cars/data/cars_new.csv"));
}

TEST_CASE("measure_drift matches scipy's p-values far out in the tail on equal-sized halves of penguins") {
    const frame penguins = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    REQUIRE(penguins.rows() == 344);
    const auto first = range(0, 172), second = range(172, 344);
    check_against_reference("penguins_halves", penguins.take(first), penguins.take(second));
}

TEST_CASE("ks_two_sample uses Kolmogorov's limit beyond 10000 values per sample") {
    std::vector<double> reference(12000), current(11000);
    for (std::size_t i = 0; i < reference.size(); ++i) reference[i] = static_cast<double>((i * 7919) % 10007);
    for (std::size_t i = 0; i < current.size(); ++i) current[i] = static_cast<double>((i * 104729) % 10009 + 300);
    const auto ks = lolpop::ks_two_sample(reference, current);
    const auto e = reference_values().at("synthetic.x");
    CHECK(std::abs(ks.statistic - *e.ks_statistic) <= 1e-15);
    CHECK(relatively_close(ks.p_value, *e.ks_p_value, 1e-9));
    // scipy's own asymptotic distribution differs from the corrected limit by little.
    CHECK(relatively_close(ks.p_value, *e.scipy_ks_p_value, 0.05));

    const frame ref({column::numeric("x", reference)}), cur({column::numeric("x", current)});
    CHECK(relatively_close(lolpop::population_stability_index(ref["x"], cur["x"], 10), e.psi, 1e-12));
}

TEST_CASE("ks_two_sample by hand") {
    // Fully separated samples: only the orders that put one sample first reach D = 1.
    const double low[] = {1, 2, 3}, high[] = {4, 5, 6};
    auto ks = lolpop::ks_two_sample(low, high);
    CHECK(ks.statistic == 1.0);
    CHECK(ks.p_value == doctest::Approx(2.0 / 20.0));  // 2 of C(6, 3) orders

    const double four[] = {1, 2, 3, 4}, two[] = {5, 6};
    ks = lolpop::ks_two_sample(four, two);
    CHECK(ks.statistic == 1.0);
    CHECK(ks.p_value == doctest::Approx(2.0 / 15.0));  // 2 of C(6, 2) orders

    // Ties move both distributions at once; NaN is no value.
    const double a[] = {1, 1, 2, NAN}, b[] = {1, 2, 2};
    ks = lolpop::ks_two_sample(a, b);
    CHECK(ks.statistic == doctest::Approx(1.0 / 3.0));

    const double same[] = {3, 1, 2};
    ks = lolpop::ks_two_sample(same, low);
    CHECK(ks.statistic == 0.0);
    CHECK(ks.p_value == 1.0);
}

TEST_CASE("population_stability_index by hand") {
    // Fractions 1/2, 1/2 against 3/4, 1/4: 1/4 ln(3/2) + 1/4 ln 2 = ln(3) / 4.
    const frame before({column::categorical("c", {"a", "a", "b", "b"})});
    const frame after({column::categorical("c", {"b", "a", "a", "a"})});
    CHECK(lolpop::population_stability_index(before["c"], after["c"], 10) == doctest::Approx(std::log(3.0) / 4));
    CHECK(lolpop::population_stability_index(before["c"], before["c"], 10) == 0.0);

    // Two bins at the reference's median 2.5; the current values all fall in the upper one, whose
    // empty lower bin counts as 1e-4.
    const frame ref({column::numeric("x", {1, 2, 3, 4})});
    const frame cur({column::numeric("x", {5, 6})});
    const double psi = (1e-4 - 0.5) * std::log(1e-4 / 0.5) + (1 - 0.5) * std::log(1 / 0.5);
    CHECK(lolpop::population_stability_index(ref["x"], cur["x"], 2) == doctest::Approx(psi));

    // Missing values are a bin of their own: half the rows turning missing is drift.
    const frame holes({column::numeric("x", {1, NAN, 3, NAN})});
    const double missing_psi = (0.5 - 1e-4) * std::log(0.5 / 1e-4) + 2 * (0.25 - 0.5) * std::log(0.25 / 0.5);
    CHECK(lolpop::population_stability_index(ref["x"], holes["x"], 2) == doctest::Approx(missing_psi));
}

TEST_CASE("measure_drift compares columns of different types by label and skips KS for them") {
    const frame ref({column::integer("n", {1, 2, 2, 3}), column::numeric("only_here", {1, 2, 3, 4})});
    const frame cur({column::categorical("n", {"1", "2", "2", "3"}), column::numeric("only_there", {1, 2, 3, 4})});
    const auto drift = lolpop::measure_drift(ref, cur, drift_thresholds{});
    REQUIRE(drift.size() == 1);
    CHECK(drift[0].column == "n");
    CHECK(drift[0].psi == 0.0);
    CHECK_FALSE(drift[0].ks);
    CHECK(drift[0].status == lolpop::check_status::ok);
}

TEST_CASE("measure_drift: an all-missing column has a PSI but no KS test") {
    const frame ref({column::numeric("x", {1, 2, 3, 4})});
    const frame cur({column::numeric("x", {NAN, NAN})});
    const auto drift = lolpop::measure_drift(ref, cur, drift_thresholds{});
    REQUIRE(drift.size() == 1);
    CHECK_FALSE(drift[0].ks);
    CHECK(drift[0].psi > 9);
    CHECK(drift[0].status == lolpop::check_status::warn);
}

TEST_CASE("drift thresholds decide each column's status, and drift_report says why") {
    const frame before = read_example("breast_cancer/data/breast_cancer.csv");
    const frame after = read_example("breast_cancer/data/breast_cancer_new.csv");
    // From the reference: mean_radius PSI 0.326, p 0.0366; worst_fractal_dimension PSI 0.034, p 0.884;
    // mean_compactness PSI 0.088, p 0.533.
    drift_thresholds t;
    t.psi_warn = 0.05;
    t.psi_error = 0.3;
    t.ks_p_value_warn = 0.05;
    t.ks_p_value_error = 0.01;
    std::map<std::string, lolpop::finding> by_column;
    const auto r = lolpop::drift_report(before, after, t);
    CHECK(r.title == "data drift");
    for (const auto& f : r.findings) by_column[f.subject] = f;
    REQUIRE(by_column.size() == before.cols());

    CHECK(by_column["mean_radius"].status == lolpop::check_status::error);
    CHECK(by_column["mean_radius"].message ==
          "PSI 0.326; KS statistic 0.178, p-value 0.0366 (PSI at or above 0.3 is an error; KS p-value below 0.05 warns)");
    CHECK(by_column["worst_fractal_dimension"].status == lolpop::check_status::ok);
    CHECK(by_column["worst_fractal_dimension"].message == "PSI 0.0336; KS statistic 0.0723, p-value 0.884");
    CHECK(by_column["mean_compactness"].status == lolpop::check_status::warn);
    CHECK(by_column["id"].status == lolpop::check_status::error);
    CHECK(r.status() == lolpop::check_status::error);

    // A threshold of 0 never fires.
    const auto quiet = lolpop::drift_report(before, after, drift_thresholds{10, 0, 0, 0, 0});
    CHECK(quiet.status() == lolpop::check_status::ok);
    // The defaults warn and never stop a workflow.
    CHECK(lolpop::drift_report(before, after, drift_thresholds{}).status() == lolpop::check_status::warn);
}

TEST_CASE("measure_drift rejects frames without rows and thresholds that make no sense") {
    const frame some({column::numeric("x", {1, 2})});
    const frame none({column::numeric("x", {})});
    CHECK(message_of([&] { lolpop::measure_drift(none, some, drift_thresholds{}); }) ==
          "cannot measure drift: the reference data has no rows (drift)");
    CHECK(message_of([&] { lolpop::drift_report(some, none, drift_thresholds{}); }) ==
          "cannot measure drift: the current data has no rows (drift)");

    const auto check = [](drift_thresholds t) { return message_of([&] { lolpop::check_drift_thresholds(t, "p"); }); };
    CHECK(check({}) == "no error");
    CHECK(check({1, 0.1, 0.25, 0.05, 0.01}) == "psi_bins must be at least 2, got 1 (p.psi_bins)");
    CHECK(check({10, -0.1, 0.25, 0.05, 0.01}) == "psi_warn must be a number of at least 0, got -0.1 (p.psi_warn)");
    CHECK(check({10, 0.1, NAN, 0.05, 0.01}) == "psi_error must be a number of at least 0, got nan (p.psi_error)");
    CHECK(check({10, 0.3, 0.2, 0.05, 0.01}) ==
          "psi_error (0.2) is below psi_warn (0.3): an error must be at least a warning (p.psi_error)");
    CHECK(check({10, 0.1, 0.25, 1.5, 0.01}) == "ks_p_value_warn must be between 0 and 1, got 1.5 (p.ks_p_value_warn)");
    CHECK(check({10, 0.1, 0.25, 0.05, 0.1}) ==
          "ks_p_value_error (0.1) is above ks_p_value_warn (0.05): an error must be at least a warning (p.ks_p_value_error)");
    CHECK(check({10, 0, 0.25, 0, 0.1}) == "no error");
    CHECK(message_of([&] { lolpop::measure_drift(some, some, drift_thresholds{0}); }) ==
          "psi_bins must be at least 2, got 0 (drift.psi_bins)");
}

TEST_CASE("ks_two_sample and population_stability_index reject samples without values") {
    const double values[] = {1, 2}, holes[] = {NAN, NAN};
    CHECK(message_of([&] { lolpop::ks_two_sample(values, holes); }) ==
          "the Kolmogorov-Smirnov test needs values in both samples, got 2 and 0 (ks_two_sample)");
    const column some = column::numeric("x", {1, 2}), none = column::numeric("x", {});
    CHECK(message_of([&] { lolpop::population_stability_index(some, none, 10); }) ==
          "cannot compute the PSI of column 'x': the current column is empty (population_stability_index)");
    CHECK(message_of([&] { lolpop::population_stability_index(some, some, 1); }) ==
          "psi_bins must be at least 2, got 1 (population_stability_index)");
}
