// postgres_metrics_tracker against the tests' PostgreSQL server, each test in a schema of its own.
#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>
#include <lolpop/testing/metrics_tracker_laws.hpp>

#include "../../message_of.hpp"
#include "../../postgres_server.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

lolpop::context& test_context() {
    static lolpop::context ctx;
    return ctx;
}

}  // namespace

TEST_CASE("postgres_metrics_tracker keeps the metrics tracker laws") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    const auto make = [&] { return lolpop::postgres_metrics_tracker({*dsn, schema}, test_context()); };
    CHECK_NOTHROW(lolpop::testing::check_metrics_tracker_laws(make));
    CHECK_NOTHROW(lolpop::testing::check_metrics_tracker_laws(make));
}

TEST_CASE("postgres_metrics_tracker refuses bad input and stores none of it") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    lolpop::postgres_metrics_tracker metrics({*dsn, schema}, test_context());
    CHECK(message_of([&] { metrics.log_metric("", "auc", 1.0); }).starts_with("the resource id of a metric is empty (postgresql host="));
    CHECK(message_of([&] { metrics.log_metrics("mv-1", {{"auc", 1.0}, {"", 2.0}}); })
              .starts_with("empty metric name for resource 'mv-1' (postgresql host="));
    CHECK(metrics.get_metrics("mv-1").empty());
    CHECK(message_of([&] { lolpop::postgres_metrics_tracker({*dsn, "a b"}, test_context()); }) ==
          "the schema name 'a b' is not 1 to 63 lowercase letters, digits and '_' that start with a letter or '_' "
          "(postgres_metrics_tracker.schema)");
}
