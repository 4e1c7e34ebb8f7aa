#include <lolpop/report/console_report.hpp>

#include <fmt/core.h>

#include <cstddef>
#include <new>

namespace lolpop {

void print_description(const profile_info& profile, const std::vector<described_part>& parts) {
    fmt::print("profile {} ({}), build id {}\n", profile.name, profile.source, profile.build_id);
    for (const described_part& p : parts) {
        const std::size_t depth = p.depth();
        fmt::print("{:{}}[{}] {}\n", "", 2 * depth, p.path.empty() ? "runner" : p.path, p.type);
        for (const auto& [key, value] : p.settings) fmt::print("{:{}}{} = {}\n", "", 2 * depth + 2, key, value);
    }
}

void print_metrics(const std::string& title, const metric_values& m) {
    fmt::print("{}:\n", title);
    for (const auto& [name, value] : m) fmt::print("  {:<10} {:.4f}\n", name, value);
}

void print_outcome(const dataset_version& v) {
    fmt::print("dataset '{}' version {}: {} rows x {} columns, stored at {}\n", v.dataset_name, v.id, v.rows, v.cols,
               v.uri);
}

void print_outcome(const train_outcome& t) {
    fmt::print("model '{}' version {} ({}) trained by {}\n", t.version.model_name, t.version.version, t.version.id,
               t.version.trainer);
    fmt::print("split: train {} rows, validation {}, test {}\n", t.split.train, t.split.valid, t.split.test);
    print_metrics("test metrics", t.metrics);
    if (t.deployed_score && t.challenger_score)
        fmt::print("on {} test rows new to the deployed model: deployed model {} = {:.4f}, new model {:.4f}; new model {}\n",
                   t.compared_rows, t.perf_metric, *t.deployed_score, *t.challenger_score,
                   replaces_champion(t.verdict) ? "wins" : "loses, the deployed model stays");
    else if (t.verdict == champion_verdict::incomparable)
        fmt::print("the deployed model could not be compared with the new model (see the log)\n");
}

void print_outcome(const std::optional<deployment>& d) {
    if (d)
        fmt::print("deployed model {} ({}) at {}\n", d->model_name, d->model_version_id, d->uri);
    else
        fmt::print("no new deployment\n");
}

void print_outcome(const predict_outcome& p) {
    fmt::print("prediction job {}: {} rows written to {}\n", p.job.id, p.rows, p.job.output_uri);
    if (!p.metrics.empty()) print_metrics("prediction metrics (ground truth in the data)", p.metrics);
}

int report_failure(const std::exception& e, std::string_view step) {
    // std::bad_alloc's what() says nothing of where: name the step instead.
    if (dynamic_cast<const std::bad_alloc*>(&e)) {
        fmt::print(stderr, "error: out of memory in the {} step\n", step.empty() ? "workflow" : step);
        return 1;
    }
    fmt::print(stderr, "error: {}\n", e.what());
    return 1;
}

}  // namespace lolpop
