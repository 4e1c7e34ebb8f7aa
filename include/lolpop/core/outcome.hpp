#pragma once
// What each runner step hands back to its caller (the profile binary prints it, the run report
// shows it): plain records, so that printing an outcome needs no pipeline.
#include <lolpop/core/resources.hpp>
#include <lolpop/core/split.hpp>
#include <lolpop/core/verdict.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace lolpop {

struct train_outcome {
    model_version version;
    split_sizes split;      // the rows of each part the splitter made
    metric_values metrics;  // on the test part
    std::string perf_metric;
    champion_verdict verdict = champion_verdict::unopposed;
    std::optional<double> deployed_score;    // the champion's perf_metric on the compared test rows
    std::optional<double> challenger_score;  // the new model's, before any refit, on the same rows
    std::size_t compared_rows = 0;           // the test rows the champion never learned from
    std::string compared_to;                 // the deployed version the verdict is against, "none", or "" (no comparison)
};

struct predict_outcome {
    prediction_job job;
    std::size_t rows = 0;
    metric_values metrics;  // empty unless the data held the target
};

struct build_all_outcome {
    dataset_version data;
    train_outcome trained;
    std::optional<deployment> deployed;  // empty when the new model lost to the deployed one
    predict_outcome predicted;
};

}  // namespace lolpop
