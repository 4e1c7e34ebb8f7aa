#include <lolpop/components/feature_transformer/null_feature_transformer.hpp>

#include <doctest/doctest.h>

static_assert(lolpop::data_transformer<lolpop::null_feature_transformer>);

TEST_CASE("null_feature_transformer learns nothing and returns its input") {
    lolpop::context ctx;
    lolpop::null_feature_transformer transformer({}, ctx);
    const lolpop::frame train({lolpop::column::numeric("x", {1, 2, 3})});
    const lolpop::frame later({lolpop::column::numeric("x", {100, -5})});
    transformer.fit(train);
    CHECK(transformer.transform(later) == later);
}
