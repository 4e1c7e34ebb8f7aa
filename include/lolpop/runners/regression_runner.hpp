#pragma once
// lolpop::regression_runner — tabular_runner for a numeric target. Default perf_metric: rmse.
#include <lolpop/runners/tabular_runner.hpp>

namespace lolpop {

struct regression_task : tabular_task {
    static constexpr std::string_view name = "regression_runner";
    static constexpr bool regression = true;
    static constexpr std::string_view default_metric = "rmse";
};

template <class... Binds>
using regression_runner = tabular_runner<regression_task, Binds...>;

}  // namespace lolpop
