#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>

#include <range/v3/range/conversion.hpp>
#include <range/v3/view/chunk.hpp>
#include <range/v3/view/drop.hpp>
#include <range/v3/view/enumerate.hpp>
#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/stride.hpp>
#include <range/v3/view/transform.hpp>
#include <range/v3/view/zip.hpp>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace lolpop {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

constexpr auto higher = metric_direction::higher_is_better;
constexpr auto lower = metric_direction::lower_is_better;

constexpr std::array<metric_info, 12> catalogue{{
    {"accuracy", higher, false, true, false},
    {"precision", higher, false, true, false},
    {"recall", higher, false, true, false},
    {"f1", higher, false, true, false},
    {"roc_auc", higher, true, true, false},
    {"pr_auc", higher, true, true, false, true},
    {"log_loss", lower, true, true, false},
    {"mse", lower, false, false, true},
    {"rmse", lower, false, false, true},
    {"mae", lower, false, false, true},
    {"mape", lower, false, false, true},
    {"r2", higher, false, false, true},
}};

void check_lengths(std::size_t a, std::size_t b, std::string_view metric) {
    if (a != b)
        throw error("y_true has " + std::to_string(a) + " values but the predictions have " + std::to_string(b),
                    std::string(metric));
}

double ratio(double num, double den) { return den == 0 ? 0.0 : num / den; }

// Column `c` of the row-major `values` with `k` columns.
auto column_of(std::span<const double> values, std::size_t k, std::size_t c) {
    return values | ranges::views::drop(c) | ranges::views::stride(static_cast<std::ptrdiff_t>(k));
}

// Whether each label is `positive`, as binary_auc takes them.
std::vector<char> is_class(std::span<const int> labels, int positive) {
    return labels | ranges::views::transform([positive](int t) -> char { return t == positive; }) |
           ranges::to<std::vector<char>>();
}

// Orders NaN before every number so that sorting scores is well defined whatever they hold.
bool score_less(double a, double b) { return (std::isnan(a) && !std::isnan(b)) || a < b; }
bool score_equal(double a, double b) { return !score_less(a, b) && !score_less(b, a); }

// The Mann-Whitney form of the ROC AUC: tied scores share their average rank, which is exactly
// the trapezoidal area scikit-learn integrates.
double binary_auc(std::span<const char> positive, std::span<const double> score) {
    const std::size_t n = score.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score_less(score[a], score[b]); });
    double rank_sum = 0, positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && score_equal(score[order[j]], score[order[i]])) ++j;
        const double average_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t r = i; r < j; ++r) {
            if (positive[order[r]]) {
                rank_sum += average_rank;
                positives += 1;
            }
        }
        i = j;
    }
    const double negatives = static_cast<double>(n) - positives;
    if (positives == 0 || negatives == 0) return nan;
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

struct class_counts {
    double tp = 0, fp = 0, fn = 0;
};

std::map<int, class_counts> per_class_counts(std::span<const int> y_true, std::span<const int> y_pred) {
    std::map<int, class_counts> counts;
    for (const auto [t, p] : ranges::views::zip(y_true, y_pred)) {
        if (t == p) {
            counts[t].tp += 1;
        } else {
            counts[p].fp += 1;
            counts[t].fn += 1;
        }
    }
    return counts;
}

template <class F>
double macro_average(std::span<const int> y_true, std::span<const int> y_pred, std::string_view metric, F per_class) {
    check_lengths(y_true.size(), y_pred.size(), metric);
    const auto counts = per_class_counts(y_true, y_pred);
    if (counts.empty()) return nan;
    double sum = 0;
    for (const auto& [label, c] : counts) sum += per_class(c);
    return sum / static_cast<double>(counts.size());
}

class_counts positive_counts(std::span<const int> y_true, std::span<const int> y_pred, std::string_view metric) {
    check_lengths(y_true.size(), y_pred.size(), metric);
    class_counts c;
    for (const auto [truth, predicted] : ranges::views::zip(y_true, y_pred)) {
        const bool t = truth == 1, p = predicted == 1;
        c.tp += t && p;
        c.fp += !t && p;
        c.fn += t && !p;
    }
    return c;
}

template <class F>
double mean_of(std::span<const double> y_true, std::span<const double> y_pred, std::string_view metric, F term) {
    check_lengths(y_true.size(), y_pred.size(), metric);
    if (y_true.empty()) return nan;
    double sum = 0;
    for (const auto [t, p] : ranges::views::zip(y_true, y_pred)) sum += term(t, p);
    return sum / static_cast<double>(y_true.size());
}

}  // namespace

std::span<const metric_info> metric_catalogue() { return catalogue; }

const metric_info& find_metric(std::string_view name) {
    for (const auto& m : catalogue)
        if (m.name == name) return m;
    const auto names = catalogue | ranges::views::transform(&metric_info::name) | ranges::to<std::vector>();
    throw error("unknown metric '" + std::string(name) + "'" + did_you_mean(name, names));
}

