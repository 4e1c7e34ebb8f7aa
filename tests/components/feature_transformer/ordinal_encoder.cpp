#include <lolpop/components/feature_transformer/ordinal_encoder.hpp>

#include "transformer_checks.hpp"

#include <cmath>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;
using lolpop::ordinal_encoder;
using lolpop_test::message_of;

TEST_CASE("ordinal_encoder equals scikit-learn's OrdinalEncoder (unknown and missing: NaN) on penguins") {
    const ordinal_encoder encoder = lolpop_test::fitted_on_penguins<ordinal_encoder>({}, "ordinal_encoder");
    const frame out = encoder.transform(lolpop_test::new_penguins());
    CHECK(out.names() == lolpop_test::new_penguins().names());
    CHECK(out["Island"].type() == lolpop::column_type::numeric);
    lolpop_test::check_state_round_trip(encoder, {});
}

TEST_CASE("ordinal_encoder ranks labels in sorted order, whatever the codes of the data") {
    lolpop::context ctx;
    ordinal_encoder encoder({}, ctx);
    encoder.fit(frame({column::categorical("c", {"b", "a", "c"}), column::numeric("x", {1, 2, 3})}));
    const frame out = encoder.transform(frame({column::categorical("c", {"c", "q", std::nullopt, "a"}),
                                               column::numeric("x", {4, 5, 6, 7})}));
    const auto c = out["c"].numeric_values();
    CHECK(c[0] == 2.0);
    CHECK(std::isnan(c[1]));
    CHECK(std::isnan(c[2]));
    CHECK(c[3] == 0.0);
    CHECK(out["x"].numeric_values()[0] == 4.0);
}

TEST_CASE("ordinal_encoder: bad input") {
    lolpop_test::check_bad_input<ordinal_encoder>({}, "Flipper Length (mm)");
    lolpop::context ctx;
    ordinal_encoder encoder({}, ctx);
    encoder.fit(frame({column::categorical("c", {"a", "b"})}));
    CHECK(message_of([&] { (void)encoder.transform(frame({column::numeric("c", {1})})); }) ==
          "column 'c' is numeric; ordinal_encoder was fitted on it as a categorical column (ordinal_encoder)");
}
