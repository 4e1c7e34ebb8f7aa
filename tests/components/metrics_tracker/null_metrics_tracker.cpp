#include <lolpop/components/metrics_tracker/null_metrics_tracker.hpp>

#include <doctest/doctest.h>

TEST_CASE("null_metrics_tracker keeps nothing") {
    lolpop::context ctx;
    lolpop::null_metrics_tracker tracker({}, ctx);
    tracker.log_metric("mv-1", "roc_auc", 0.93);
    tracker.log_metrics("mv-1", {{"accuracy", 0.9}, {"f1", 0.88}});
    CHECK_FALSE(tracker.get_metric("mv-1", "roc_auc").has_value());
    CHECK(tracker.get_metrics("mv-1").empty());
}
