#include <lolpop/components/data_profiler/null_data_profiler.hpp>
#include <lolpop/concepts/data_checker.hpp>

#include <doctest/doctest.h>

static_assert(!lolpop::data_checker<lolpop::null_data_profiler>);

TEST_CASE("null_data_profiler gives empty, ok reports") {
    lolpop::context ctx;
    lolpop::null_data_profiler profiler({}, ctx);
    const lolpop::frame f({lolpop::column::numeric("x", {1, 2})});
    for (const lolpop::report& r : {profiler.profile_data(f), profiler.compare_data(f, f)}) {
        CHECK(r.title == "data_profiler");
        CHECK(r.findings.empty());
        CHECK(r.status() == lolpop::check_status::ok);
    }
}
