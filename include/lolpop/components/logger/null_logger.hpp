#pragma once
// null_logger — the default logger: workflows that log nowhere (tests, benchmarks) drop every
// message at no cost.
#include <lolpop/concepts/logger.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>

namespace lolpop {

struct null_logger {
    struct config {};
    static constexpr std::string_view name = "null_logger";
    static constexpr bool inert = true;

    null_logger(const config&, context&) {}

    void log(log_level, std::string_view) const {}
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_logger::config);

static_assert(lolpop::logger<lolpop::null_logger>);
