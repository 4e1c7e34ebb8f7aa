// lolpop::testing::check_metrics_tracker_laws on sqlite_metrics_tracker, and on wrappers of it
// that each break one law, which the check must name.
#include <lolpop/testing/metrics_tracker_laws.hpp>

#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>

#include "../message_of.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

namespace {

lolpop::context& test_context() {
    static lolpop::context ctx;
    return ctx;
}

// Keeps the first value of a metric: logging again does not replace it.
struct first_value_tracker : lolpop::sqlite_metrics_tracker {
    using lolpop::sqlite_metrics_tracker::sqlite_metrics_tracker;
    void log_metric(const std::string& resource_id, const std::string& metric_name, double value) {
        if (!get_metric(resource_id, metric_name)) sqlite_metrics_tracker::log_metric(resource_id, metric_name, value);
    }
};

// Drops the bad entries of log_metrics in silence and stores the others.
struct piecemeal_tracker : lolpop::sqlite_metrics_tracker {
    using lolpop::sqlite_metrics_tracker::sqlite_metrics_tracker;
    void log_metrics(const std::string& resource_id, const lolpop::metric_values& values) {
        for (const auto& [metric_name, value] : values)
            if (!metric_name.empty()) log_metric(resource_id, metric_name, value);
    }
};

// Stores NaN as 0, as a store without NaN might.
struct nan_as_zero_tracker : lolpop::sqlite_metrics_tracker {
    using lolpop::sqlite_metrics_tracker::sqlite_metrics_tracker;
    std::optional<double> get_metric(const std::string& resource_id, const std::string& metric_name) {
        auto v = sqlite_metrics_tracker::get_metric(resource_id, metric_name);
        if (v && std::isnan(*v)) return 0.0;
        return v;
    }
};

}  // namespace

TEST_CASE("sqlite_metrics_tracker keeps the metrics tracker laws") {
    lolpop_test::temp_directory tmp;
    const std::string path = (tmp / "metadata.db").string();
    const auto make = [&] { return lolpop::sqlite_metrics_tracker({path}, test_context()); };
    CHECK_NOTHROW(lolpop::testing::check_metrics_tracker_laws(make));
    CHECK_NOTHROW(lolpop::testing::check_metrics_tracker_laws(make));
}

TEST_CASE("a tracker that breaks a metrics tracker law fails the check, which names the law") {
    lolpop_test::temp_directory tmp;
    const std::string path = (tmp / "metadata.db").string();
    CHECK(message_of([&] {
              lolpop::testing::check_metrics_tracker_laws([&] { return first_value_tracker({path}, test_context()); });
          }) == "metrics tracker law 'log again replaces' is broken: auc is 0.750000 after logging 0.8125 over 0.75 "
                "(sqlite_metrics_tracker)");
    CHECK(message_of([&] {
              lolpop::testing::check_metrics_tracker_laws([&] { return piecemeal_tracker({path}, test_context()); });
          }) == "metrics tracker law 'log_metrics is all or nothing' is broken: it stored some entries only "
                "(sqlite_metrics_tracker)");
    CHECK(message_of([&] {
              lolpop::testing::check_metrics_tracker_laws([&] { return nan_as_zero_tracker({path}, test_context()); });
          }) == "metrics tracker law 'NaN round-trips' is broken: NaN reads back as 0.000000 (sqlite_metrics_tracker)");
}
