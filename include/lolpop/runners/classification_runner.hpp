#pragma once
// lolpop::classification_runner — tabular_runner for binary and multiclass targets; binary or
// multiclass is decided from the number of distinct target values. Default perf_metric: roc_auc.
#include <lolpop/runners/tabular_runner.hpp>

namespace lolpop {

struct classification_task : tabular_task {
    static constexpr std::string_view name = "classification_runner";
    static constexpr bool regression = false;
    static constexpr std::string_view default_metric = "roc_auc";
};

template <class... Binds>
using classification_runner = tabular_runner<classification_task, Binds...>;

}  // namespace lolpop
