#include <lolpop/components/data_transformer/null_data_transformer.hpp>

#include <doctest/doctest.h>

TEST_CASE("null_data_transformer returns its input") {
    lolpop::context ctx;
    lolpop::null_data_transformer transformer({}, ctx);
    const lolpop::frame f({lolpop::column::numeric("x", {1, 2}), lolpop::column::categorical("c", {"a", std::nullopt})});
    CHECK(transformer.transform(f) == f);
    CHECK(lolpop::setting_names<lolpop::null_data_transformer::config>().empty());
}
