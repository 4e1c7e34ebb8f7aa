#include <lolpop/components/feature_transformer/clip.hpp>

#include "transformer_checks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

using lolpop::clip;
using lolpop::column;
using lolpop::frame;
using lolpop_test::message_of;

TEST_CASE("clip equals numpy's clip on penguins") {
    const clip::config bounds{{"Beak Length (mm)", "Flipper Length (mm)"}, 15, 200};
    const clip c = lolpop_test::fitted_on_penguins<clip>(bounds, "clip");
    lolpop_test::check_state_round_trip(c, bounds);
    // The saved bounds hold whatever the settings of the loading transformer say.
    lolpop::context ctx;
    clip other({{}, 0, 1}, ctx);
    other.load_state(c.save_state());
    CHECK(other.transform(lolpop_test::new_penguins()) == c.transform(lolpop_test::new_penguins()));
}

TEST_CASE("clip with one bound; missing values pass through") {
    lolpop::context ctx;
    const double missing = std::numeric_limits<double>::quiet_NaN();
    clip at_zero({{}, 0}, ctx);
    at_zero.fit(frame({column::numeric("x", {-1, 1})}));
    const frame out = at_zero.transform(frame({column::numeric("x", {-5, 5, missing})}));
    const auto x = out["x"].numeric_values();
    CHECK(x[0] == 0.0);
    CHECK(x[1] == 5.0);
    CHECK(std::isnan(x[2]));
}

TEST_CASE("clip: bad input") {
    lolpop_test::check_bad_input<clip>({{}, 0, 10}, "Island");
    lolpop::context ctx;
    CHECK(message_of([&] { clip({{}, 2, 1}, ctx); }) == "min (2) must not be above max (1) (clip.min)");
    CHECK(message_of([&] { clip({}, ctx); }) == "neither min nor max is set, so there is nothing to clip (clip)");
    clip c({{}, 0, 10}, ctx);
    c.fit(lolpop_test::penguins());
    std::string state = c.save_state();
    // min above max in a saved state: refused
    const auto at = std::min(state.find("'10'"), state.find("\"10\""));  // toml++ may quote either way
    REQUIRE(at != std::string::npos);
    state.replace(at + 1, 2, "-1");
    CHECK(message_of([&] { c.load_state(state); }).starts_with("not a saved clip state"));
}
