#include <lolpop/components/model_checker/null_model_checker.hpp>

#include <doctest/doctest.h>

TEST_CASE("null_model_checker gives an empty, ok report") {
    lolpop::context ctx;
    lolpop::null_model_checker checker({}, ctx);
    const lolpop::report r = checker.check_model(lolpop::data_split{}, lolpop::evaluation{});
    CHECK(r.title == "model_checker");
    CHECK(r.findings.empty());
    CHECK(r.status() == lolpop::check_status::ok);
}
