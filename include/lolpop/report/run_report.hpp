#pragma once
// The HTML run report: one self-contained page (inline CSS and SVG, nothing fetched) that a
// build-all leaves behind, for a person to read what the run did without the metadata store.
#include <lolpop/core/profile_info.hpp>
#include <lolpop/core/report.hpp>
#include <lolpop/core/resources.hpp>
#include <lolpop/core/split.hpp>
#include <lolpop/core/verdict.hpp>
#include <lolpop/composition/settings_tree.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

// What a completed build-all produced, and how it was composed.
struct run_report_data {
    profile_info profile;
    std::vector<described_part> workflow;  // describe_tree over the effective settings
    dataset_version data;
    model_version model;
    split_sizes split;  // the rows of the train, validation and test parts
    metric_values test_metrics;
    std::string perf_metric;
    std::optional<double> deployed_score;  // the champion's perf_metric on the same test rows
    champion_verdict verdict = champion_verdict::unopposed;
    std::optional<double> challenger_score;  // the new model's on those rows, when they are not all test rows
    std::size_t compared_rows = 0;           // the test rows the champion never learned from
    std::optional<deployment> deployed;    // empty when the new model was not deployed
    prediction_job prediction;
    metric_values prediction_metrics;      // empty unless the predict data held the target
    std::vector<report> reports;           // every check, profile and comparison, in order
    std::vector<std::string> files;        // every file the run wrote; SVG files are inlined
};

// Writes the page to `path` atomically. Sections: summary (profile, overall status, dataset,
// split sizes, model, deployment, prediction job), metrics, plots, checks, drift (the reports whose title
// names drift or a comparison), workflow (roles, types, effective settings) and the resolved
// profile. A file that cannot be read or is not SVG is listed, not inlined. Throws lolpop::error
// naming `path` when it cannot be written.
void write_run_report(const std::string& path, const run_report_data& data);

}  // namespace lolpop
