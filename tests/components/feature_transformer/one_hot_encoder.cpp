#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>

#include "transformer_checks.hpp"

#include <algorithm>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::one_hot_encoder;
using lolpop_test::message_of;

TEST_CASE("one_hot_encoder equals scikit-learn's OneHotEncoder(handle_unknown='ignore') on penguins") {
    const one_hot_encoder encoder = lolpop_test::fitted_on_penguins<one_hot_encoder>({}, "one_hot_encoder");
    const frame out = encoder.transform(lolpop_test::new_penguins());
    // In place of each column, its sorted categories; Sex had missing values in training.
    CHECK(out.names() == std::vector<std::string>{"Species_Adelie", "Species_Chinstrap", "Species_Gentoo", "Island_Biscoe",
                                                  "Island_Dream", "Island_Torgersen", "Beak Length (mm)", "Beak Depth (mm)",
                                                  "Flipper Length (mm)", "Body Mass (g)", "Sex_.", "Sex_FEMALE", "Sex_MALE",
                                                  "Sex_nan"});
    CHECK(out["Body Mass (g)"] == lolpop_test::new_penguins()["Body Mass (g)"]);
    lolpop_test::check_state_round_trip(encoder, {});
}

TEST_CASE("one_hot_encoder reads labels, not codes, and learns only the labels of the rows it sees") {
    lolpop::context ctx;
    one_hot_encoder encoder({{"c"}}, ctx);
    // A split part keeps its column's whole category list; "z" occurs in none of these rows.
    const frame all({column::categorical("c", {"z", "b", "a", "b"})});
    encoder.fit(all.take(std::vector<std::size_t>{1, 2, 3}));
    const frame out = encoder.transform(frame({column::categorical("c", {"a", std::nullopt, "z", "b"})}));
    CHECK(out.names() == std::vector<std::string>{"c_a", "c_b"});
    CHECK(out["c_a"].numeric_values()[0] == 1.0);
    CHECK(out["c_b"].numeric_values()[3] == 1.0);
    for (std::size_t row : {1, 2}) {  // missing (not a training category here) and unknown: all zeros
        CHECK(out["c_a"].numeric_values()[row] == 0.0);
        CHECK(out["c_b"].numeric_values()[row] == 0.0);
    }
}

TEST_CASE("one_hot_encoder: bad input") {
    lolpop_test::check_bad_input<one_hot_encoder>({}, "Beak Depth (mm)");
    lolpop::context ctx;
    one_hot_encoder encoder({{"c"}}, ctx);
    encoder.fit(frame({column::categorical("c", {"x", "y"}), column::numeric("c_x", {1, 2})}));
    CHECK(message_of([&] { (void)encoder.transform(frame({column::categorical("c", {"x"}), column::numeric("c_x", {1})})); }) ==
          "the output column 'c_x' would appear twice; rename the column it clashes with (one_hot_encoder)");
    std::string state = encoder.save_state();
    const auto x = std::min(state.find("'x'"), state.find("\"x\""));  // toml++ may quote either way
    REQUIRE(x != std::string::npos);
    state[x + 1] = 'z';  // categories "z", "y": no longer sorted
    CHECK(message_of([&] { encoder.load_state(state); }).starts_with("not a saved one_hot_encoder state"));
}
