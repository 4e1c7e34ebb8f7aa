#include <lolpop/components/data_profiler/summary_data_profiler.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/pipelines/detail/stop_on_error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

using lolpop::check_status;
using lolpop::column_type;
using lolpop::frame;
using lolpop::summary_data_profiler;

namespace {

summary_data_profiler make(const summary_data_profiler::config& cfg = {}) {
    lolpop::context ctx;
    return summary_data_profiler(cfg, ctx);
}

std::map<std::string, lolpop::finding> by_subject(const lolpop::report& r) {
    std::map<std::string, lolpop::finding> out;
    for (const auto& f : r.findings) out.emplace(f.subject, f);
    return out;
}

frame penguins() { return lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv"); }
frame example(const std::string& file) { return lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/" + file); }

}  // namespace

TEST_CASE("summary_data_profiler profiles every column of penguins") {
    const auto r = make().profile_data(penguins());
    CHECK(r.title == "data profile");
    REQUIRE(r.findings.size() == 8);
    CHECK(r.status() == check_status::ok);
    CHECK(r.findings[0].subject == "data");
    CHECK(r.findings[0].message == "344 rows, 7 columns");
    auto f = by_subject(r);
    CHECK(f["Island"].message == "categorical, 344 values, 0 missing; 3 distinct; top Biscoe (168), Dream (124), Torgersen (52)");
    CHECK(f["Sex"].message == "categorical, 334 values, 10 missing (2.91%); 3 distinct; top MALE (168), FEMALE (165), . (1)");
    // pandas: mean 43.92, std 5.46, quartiles 39.225 / 44.45 / 48.5; numpy.histogram's counts.
    CHECK(f["Beak Length (mm)"].message ==
          "numeric, 342 values, 2 missing (0.581%); 164 distinct; mean 43.92, std 5.46, min 32.1, 25% 39.23, 50% 44.45, "
          "75% 48.5, max 59.6; histogram of 10 bins from 32.1 to 59.6: 9 40 57 48 49 55 61 16 5 2");
}

TEST_CASE("summary_data_profiler uses the configured histogram bins and number of top values") {
    summary_data_profiler::config cfg;
    cfg.histogram_bins = 3;
    cfg.top_values = 1;
    auto f = by_subject(make(cfg).profile_data(example("cars/data/cars.csv")));
    CHECK(f["Origin"].message == "categorical, 360 values, 0 missing; 3 distinct; top USA (230)");
    CHECK(f["Cylinders"].message.ends_with("histogram of 3 bins from 3 to 8: 175 78 107"));
}

TEST_CASE("summary_data_profiler compares breast_cancer's new rows with the training rows") {
    summary_data_profiler::config cfg;
    cfg.ignore_columns = {"id"};
    const frame before = example("breast_cancer/data/breast_cancer.csv");
    const frame after = example("breast_cancer/data/breast_cancer_new.csv");
    const auto r = make(cfg).compare_data(before, after);
    CHECK(r.title == "data comparison");
    auto f = by_subject(r);
    CHECK(f.count("id") == 0);
    REQUIRE(f.size() == 1 + 31);
    CHECK(f["rows"].message == "500 -> 69");
    CHECK(f["rows"].status == check_status::ok);

    // Every common column: its shift, then its drift (see tests/core/drift.cpp for the numbers).
    const auto drift = lolpop::measure_drift(before.drop(std::vector<std::string>{"id"}), after, lolpop::drift_thresholds{});
    for (const auto& d : drift) {
        CAPTURE(d.column);
        CHECK(f[d.column].status == d.status);
    }
    CHECK(f["mean_radius"].status == check_status::warn);
    CHECK(f["mean_radius"].message.starts_with("mean 14.22 -> 13.43, missing 0% -> 0%, distinct 407 -> 68; "));
    CHECK(f["mean_radius"].message.ends_with(
        "; PSI 0.326; KS statistic 0.178, p-value 0.0366 (PSI at or above 0.1 warns; KS p-value below 0.05 warns)"));
    CHECK(r.status() == check_status::warn);
}

TEST_CASE("summary_data_profiler reports removed, added and retyped columns") {
    const frame before = example("cars/data/cars.csv");
    frame after = example("cars/data/cars_new.csv");
    after.remove("Origin");
    lolpop::column cylinders = after["Cylinders"].cast(column_type::categorical);
    after.remove("Cylinders");
    after.add(std::move(cylinders));
    lolpop::column weight = after["Weight_in_lbs"].cast(column_type::numeric);
    after.remove("Weight_in_lbs");
    after.add(std::move(weight));
    lolpop::column country = after["Name"];
    country.rename("Country");
    after.add(std::move(country));
    // Drift of the remaining columns is not the point here.
    summary_data_profiler::config cfg;
    cfg.ignore_columns = {"Name", "Miles_per_Gallon", "Displacement", "Horsepower", "Acceleration", "Year", "Weight_in_lbs"};
    cfg.psi_warn = 0;
    cfg.ks_p_value_warn = 0;

    auto f = by_subject(make(cfg).compare_data(before, after));
    CHECK(f["Origin"].status == check_status::warn);
    CHECK(f["Origin"].message == "removed (was categorical)");
    CHECK(f["Cylinders"].status == check_status::warn);
    CHECK(f["Cylinders"].message.starts_with("type changed from integer to categorical"));
    CHECK(f["Country"].status == check_status::ok);
    CHECK(f["Country"].message == "added (categorical)");

    cfg.schema_change_status = "error";
    cfg.ignore_columns.pop_back();
    const auto strict = make(cfg).compare_data(before, after);
    f = by_subject(strict);  // the first finding per column: its schema change, before its drift
    // Whole numbers read as integers one day and as floats the next are still numbers.
    CHECK(f["Weight_in_lbs"].status == check_status::ok);
    CHECK(f["Weight_in_lbs"].message == "type changed from integer to numeric");
    CHECK(strict.status() == check_status::error);
}

TEST_CASE("summary_data_profiler: drift at its error threshold stops the step with a notification") {
    summary_data_profiler::config cfg;
    cfg.ignore_columns = {"id"};
    cfg.psi_error = 0.45;
    const auto r = make(cfg).compare_data(example("breast_cancer/data/breast_cancer.csv"),
                                          example("breast_cancer/data/breast_cancer_new.csv"));
    CHECK(r.status() == check_status::error);

    lolpop::context ctx;
    std::vector<std::string> notes;
    ctx.set_notifier([&](lolpop::log_level, std::string_view m) { notes.emplace_back(m); });
    const std::string stopped = message_of([&] { lolpop::detail::stop_on_error(r, ctx, "predict drift"); });
    // The first column at or above 0.45 in the frame's order is worst_radius (PSI 0.494).
    CHECK(stopped.starts_with("data comparison failed: worst_radius: mean "));
    CHECK(stopped.ends_with("(PSI at or above 0.45 is an error; KS p-value below 0.05 warns) (predict drift)"));
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].starts_with("data comparison failed: worst_radius: "));
}

