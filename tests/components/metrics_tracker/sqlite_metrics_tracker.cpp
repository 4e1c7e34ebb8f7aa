#include <lolpop/components/data_connector/sqlite_data_connector.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

namespace {

using lolpop::sqlite_metrics_tracker;

sqlite_metrics_tracker open_tracker(const std::string& path) {
    static lolpop::context ctx;  // the tracker keeps it
    return sqlite_metrics_tracker({path}, ctx);
}

}  // namespace

TEST_CASE("sqlite_metrics_tracker logs, replaces and reads metrics per resource") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metrics/metadata.db").string());

    CHECK_FALSE(tracker.get_metric("model_version-1", "roc_auc"));
    CHECK(tracker.get_metrics("model_version-1").empty());

    tracker.log_metric("model_version-1", "roc_auc", 0.91);
    tracker.log_metrics("model_version-1", {{"accuracy", 0.88}, {"f1", 0.87}});
    tracker.log_metric("model_version-2", "roc_auc", 0.5);
    tracker.log_metric("model_version-1", "roc_auc", 0.95);

    CHECK(tracker.get_metric("model_version-1", "roc_auc") == 0.95);
    CHECK(tracker.get_metrics("model_version-1") ==
          lolpop::metric_values{{"roc_auc", 0.95}, {"accuracy", 0.88}, {"f1", 0.87}});
    CHECK(tracker.get_metrics("model_version-2") == lolpop::metric_values{{"roc_auc", 0.5}});
    CHECK_FALSE(tracker.get_metric("model_version-2", "f1"));
}

TEST_CASE("sqlite_metrics_tracker keeps NaN and infinities") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    tracker.log_metrics("run-1", {{"undefined", std::nan("")}, {"huge", HUGE_VAL}, {"tiny", -HUGE_VAL}});
    auto undefined = tracker.get_metric("run-1", "undefined");
    REQUIRE(undefined);
    CHECK(std::isnan(*undefined));
    CHECK(tracker.get_metric("run-1", "huge") == HUGE_VAL);
    CHECK(tracker.get_metric("run-1", "tiny") == -HUGE_VAL);
}

TEST_CASE("sqlite_metrics_tracker logs a set of metrics all or nothing") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    CHECK_THROWS_WITH_AS(tracker.log_metrics("run-1", {{"accuracy", 0.9}, {"", 1.0}}),
                         doctest::Contains("empty metric name for resource 'run-1'"), lolpop::error);
    CHECK(tracker.get_metrics("run-1").empty());
    CHECK_THROWS_WITH_AS(tracker.log_metric("", "accuracy", 0.9), doctest::Contains("resource id of a metric is empty"),
                         lolpop::error);
}

TEST_CASE("sqlite_metrics_tracker keeps its metrics when the file is opened again") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    open_tracker(path).log_metric("run-1", "rows", 569);
    CHECK(open_tracker(path).get_metric("run-1", "rows") == 569);
}

TEST_CASE("sqlite_metrics_tracker and sqlite_metadata_tracker share one open file") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    lolpop::context ctx;
    lolpop::sqlite_metadata_tracker metadata({path}, ctx);
    auto metrics = open_tracker(path);
    auto second_metrics = open_tracker(path);

    auto r = metadata.start_run("dev", "b", "train");
    metrics.log_metric(r.id, "duration_s", 1.5);
    metadata.end_run(r, lolpop::run_status::ok);
    CHECK(second_metrics.get_metric(r.id, "duration_s") == 1.5);
    CHECK(metadata.list_runs().front().status == lolpop::run_status::ok);

    // Each component has its own schema version in the shared file.
    lolpop::sqlite_data_connector connector({path, {}}, ctx);
    auto versions = connector.get_data("schema_versions");
    std::set<std::string> components;
    for (std::size_t i = 0; i < versions.rows(); ++i) components.insert(versions["component"].to_string(i));
    CHECK(components == std::set<std::string>{"sqlite_metadata_tracker", "sqlite_metrics_tracker"});
}

TEST_CASE("sqlite_metrics_tracker refuses a file written by a newer schema") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    open_tracker(path);
    lolpop::context ctx;
    lolpop::sqlite_data_connector connector({path, {}}, ctx);
    connector.save_data(lolpop::frame({lolpop::column::categorical("component", {"sqlite_metrics_tracker"}),
                                       lolpop::column::integer("version", {2})}),
                        "schema_versions");
    CHECK_THROWS_WITH_AS(open_tracker(path),
                         doctest::Contains("schema version 2 of sqlite_metrics_tracker, newer than version 1"),
                         lolpop::error);
}

TEST_CASE("sqlite_metrics_tracker needs a path") {
    CHECK_THROWS_WITH_AS(open_tracker(""), doctest::Contains("the database path is empty"), lolpop::error);
}
