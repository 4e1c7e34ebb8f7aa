#include <lolpop/components/feature_transformer/log_transform.hpp>

#include "transformer_checks.hpp"

#include <cmath>

using lolpop::column;
using lolpop::frame;
using lolpop::log_transform;
using lolpop_test::message_of;

TEST_CASE("log_transform equals numpy's log1p on penguins, and values at or below -1 become missing") {
    const log_transform log = lolpop_test::fitted_on_penguins<log_transform>({}, "log_transform");
    lolpop_test::check_state_round_trip(log, {});

    lolpop::context ctx;
    log_transform only_x({{"x"}}, ctx);
    only_x.fit(frame({column::numeric("x", {0, 1}), column::numeric("y", {-3, 1})}));
    const frame out = only_x.transform(frame({column::numeric("x", {0, -1, -2, 3}), column::numeric("y", {-3, 1, 2, 3})}));
    const auto x = out["x"].numeric_values();
    CHECK(x[0] == 0.0);
    CHECK(std::isnan(x[1]));
    CHECK(std::isnan(x[2]));
    CHECK(x[3] == std::log1p(3.0));
    CHECK(out["y"].numeric_values()[0] == -3.0);
}

TEST_CASE("log_transform: bad input") {
    lolpop_test::check_bad_input<log_transform>({}, "Sex");
    lolpop::context ctx;
    const frame negative({column::integer("n", {3, -1, 2})});
    CHECK(message_of([&] { log_transform({}, ctx).fit(negative); }) ==
          "column 'n' has -1 in row 2, where log(1 + x) is not finite; clip or shift the column first (log_transform)");
}
