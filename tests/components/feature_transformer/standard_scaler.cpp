#include <lolpop/components/feature_transformer/standard_scaler.hpp>

#include "transformer_checks.hpp"

#include <cmath>
#include <limits>

using lolpop::column;
using lolpop::frame;
using lolpop::standard_scaler;
using lolpop_test::message_of;

TEST_CASE("standard_scaler equals scikit-learn's StandardScaler (population std) on penguins") {
    const standard_scaler scaler = lolpop_test::fitted_on_penguins<standard_scaler>({}, "standard_scaler");
    const frame out = scaler.transform(lolpop_test::new_penguins());
    // Categories pass through; an integer column comes out numeric.
    CHECK(out["Species"] == lolpop_test::new_penguins()["Species"]);
    CHECK(out["Body Mass (g)"].type() == lolpop::column_type::numeric);
    CHECK(out.names() == lolpop_test::new_penguins().names());
    lolpop_test::check_state_round_trip(scaler, {});
}

TEST_CASE("standard_scaler: a constant column is only centred, missing values stay missing") {
    lolpop::context ctx;
    const double missing = std::numeric_limits<double>::quiet_NaN();
    standard_scaler scaler({{"flat", "x"}}, ctx);
    scaler.fit(frame({column::numeric("flat", {0.5, 0.5, 0.5}), column::numeric("x", {1, missing, 3}),
                      column::numeric("other", {5, 6, 7})}));
    const frame out = scaler.transform(frame({column::numeric("flat", {0.5, 1.5}), column::numeric("x", {missing, 5}),
                                              column::numeric("other", {8, 9})}));
    CHECK(out["flat"].numeric_values()[0] == 0.0);
    CHECK(out["flat"].numeric_values()[1] == 1.0);
    CHECK(std::isnan(out["x"].numeric_values()[0]));
    CHECK(out["x"].numeric_values()[1] == 3.0);  // (5 - 2) / 1
    CHECK(out["other"].numeric_values()[0] == 8.0);
}

TEST_CASE("standard_scaler: bad input") {
    lolpop_test::check_bad_input<standard_scaler>({}, "Island");
    lolpop::context ctx;
    CHECK(message_of([&] { standard_scaler({{"Body Mass (g)", "Body Mass (g)"}}, ctx).fit(lolpop_test::penguins()); }) ==
          "column 'Body Mass (g)' is listed twice (standard_scaler.columns)");
    const frame empty({column::numeric("x", {std::numeric_limits<double>::quiet_NaN()})});
    CHECK(message_of([&] { standard_scaler({}, ctx).fit(empty); }) == "column 'x' has no values to fit on (standard_scaler)");
}
