#include <lolpop/components/model_checker/baseline_model_checker.hpp>

#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>
#include <lolpop/analysis/metrics.hpp>

#include <fmt/format.h>
#include <range/v3/algorithm/find.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

namespace {

constexpr std::string_view where_metrics = "baseline_model_checker.metrics";

struct baseline {
    column y_pred{"", column_type::numeric};
    class_probabilities proba;
    std::string description;
};

baseline classification_baseline(const column& train_y, const evaluation& e) {
    const std::vector<std::string>& classes = e.proba.classes;
    if (classes.empty()) throw error("the evaluation has no class probabilities", "baseline_model_checker");
    std::vector<double> counts(classes.size(), 0);
    double total = 0;
    for (const std::size_t i : views::present_rows(train_y)) {
        const auto known = ranges::find(classes, train_y.to_string(i));
        if (known == classes.end()) continue;
        counts[static_cast<std::size_t>(known - classes.begin())] += 1;
        total += 1;
    }
    if (total == 0)
        throw error("the training part has no label among the model's classes", "baseline_model_checker");
    std::size_t majority = 0;
    for (std::size_t k = 1; k < classes.size(); ++k)
        if (counts[k] > counts[majority]) majority = k;

    baseline b;
    const std::size_t rows = e.y_true.size();
    b.y_pred = column::categorical(e.y_true.name(), std::vector<std::optional<std::string>>(rows, classes[majority]));
    b.proba.classes = classes;
    b.proba.values.reserve(rows * classes.size());
    for (std::size_t i = 0; i < rows; ++i)
        for (double c : counts) b.proba.values.push_back(c / total);
    b.description = fmt::format("always '{}', training class frequencies as probabilities", classes[majority]);
    return b;
}

baseline regression_baseline(const column& train_y, const evaluation& e) {
    if (train_y.type() == column_type::categorical)
        throw error("a regression target must be numeric, not categorical", "baseline_model_checker");
    double sum = 0;
    std::size_t n = 0;
    for (const std::size_t i : views::present_rows(train_y)) {
        sum += train_y.as_double(i);
        ++n;
    }
    if (n == 0) throw error("the training part has no target values", "baseline_model_checker");
    const double mean = sum / static_cast<double>(n);
    baseline b;
    b.y_pred = column::numeric(e.y_true.name(), std::vector<double>(e.y_true.size(), mean));
    b.description = fmt::format("always the training mean {:.6g}", mean);
    return b;
}

std::vector<std::string> default_metrics(problem_type problem) {
    if (problem == problem_type::regression) return {"rmse", "mae", "r2"};
    if (problem == problem_type::binary) return {"accuracy", "roc_auc", "pr_auc", "log_loss"};
    return {"accuracy", "roc_auc", "log_loss"};
}

}  // namespace

baseline_model_checker::baseline_model_checker(const config& cfg, context&) : config_(cfg) {
    for (const std::string& m : cfg.metrics) {
        try {
            (void)find_metric(m);
        } catch (const error& e) {
            throw error(e.what_happened(), std::string(where_metrics));
        }
    }
    if (!std::isfinite(cfg.warn_margin) || !std::isfinite(cfg.error_margin))
        throw error("warn_margin and error_margin must be finite numbers", "baseline_model_checker.warn_margin");
    if (cfg.error_margin > cfg.warn_margin)
        throw error(fmt::format("error_margin {} is above warn_margin {}: every warning would already be an error",
                                cfg.error_margin, cfg.warn_margin),
                    "baseline_model_checker.error_margin");
}

report baseline_model_checker::check_model(const data_split& split, const evaluation& e) const {
    const baseline b = e.problem == problem_type::regression ? regression_baseline(split.train.y, e)
                                                             : classification_baseline(split.train.y, e);
    const metric_values scores = evaluate(e.problem, e.y_true, b.y_pred, b.proba);

    report r{"baseline model check", {}};
    for (const std::string& name : config_.metrics.empty() ? default_metrics(e.problem) : config_.metrics) {
        const metric_info& metric = find_metric(name);
        const auto model = e.metrics.find(name);
        if (model == e.metrics.end() || !scores.contains(name))
            throw error(fmt::format("metric '{}' is not computed for {} problems", name, to_string(e.problem)),
                        std::string(where_metrics));
        const double ours = model->second, theirs = scores.at(name);
        const std::string scored = fmt::format("model {:.6g}, baseline {:.6g} ({})", ours, theirs, b.description);
        if (std::isnan(ours) || std::isnan(theirs)) {
            r.findings.push_back({check_status::warn, name, scored + ": undefined on this test part, not compared"});
            continue;
        }
        const double improvement = metric.direction == metric_direction::higher_is_better ? ours - theirs : theirs - ours;
        const std::string by = improvement > 0    ? fmt::format("better by {:.6g}", improvement)
                               : improvement == 0 ? std::string("no better")
                                                  : fmt::format("worse by {:.6g}", -improvement);
        if (improvement < config_.error_margin)
            r.findings.push_back({check_status::error, name,
                                  fmt::format("{}: {}, short of error_margin {}", scored, by, config_.error_margin)});
        else if (improvement < config_.warn_margin)
            r.findings.push_back({check_status::warn, name,
                                  fmt::format("{}: {}, short of warn_margin {}", scored, by, config_.warn_margin)});
        else
            r.findings.push_back({check_status::ok, name, fmt::format("{}: {}", scored, by)});
    }
    return r;
}

}  // namespace lolpop