bool is_better(const metric_info& metric, double candidate, double incumbent) {
    if (std::isnan(candidate)) return false;
    if (std::isnan(incumbent)) return true;
    return metric.direction == metric_direction::higher_is_better ? candidate > incumbent : candidate < incumbent;
}

double accuracy(std::span<const int> y_true, std::span<const int> y_pred) {
    check_lengths(y_true.size(), y_pred.size(), "accuracy");
    if (y_true.empty()) return nan;
    double hits = 0;
    for (const auto [t, p] : ranges::views::zip(y_true, y_pred)) hits += t == p;
    return hits / static_cast<double>(y_true.size());
}

double precision(std::span<const int> y_true, std::span<const int> y_pred) {
    const auto c = positive_counts(y_true, y_pred, "precision");
    return ratio(c.tp, c.tp + c.fp);
}

double recall(std::span<const int> y_true, std::span<const int> y_pred) {
    const auto c = positive_counts(y_true, y_pred, "recall");
    return ratio(c.tp, c.tp + c.fn);
}

double f1(std::span<const int> y_true, std::span<const int> y_pred) {
    const auto c = positive_counts(y_true, y_pred, "f1");
    return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
}

double precision_macro(std::span<const int> y_true, std::span<const int> y_pred) {
    return macro_average(y_true, y_pred, "precision", [](const class_counts& c) { return ratio(c.tp, c.tp + c.fp); });
}

double recall_macro(std::span<const int> y_true, std::span<const int> y_pred) {
    return macro_average(y_true, y_pred, "recall", [](const class_counts& c) { return ratio(c.tp, c.tp + c.fn); });
}

double f1_macro(std::span<const int> y_true, std::span<const int> y_pred) {
    return macro_average(y_true, y_pred, "f1",
                         [](const class_counts& c) { return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn); });
}

double roc_auc(std::span<const int> y_true, std::span<const double> score) {
    check_lengths(y_true.size(), score.size(), "roc_auc");
    return binary_auc(is_class(y_true, 1), score);
}

double roc_auc_ovr_macro(std::span<const int> y_true, std::span<const double> probabilities, std::size_t k) {
    check_lengths(y_true.size() * k, probabilities.size(), "roc_auc");
    double sum = 0;
    std::size_t defined = 0;
    for (std::size_t c = 0; c < k; ++c) {
        const double auc = binary_auc(is_class(y_true, static_cast<int>(c)),
                                      column_of(probabilities, k, c) | ranges::to<std::vector>());
        if (std::isnan(auc)) continue;
        sum += auc;
        ++defined;
    }
    return defined == 0 ? nan : sum / static_cast<double>(defined);
}

double pr_auc(std::span<const int> y_true, std::span<const double> score) {
    check_lengths(y_true.size(), score.size(), "pr_auc");
    const std::size_t n = y_true.size();
    double positives = 0;
    for (int t : y_true) positives += t == 1;
    if (positives == 0) return nan;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score_less(score[b], score[a]); });
    // One step of the precision-recall curve per distinct score, from the highest threshold down.
    double tp = 0, fp = 0, previous_recall = 0, ap = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        for (; j < n && score_equal(score[order[j]], score[order[i]]); ++j) {
            if (y_true[order[j]] == 1)
                tp += 1;
            else
                fp += 1;
        }
        const double r = tp / positives;
        ap += (r - previous_recall) * (tp / (tp + fp));
        previous_recall = r;
        i = j;
    }
    return ap;
}

double log_loss(std::span<const int> y_true, std::span<const double> probabilities, std::size_t k) {
    check_lengths(y_true.size() * k, probabilities.size(), "log_loss");
    if (y_true.empty() || k == 0) return nan;
    auto clip = [](double p) { return std::clamp(p, DBL_EPSILON, 1 - DBL_EPSILON); };
    double sum = 0;
    for (const auto [t, row] : ranges::views::zip(y_true, probabilities | ranges::views::chunk(k))) {
        double row_sum = 0;
        for (double q : row) row_sum += clip(q);
        const bool known = t >= 0 && static_cast<std::size_t>(t) < k;
        const double p = known ? clip(row[t]) : DBL_EPSILON;
        sum -= std::log(p / row_sum);
    }
    return sum / static_cast<double>(y_true.size());
}

double mse(std::span<const double> y_true, std::span<const double> y_pred) {
    return mean_of(y_true, y_pred, "mse", [](double t, double p) { return (t - p) * (t - p); });
}

double rmse(std::span<const double> y_true, std::span<const double> y_pred) {
    check_lengths(y_true.size(), y_pred.size(), "rmse");
    return std::sqrt(mse(y_true, y_pred));
}

