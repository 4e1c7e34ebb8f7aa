#include <lolpop/components/data_checker/null_data_checker.hpp>

#include <doctest/doctest.h>

#include <cmath>

TEST_CASE("null_data_checker gives an empty, ok report") {
    lolpop::context ctx;
    lolpop::null_data_checker checker({}, ctx);
    const lolpop::report r = checker.check_data(lolpop::frame({lolpop::column::numeric("x", {std::nan("")})}));
    CHECK(r.title == "data_checker");
    CHECK(r.findings.empty());
    CHECK(r.status() == lolpop::check_status::ok);
}