TEST_CASE("summary_data_profiler compares nothing when every column is ignored") {
    summary_data_profiler::config cfg;
    cfg.ignore_columns = {"x"};
    const frame data({lolpop::column::numeric("x", {1, 2})});
    const auto r = make(cfg).compare_data(data, data);
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].subject == "rows");
}

TEST_CASE("summary_data_profiler rejects bad settings and data without rows") {
    const auto config_error = [](auto change) {
        summary_data_profiler::config cfg;
        change(cfg);
        return message_of([&] { make(cfg); });
    };
    CHECK(config_error([](auto& c) { c.histogram_bins = 0; }) ==
          "histogram_bins must be at least 1, got 0 (summary_data_profiler.histogram_bins)");
    CHECK(config_error([](auto& c) { c.top_values = -2; }) ==
          "top_values cannot be negative, got -2 (summary_data_profiler.top_values)");
    CHECK(config_error([](auto& c) { c.schema_change_status = "eror"; }) ==
          "unknown status 'eror' (did you mean 'error'?) (summary_data_profiler.schema_change_status)");
    CHECK(config_error([](auto& c) { c.schema_change_status = "ok"; }) ==
          "unknown status 'ok' (expected warn or error) (summary_data_profiler.schema_change_status)");
    CHECK(config_error([](auto& c) { c.psi_bins = 1; }) ==
          "psi_bins must be at least 2, got 1 (summary_data_profiler.psi_bins)");
    CHECK(config_error([](auto& c) {
              c.psi_warn = 0.3;
              c.psi_error = 0.2;
          }) == "psi_error (0.2) is below psi_warn (0.3): an error must be at least a warning (summary_data_profiler.psi_error)");
    CHECK(config_error([](auto& c) { c.ks_p_value_warn = -1; }) ==
          "ks_p_value_warn must be between 0 and 1, got -1 (summary_data_profiler.ks_p_value_warn)");

    const frame some({lolpop::column::numeric("x", {1})}), none({lolpop::column::numeric("x", {})});
    CHECK(message_of([&] { make().compare_data(none, some); }) ==
          "cannot compare data: the reference data has no rows (summary_data_profiler)");
    CHECK(message_of([&] { make().compare_data(some, none); }) ==
          "cannot compare data: the current data has no rows (summary_data_profiler)");
    CHECK(make().profile_data(none).findings.size() == 2);
}
