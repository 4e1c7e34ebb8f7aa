#pragma once
// null_model_visualizer — the default model_visualizer: headless runs that want no plots write
// no files.
#include <lolpop/concepts/model_visualizer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

struct null_model_visualizer {
    struct config {};
    static constexpr std::string_view name = "null_model_visualizer";
    static constexpr bool inert = true;

    null_model_visualizer(const config&, context&) {}

    std::vector<std::string> generate_viz(const evaluation&, const std::string&) const { return {}; }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_model_visualizer::config);

static_assert(lolpop::model_visualizer<lolpop::null_model_visualizer>);
