#include <lolpop/data/row_plan.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace lolpop;

namespace {

struct times {
    double factor = 1;
    double operator()(double v) const { return v * factor; }
};

}  // namespace

TEST_CASE("a row plan maps each output value from one input value, for one row or a whole frame") {
    const frame X({column::categorical("c", {"a", "b"}), column::integer("n", {2, 3})});
    // n twice, once doubled; c as it is.
    row_plan<times> plan{{{"n2", column_type::numeric, {}}, {"c", column_type::categorical, {"a", "b"}}, {"n", column_type::integer, {}}},
                         {{1, {2}, true}, {0, {}, false}, {1, {}, false}}};
    std::vector<double> out(3);
    transform_row(plan, std::vector<double>{1, 5}, out);
    CHECK(out == std::vector<double>{10, 1, 5});

    const frame Y = transform_frame(X, plan);
    CHECK(Y.names() == std::vector<std::string>{"n2", "c", "n"});
    CHECK(Y["n2"].type() == column_type::numeric);
    CHECK(Y["n2"].numeric_values()[1] == 6.0);
    CHECK(Y["c"] == X["c"]);
    CHECK(Y["n"] == X["n"]);
}
