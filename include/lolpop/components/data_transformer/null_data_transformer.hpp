#pragma once
// null_data_transformer — the default data_transformer: workflows whose data needs no reshaping
// pass it through unchanged.
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string_view>

namespace lolpop {

struct null_data_transformer {
    struct config {};
    static constexpr std::string_view name = "null_data_transformer";
    static constexpr bool inert = true;

    null_data_transformer(const config&, context&) {}

    // By value: a frame handed over as a temporary moves through, uncopied.
    frame transform(frame f) const { return f; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_data_transformer::config);

static_assert(lolpop::data_transformer<lolpop::null_data_transformer>);