double mae(std::span<const double> y_true, std::span<const double> y_pred) {
    return mean_of(y_true, y_pred, "mae", [](double t, double p) { return std::abs(t - p); });
}

double mape(std::span<const double> y_true, std::span<const double> y_pred) {
    return mean_of(y_true, y_pred, "mape",
                   [](double t, double p) { return std::abs(t - p) / std::max(std::abs(t), DBL_EPSILON); });
}

double r2(std::span<const double> y_true, std::span<const double> y_pred) {
    check_lengths(y_true.size(), y_pred.size(), "r2");
    const std::size_t n = y_true.size();
    if (n < 2) return nan;
    const double mean = std::accumulate(y_true.begin(), y_true.end(), 0.0) / static_cast<double>(n);
    double ss_res = 0, ss_tot = 0;
    for (const auto [t, p] : ranges::views::zip(y_true, y_pred)) {
        ss_res += (t - p) * (t - p);
        ss_tot += (t - mean) * (t - mean);
    }
    if (ss_tot == 0) return ss_res == 0 ? 1.0 : 0.0;
    return 1 - ss_res / ss_tot;
}

metric_values evaluate(problem_type problem, const column& y_true, const column& y_pred,
                       const class_probabilities& proba) {
    const std::string where = "evaluating " + std::string(to_string(problem)) + " predictions of '" + y_true.name() + "'";
    if (y_true.size() != y_pred.size())
        throw error("y_true has " + std::to_string(y_true.size()) + " rows but y_pred has " +
                        std::to_string(y_pred.size()),
                    where);
    metric_values out;
    auto compared = ranges::views::iota(std::size_t{0}, y_true.size()) |
                    ranges::views::filter([&](std::size_t i) { return !y_true.is_missing(i) && !y_pred.is_missing(i); });

    if (problem == problem_type::regression) {
        if (y_true.type() == column_type::categorical || y_pred.type() == column_type::categorical)
            throw error("a regression target must be numeric, not categorical", where);
        std::vector<double> t, p;
        for (std::size_t i : compared) {
            t.push_back(y_true.as_double(i));
            p.push_back(y_pred.as_double(i));
        }
        out["mse"] = mse(t, p);
        out["rmse"] = rmse(t, p);
        out["mae"] = mae(t, p);
        out["mape"] = mape(t, p);
        out["r2"] = r2(t, p);
        return out;
    }

    const std::size_t k = proba.classes.size();
    if (k == 0) throw error("classification metrics need the model's class probabilities", where);
    if (problem == problem_type::binary && k != 2)
        throw error("a binary problem needs probabilities for 2 classes, got " + std::to_string(k), where);
    if (proba.values.size() != y_true.size() * k)
        throw error("y_true has " + std::to_string(y_true.size()) + " rows but the probabilities have " +
                        std::to_string(proba.values.size() / k),
                    where);

    // Labels the model never saw get indices past its classes: they still count as wrong
    // predictions and as negatives for every class.
    std::unordered_map<std::string, int> index;
    for (const auto [c, label] : ranges::views::enumerate(proba.classes)) index.emplace(label, static_cast<int>(c));
    auto index_of = [&](const std::string& label) {
        return index.emplace(label, static_cast<int>(index.size())).first->second;
    };
    std::vector<int> t, p;
    std::vector<double> probabilities;
    const auto rows = proba.values | ranges::views::chunk(k);
    for (std::size_t i : compared) {
        t.push_back(index_of(y_true.to_string(i)));
        p.push_back(index_of(y_pred.to_string(i)));
        const auto row = rows[static_cast<std::ptrdiff_t>(i)];
        probabilities.insert(probabilities.end(), row.begin(), row.end());
    }

    out["accuracy"] = accuracy(t, p);
    out["log_loss"] = log_loss(t, probabilities, k);
    if (problem == problem_type::binary) {
        const auto score = column_of(probabilities, 2, 1) | ranges::to<std::vector>();
        out["precision"] = precision(t, p);
        out["recall"] = recall(t, p);
        out["f1"] = f1(t, p);
        out["roc_auc"] = roc_auc(t, score);
        out["pr_auc"] = pr_auc(t, score);
    } else {
        out["precision"] = precision_macro(t, p);
        out["recall"] = recall_macro(t, p);
        out["f1"] = f1_macro(t, p);
        out["roc_auc"] = roc_auc_ovr_macro(t, probabilities, k);
    }
    return out;
}

std::string unknown_classes(const column& y_true, const std::vector<std::string>& classes) {
    std::unordered_set<std::string> seen(classes.begin(), classes.end());
    std::string out;
    for (std::size_t r = 0; r < y_true.size(); ++r) {
        if (y_true.is_missing(r)) continue;
        if (std::string label = y_true.to_string(r); seen.insert(label).second) out += (out.empty() ? "" : ", ") + label;
    }
    return out;
}

}  // namespace lolpop
