#include <lolpop/components/feature_transformer/min_max_scaler.hpp>

#include "transformer_checks.hpp"

using lolpop::column;
using lolpop::frame;
using lolpop::min_max_scaler;
using lolpop_test::message_of;

TEST_CASE("min_max_scaler equals scikit-learn's MinMaxScaler on penguins, also with another range") {
    const min_max_scaler scaler = lolpop_test::fitted_on_penguins<min_max_scaler>({}, "min_max_scaler");
    lolpop_test::check_state_round_trip(scaler, {});

    const min_max_scaler::config range{{"Body Mass (g)", "Beak Depth (mm)"}, -1, 2};
    const min_max_scaler ranged = lolpop_test::fitted_on_penguins<min_max_scaler>(range, "min_max_scaler_range");
    const frame out = ranged.transform(lolpop_test::new_penguins());
    CHECK(out["Beak Length (mm)"] == lolpop_test::new_penguins()["Beak Length (mm)"]);
    lolpop_test::check_state_round_trip(ranged, range);
}

TEST_CASE("min_max_scaler: a column without spread is only shifted to min") {
    lolpop::context ctx;
    min_max_scaler scaler({{}, 10, 20}, ctx);
    scaler.fit(frame({column::integer("n", {4, 4, 4})}));
    const frame out = scaler.transform(frame({column::integer("n", {4, 5})}));
    CHECK(out["n"].numeric_values()[0] == 10.0);
    CHECK(out["n"].numeric_values()[1] == 20.0);  // 10 + (5 - 4) * 10 / 1
}

TEST_CASE("min_max_scaler: bad input") {
    lolpop_test::check_bad_input<min_max_scaler>({}, "Species");
    lolpop::context ctx;
    CHECK(message_of([&] { min_max_scaler({{}, 1, 1}, ctx); }) == "min (1) must be below max (1) (min_max_scaler.min)");
}
