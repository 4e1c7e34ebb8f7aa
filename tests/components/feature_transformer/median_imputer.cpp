#include <lolpop/components/feature_transformer/median_imputer.hpp>

#include "transformer_checks.hpp"

#include <cmath>
#include <limits>

using lolpop::column;
using lolpop::frame;
using lolpop::median_imputer;
using lolpop_test::message_of;

TEST_CASE("median_imputer equals scikit-learn's SimpleImputer(strategy=\"median\") on penguins") {
    const median_imputer imputer = lolpop_test::fitted_on_penguins<median_imputer>({}, "median_imputer");
    const frame out = imputer.transform(lolpop_test::new_penguins());
    for (const char* name : {"Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"})
        CHECK(out[name].missing_count() == 0);
    CHECK(out["Sex"] == lolpop_test::new_penguins()["Sex"]);
    lolpop_test::check_state_round_trip(imputer, {});
}

TEST_CASE("median_imputer fills only the columns it is given") {
    lolpop::context ctx;
    const double missing = std::numeric_limits<double>::quiet_NaN();
    median_imputer imputer({{"a"}}, ctx);
    imputer.fit(frame({column::numeric("a", {1, 2, 4, 9, missing}), column::numeric("b", {1, missing, 1, 1, 1})}));
    const frame out = imputer.transform(frame({column::numeric("a", {missing, 7}), column::numeric("b", {missing, 2})}));
    CHECK(out["a"].numeric_values()[0] == 3.0);  // (2 + 4) / 2
    CHECK(out["a"].numeric_values()[1] == 7.0);
    CHECK(std::isnan(out["b"].numeric_values()[0]));
}

TEST_CASE("median_imputer: bad input") {
    lolpop_test::check_bad_input<median_imputer>({}, "Island");
    lolpop::context ctx;
    const frame empty({column::integer("n", {0, 0}, {false, false})});
    CHECK(message_of([&] { median_imputer({}, ctx).fit(empty); }) == "column 'n' has no values to fit on (median_imputer)");
}
