#include <lolpop/core/report.hpp>

#include <doctest/doctest.h>

using lolpop::check_status;

TEST_CASE("a report's status is the worst of its findings") {
    lolpop::report r{"data_checker", {}};
    CHECK(r.status() == check_status::ok);
    r.findings.push_back({check_status::warn, "age", "12% missing"});
    CHECK(r.status() == check_status::warn);
    r.findings.push_back({check_status::ok, "id", "unique"});
    CHECK(r.status() == check_status::warn);
    r.findings.push_back({check_status::error, "target", "one class only"});
    r.findings.push_back({check_status::warn, "x", "skewed"});
    CHECK(r.status() == check_status::error);
}

TEST_CASE("check statuses print as ok, warn and error") {
    CHECK(lolpop::to_string(check_status::ok) == "ok");
    CHECK(lolpop::to_string(check_status::warn) == "warn");
    CHECK(lolpop::to_string(check_status::error) == "error");
}
