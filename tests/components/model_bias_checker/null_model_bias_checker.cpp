#include <lolpop/components/model_bias_checker/null_model_bias_checker.hpp>

#include <doctest/doctest.h>

TEST_CASE("null_model_bias_checker gives an empty, ok report") {
    lolpop::context ctx;
    lolpop::null_model_bias_checker checker({}, ctx);
    lolpop::evaluation e;
    e.X = lolpop::frame({lolpop::column::categorical("sex", {"f", "m"})});
    const lolpop::report r = checker.check_model_bias(e);
    CHECK(r.title == "model_bias_checker");
    CHECK(r.findings.empty());
    CHECK(r.status() == lolpop::check_status::ok);
}
