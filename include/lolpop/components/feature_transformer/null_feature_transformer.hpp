#pragma once
// null_feature_transformer — the default feature_transformer: trainers that take the features
// as they are (gradient-boosted trees need no scaling) learn and change nothing.
#include <lolpop/concepts/feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string_view>

namespace lolpop {

struct null_feature_transformer {
    struct config {};
    static constexpr std::string_view name = "null_feature_transformer";
    static constexpr bool inert = true;

    null_feature_transformer(const config&, context&) {}

    void fit(const frame&) {}
    frame transform(const frame& X) const { return X; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_feature_transformer::config);

static_assert(lolpop::feature_transformer<lolpop::null_feature_transformer>);
