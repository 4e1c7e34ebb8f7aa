#include <lolpop/components/model_visualizer/svg_model_visualizer.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>

#include "detail/file_name_check.hpp"
#include "detail/svg_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>

namespace lolpop {

namespace {

using detail::legend_corner;
using detail::legend_entry;
using detail::point;
using detail::svg_document;
using detail::xy_plot;

constexpr std::string_view where = "svg_model_visualizer";
constexpr std::size_t max_bars = 25;
constexpr std::size_t max_label_chars = 40;
// Approximate advance of a 12 px sans-serif character, to make room for labels.
constexpr double char_width = 7;

std::string titled(std::string_view title, const std::string& part) {
    return part.empty() ? std::string(title) : fmt::format("{} ({})", title, part);
}

// A score as the legend shows it; an undefined one says so.
std::string score_text(double v) { return std::isnan(v) ? "undefined" : fmt::format("{:.3f}", v); }

// At most `limit` bytes of `label`, cut at a UTF-8 character boundary and marked with an ellipsis.
std::string shortened(const std::string& label, std::size_t limit = max_label_chars) {
    if (label.size() <= limit) return label;
    std::size_t cut = limit - 1;
    while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
    return label.substr(0, cut) + "\u2026";
}

// [lo, hi] widened by 5% on each side, or around a single value.
std::pair<double, double> padded(double lo, double hi) {
    if (!(hi > lo)) {
        const double half = std::max(std::fabs(lo), 1.0) / 2;
        return {lo - half, hi + half};
    }
    const double pad = (hi - lo) * 0.05;
    return {lo - pad, hi + pad};
}

// The rows of the evaluation with both a truth and a prediction.
std::vector<std::size_t> labeled_rows(const evaluation& e) {
    if (e.y_true.size() != e.y_pred.size())
        throw error(fmt::format("the {} part has {} true values but {} predictions", e.part, e.y_true.size(), e.y_pred.size()),
                    std::string(where));
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < e.y_true.size(); ++r)
        if (!e.y_true.is_missing(r) && !e.y_pred.is_missing(r)) rows.push_back(r);
    return rows;
}

// One class against the rest: whether each row's truth is that class, and its probability.
struct one_vs_rest {
    std::string label;
    std::vector<int> truth;
    std::vector<double> score;
    std::size_t positives = 0;
};

// Rows in decreasing score order; rows with equal scores form one step of a curve, as in
// scikit-learn's roc_curve and precision_recall_curve.
template <class OnStep>
void walk_thresholds(const one_vs_rest& c, OnStep on_step) {
    std::vector<std::size_t> order(c.score.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c.score[a] > c.score[b]; });
    std::size_t tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        (c.truth[order[i]] ? tp : fp) += 1;
        if (i + 1 == order.size() || c.score[order[i + 1]] != c.score[order[i]]) on_step(tp, fp);
    }
}

// From (0, 0) to (1, 1), one point per distinct score: the trapezoids under it add up to roc_auc.
std::vector<point> roc_points(const one_vs_rest& c) {
    const double p = static_cast<double>(c.positives);
    const double n = static_cast<double>(c.truth.size() - c.positives);
    std::vector<point> points{{0, 0}};
    walk_thresholds(c, [&](std::size_t tp, std::size_t fp) {
        points.push_back({static_cast<double>(fp) / n, static_cast<double>(tp) / p});
    });
    return points;
}

// (recall, precision) as steps: each threshold's precision holds from the previous recall to its
// own, so the area under the steps is the average precision (pr_auc).
std::vector<point> precision_recall_steps(const one_vs_rest& c) {
    const double p = static_cast<double>(c.positives);
    std::vector<point> points;
    double previous_recall = 0;
    walk_thresholds(c, [&](std::size_t tp, std::size_t fp) {
        const double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
        const double recall = static_cast<double>(tp) / p;
        points.push_back({previous_recall, precision});
        points.push_back({recall, precision});
        previous_recall = recall;
    });
    return points;
}

std::string write_plot(const std::filesystem::path& directory, const std::string& part, std::string_view file,
                       const svg_document& doc) {
    const std::filesystem::path path = directory / (part.empty() ? std::string(file) : part + "_" + std::string(file));
    write_file_atomically(path, doc.str());
    return path.string();
}

}  // namespace

svg_model_visualizer::svg_model_visualizer(const config& cfg, context& ctx) : config_(cfg), ctx_(ctx) {
    if (cfg.width < 320 || cfg.width > 4000)
        throw error("width must be between 320 and 4000 pixels, not " + std::to_string(cfg.width), "model_visualizer.width");
    if (cfg.height < 240 || cfg.height > 4000)
        throw error("height must be between 240 and 4000 pixels, not " + std::to_string(cfg.height), "model_visualizer.height");
    if (cfg.max_points < 1)
        throw error("max_points must be at least 1, not " + std::to_string(cfg.max_points), "model_visualizer.max_points");
}

namespace {

class classification_plots {
public:
    classification_plots(const evaluation& e, const svg_model_visualizer::config& cfg, const context& ctx)
        : e_(e), cfg_(cfg), ctx_(ctx), rows_(labeled_rows(e)) {
        const class_probabilities& proba = e.proba;
        if (proba.classes.empty())
            throw error("a " + std::string(to_string(e.problem)) + " evaluation needs class probabilities", std::string(where));
        if (e.problem == problem_type::binary && proba.classes.size() != 2)
            throw error(fmt::format("a binary evaluation needs probabilities of 2 classes, not {}", proba.classes.size()),
                        std::string(where));
        if (proba.values.size() != e.y_true.size() * proba.classes.size())
            throw error(fmt::format("the {} part has {} true values but {} class probabilities for {} classes", e.part,
                                    e.y_true.size(), proba.values.size(), proba.classes.size()),
                        std::string(where));
        for (std::size_t k = 0; k < proba.classes.size(); ++k) {
            if (e.problem == problem_type::binary && k == 0) continue;  // the positive class is classes[1]
            one_vs_rest c{proba.classes[k], {}, {}, 0};
            for (std::size_t r : rows_) {
                const double s = proba(r, k);
                if (!std::isfinite(s))
                    throw error(fmt::format("the probability of class '{}' in row {} is not a number", c.label, r + 1),
                                std::string(where));
                const bool is_class = e.y_true.to_string(r) == c.label;
                c.truth.push_back(is_class ? 1 : 0);
                c.score.push_back(s);
                c.positives += is_class ? 1 : 0;
            }
            if (c.positives == 0 || c.positives == c.truth.size())
                ctx_.log(log_level::warn, fmt::format("svg_model_visualizer: no curves for class '{}': the {} part has {}", c.label,
                                                      e.part, c.positives == 0 ? "no row of it" : "no row of another class"));
            else
                curves_.push_back(std::move(c));
        }
    }

    bool empty() const noexcept { return rows_.empty(); }
    bool has_curves() const noexcept { return !curves_.empty(); }

    svg_document roc() const {
        svg_document doc(cfg_.width, cfg_.height, titled("ROC curve", e_.part));
        xy_plot plot(doc, {"false positive rate", 0, 1}, {"true positive rate", 0, 1});
        const std::vector<point> diagonal{{0, 0}, {1, 1}};
        plot.curve(diagonal, "#999999", true, "reference");
        std::vector<legend_entry> legend;
        for (std::size_t k = 0; k < curves_.size(); ++k) {
            const one_vs_rest& c = curves_[k];
            const std::string color(detail::series_color(k));
            plot.curve(roc_points(c), color, false, "curve");
            legend.push_back({fmt::format("class {} (AUC {})", shortened(c.label), score_text(roc_auc(c.truth, c.score))), color});
        }
        legend.push_back({"chance", "#999999", true});
        plot.legend(legend, legend_corner::bottom_right);
        return doc;
    }

    svg_document precision_recall() const {
        svg_document doc(cfg_.width, cfg_.height, titled("Precision-recall curve", e_.part));
        xy_plot plot(doc, {"recall", 0, 1}, {"precision", 0, 1.05});
        std::vector<legend_entry> legend;
        for (std::size_t k = 0; k < curves_.size(); ++k) {
            const one_vs_rest& c = curves_[k];
            const std::string color(detail::series_color(k));
            plot.curve(precision_recall_steps(c), color, false, "curve");
            legend.push_back({fmt::format("class {} (AP {})", shortened(c.label), score_text(pr_auc(c.truth, c.score))), color});
        }
        if (e_.problem == problem_type::binary) {
            // A model that knows nothing has the positive share as its precision at every recall.
            const double share = static_cast<double>(curves_.front().positives) / static_cast<double>(rows_.size());
            const std::vector<point> baseline{{0, share}, {1, share}};
            plot.curve(baseline, "#999999", true, "reference");
            legend.push_back({fmt::format("positive share ({:.3f})", share), "#999999", true});
        }
        plot.legend(legend, legend_corner::bottom_left);
        return doc;
    }

    svg_document confusion_matrix() const {
        // The model's classes first, in their order, then any other label of the data.
        std::vector<std::string> labels = e_.proba.classes;
        std::set<std::string> extra;
        for (std::size_t r : rows_)
            for (const column* c : {&e_.y_true, &e_.y_pred})
                if (std::find(labels.begin(), labels.end(), c->to_string(r)) == labels.end()) extra.insert(c->to_string(r));
        labels.insert(labels.end(), extra.begin(), extra.end());
        std::map<std::string, std::size_t> index;
        for (std::size_t k = 0; k < labels.size(); ++k) index[labels[k]] = k;
        const std::size_t n = labels.size();
        std::vector<std::size_t> counts(n * n, 0), row_totals(n, 0);
        for (std::size_t r : rows_) {
            const std::size_t t = index.at(e_.y_true.to_string(r)), p = index.at(e_.y_pred.to_string(r));
            ++counts[t * n + p];
            ++row_totals[t];
        }

        svg_document doc(cfg_.width, cfg_.height, titled("Confusion matrix", e_.part));
        // Labels are cut to what the margins hold: a third of the width left of the matrix and,
        // when they run diagonally, a third of the height below it.
        const auto chars_in = [](double room, double per_char) { return static_cast<std::size_t>(std::max(4.0, room / per_char)); };
        const double width = cfg_.width, height = cfg_.height, top = 48, dn = static_cast<double>(n);
        std::vector<std::string> row_labels, column_labels;
        std::size_t row_chars = 0, column_chars = 0;
        for (const std::string& l : labels) {
            row_labels.push_back(shortened(l, chars_in(width / 3 - 40, char_width)));
            row_chars = std::max(row_chars, row_labels.back().size());
        }
        const double left = 40 + char_width * static_cast<double>(row_chars);
        const bool slanted = [&] {
            const double cell = std::min((width - left - 24) / dn, (height - top - 60) / dn);
            for (const std::string& l : labels)
                if (char_width * static_cast<double>(l.size()) > cell - 6) return true;
            return false;
        }();
        for (const std::string& l : labels) {
            // A label at 45 degrees takes about 5 pixels of height per character.
            column_labels.push_back(slanted ? shortened(l, chars_in(height / 3 - 60, 5)) : l);
            column_chars = std::max(column_chars, column_labels.back().size());
        }
        const double bottom = slanted ? 60 + 5 * static_cast<double>(column_chars) : 60;
        const double cell = std::min((width - left - 24) / dn, (height - top - bottom) / dn);
        const double x0 = left + (width - left - 24 - dn * cell) / 2;  // centred in the room left
        const double font = std::clamp(cell / 3.5, 8.0, 14.0);

        doc.open_group("class=\"cells\"");
        for (std::size_t t = 0; t < n; ++t)
            for (std::size_t p = 0; p < n; ++p) {
                const std::size_t count = counts[t * n + p];
                const double share = row_totals[t] ? static_cast<double>(count) / static_cast<double>(row_totals[t]) : 0;
                const auto channel = [&](int from, int to) { return static_cast<int>(std::lround(from + (to - from) * share)); };
                const double x = x0 + static_cast<double>(p) * cell, y = top + static_cast<double>(t) * cell;
                doc.rect(x, y, cell, cell,
                         fmt::format("fill=\"#{:02x}{:02x}{:02x}\" stroke=\"#ffffff\"", channel(247, 8), channel(251, 81),
                                     channel(255, 156)));
                doc.text(x + cell / 2, y + cell / 2 + font / 3, std::to_string(count),
                         fmt::format("text-anchor=\"middle\" font-size=\"{}\" fill=\"{}\"", detail::svg_number(font),
                                     share > 0.5 ? "#ffffff" : "#222222"));
            }
        doc.close_group();
        doc.open_group("class=\"tick-labels\" fill=\"#333333\"");
        for (std::size_t k = 0; k < n; ++k) {
            const double middle = top + (static_cast<double>(k) + 0.5) * cell;
            doc.text(x0 - 8, middle + 4, row_labels[k], "text-anchor=\"end\"");
            const double x = x0 + (static_cast<double>(k) + 0.5) * cell, y = top + dn * cell + 16;
            doc.text(x, y, column_labels[k],
                     slanted ? fmt::format("text-anchor=\"end\" transform=\"rotate(-45 {} {})\"", detail::svg_number(x),
                                           detail::svg_number(y))
                             : std::string("text-anchor=\"middle\""));
        }
        doc.close_group();
        doc.text(x0 + dn * cell / 2, height - 14, "predicted label", "class=\"axis-title\" text-anchor=\"middle\" font-size=\"13\"");
        const double y_mid = top + dn * cell / 2;
        const double title_x = x0 - 22 - char_width * static_cast<double>(row_chars);
        doc.text(title_x, y_mid, "true label",
                 fmt::format("class=\"axis-title\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 {} {})\"",
                             detail::svg_number(title_x), detail::svg_number(y_mid)));
        return doc;
    }

private:
    const evaluation& e_;
    const svg_model_visualizer::config& cfg_;
    const context& ctx_;
    std::vector<std::size_t> rows_;
    std::vector<one_vs_rest> curves_;
};

class regression_plots {
public:
    regression_plots(const evaluation& e, const svg_model_visualizer::config& cfg) : e_(e), cfg_(cfg) {
        for (const column* c : {&e.y_true, &e.y_pred})
            if (c->type() == column_type::categorical)
                throw error("regression values must be numbers, but column '" + c->name() + "' is categorical", std::string(where));
        for (std::size_t r : labeled_rows(e)) {
            const double actual = e.y_true.as_double(r), predicted = e.y_pred.as_double(r);
            if (std::isfinite(actual) && std::isfinite(predicted)) rows_.push_back({actual, predicted});
        }
        // Evenly spread rows keep the shape of a large part in a file a browser opens quickly.
        const std::size_t n = rows_.size(), limit = static_cast<std::size_t>(cfg.max_points);
        if (n > limit) {
            std::vector<point> kept;
            for (std::size_t i = 0; i < limit; ++i) kept.push_back(rows_[i * n / limit]);
            note_ = fmt::format("{} of {} rows", limit, n);
            rows_ = std::move(kept);
        }
    }

    bool empty() const noexcept { return rows_.empty(); }

    svg_document predicted_vs_actual() const {
        svg_document doc(cfg_.width, cfg_.height, titled("Predicted vs actual", part_and_note()));
        double lo = rows_.front().x, hi = lo;
        for (const point& p : rows_) lo = std::min({lo, p.x, p.y}), hi = std::max({hi, p.x, p.y});
        const auto [a, b] = padded(lo, hi);
        xy_plot plot(doc, {"actual " + e_.y_true.name(), a, b}, {"predicted", a, b});
        const std::vector<point> diagonal{{a, a}, {b, b}};
        plot.curve(diagonal, "#999999", true, "reference");
        plot.dots(rows_, detail::series_color(0));
        plot.legend({{"rows", std::string(detail::series_color(0)), false, true}, {"perfect prediction", "#999999", true}},
                    legend_corner::top_left);
        return doc;
    }

    svg_document residuals() const {
        svg_document doc(cfg_.width, cfg_.height, titled("Residuals", part_and_note()));
        std::vector<point> residual;
        double x_lo = rows_.front().y, x_hi = x_lo, largest = 0;
        for (const point& p : rows_) {
            residual.push_back({p.y, p.x - p.y});
            x_lo = std::min(x_lo, p.y), x_hi = std::max(x_hi, p.y);
            largest = std::max(largest, std::fabs(p.x - p.y));
        }
        const auto [a, b] = padded(x_lo, x_hi);
        const auto [c, d] = padded(-largest, largest);
        xy_plot plot(doc, {"predicted", a, b}, {"actual \u2212 predicted", c, d});
        const std::vector<point> zero{{a, 0}, {b, 0}};
        plot.curve(zero, "#999999", true, "reference");
        plot.dots(residual, detail::series_color(1));
        plot.legend({{"rows", std::string(detail::series_color(1)), false, true}, {"no error", "#999999", true}},
                    legend_corner::top_left);
        return doc;
    }

private:
    std::string part_and_note() const {
        return e_.part.empty() || note_.empty() ? e_.part + note_ : e_.part + ", " + note_;
    }

    const evaluation& e_;
    const svg_model_visualizer::config& cfg_;
    std::vector<point> rows_;  // (actual, predicted)
    std::string note_;         // says when rows were left out of the scatter plots
};

}  // namespace

std::vector<std::string> svg_model_visualizer::generate_viz(const evaluation& e, const std::string& directory) const {
    if (!e.part.empty()) detail::check_file_name(e.part, "evaluation part", where);
    const std::filesystem::path dir(directory);
    std::vector<std::string> files;
    const auto nothing_to_draw = [&] {
        ctx_.log(log_level::warn, "svg_model_visualizer: no plots: the " + e.part + " part has no row with a truth and a prediction");
    };
    if (e.problem == problem_type::regression) {
        const regression_plots plots(e, config_);
        if (plots.empty()) {
            nothing_to_draw();
            return files;
        }
        files.push_back(write_plot(dir, e.part, "residuals.svg", plots.residuals()));
        files.push_back(write_plot(dir, e.part, "predicted_vs_actual.svg", plots.predicted_vs_actual()));
        return files;
    }
    const classification_plots plots(e, config_, ctx_);
    if (plots.empty()) {
        nothing_to_draw();
        return files;
    }
    if (plots.has_curves()) {
        files.push_back(write_plot(dir, e.part, "roc_curve.svg", plots.roc()));
        files.push_back(write_plot(dir, e.part, "precision_recall_curve.svg", plots.precision_recall()));
    }
    files.push_back(write_plot(dir, e.part, "confusion_matrix.svg", plots.confusion_matrix()));
    return files;
}

std::string svg_model_visualizer::plot_feature_importance(const std::vector<feature_importance>& importances,
                                                          const std::string& directory) const {
    std::filesystem::create_directories(directory);
    const std::string path = (std::filesystem::path(directory) / "feature_importance.svg").string();
    write_feature_importance_svg(importances, path);
    return path;
}

void write_feature_importance_svg(const std::vector<feature_importance>& importances, const std::string& path) {
    if (importances.empty()) throw error("no feature importances to draw", path);
    for (const feature_importance& f : importances)
        if (!std::isfinite(f.importance)) throw error("the importance of feature '" + f.feature + "' is not a number", path);
    std::vector<feature_importance> bars = importances;
    std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.importance > b.importance; });
    if (bars.size() > max_bars) bars.resize(max_bars);

    double lo = 0, hi = 0;
    std::size_t longest = 0;
    for (const feature_importance& f : bars) {
        lo = std::min(lo, f.importance), hi = std::max(hi, f.importance);
        longest = std::max(longest, shortened(f.feature).size());
    }
    if (lo == hi) hi = 1;  // all zero: an axis still needs a length
    const int width = 640;
    const double bar_pitch = 24;
    const int height = static_cast<int>(104 + bar_pitch * static_cast<double>(bars.size()));
    const std::string title = importances.size() > bars.size()
                                  ? fmt::format("Feature importance (top {} of {})", bars.size(), importances.size())
                                  : std::string("Feature importance");
    svg_document doc(width, height, title);
    const double left = std::clamp(16 + char_width * static_cast<double>(longest), 80.0, width / 2.0);
    const double right = width - 64.0, top = 48, bottom = height - 56.0;
    const auto px = [&](double v) { return left + (v - lo) / (hi - lo) * (right - left); };

    const std::vector<double> ticks = detail::nice_ticks(lo, hi, 5);
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : hi - lo;
    doc.open_group("class=\"grid\" stroke=\"#e5e5e5\"");
    for (double t : ticks) doc.line(px(t), top, px(t), bottom, "");
    doc.close_group();
    doc.open_group("class=\"bars\" fill=\"" + std::string(detail::series_color(0)) + "\"");
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const double y = top + 4 + bar_pitch * static_cast<double>(k);
        const double x0 = px(std::min(0.0, bars[k].importance)), x1 = px(std::max(0.0, bars[k].importance));
        doc.rect(x0, y, std::max(x1 - x0, 0.5), bar_pitch - 8, "");
    }
    doc.close_group();
    doc.open_group("class=\"axes\" stroke=\"#333333\"");
    doc.line(left, bottom, right, bottom, "");
    doc.line(px(0), top, px(0), bottom, "");
    for (double t : ticks) doc.line(px(t), bottom, px(t), bottom + 5, "");
    doc.close_group();
    doc.open_group("class=\"tick-labels\" fill=\"#333333\"");
    for (double t : ticks) doc.text(px(t), bottom + 18, detail::tick_label(t, step), "text-anchor=\"middle\"");
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const double middle = top + 4 + bar_pitch * static_cast<double>(k) + (bar_pitch - 8) / 2 + 4;
        doc.text(left - 8, middle, shortened(bars[k].feature), "text-anchor=\"end\"");
        doc.text(px(std::max(0.0, bars[k].importance)) + 4, middle, fmt::format("{:.4g}", bars[k].importance),
                 "class=\"value\"");
    }
    doc.close_group();
    doc.text((left + right) / 2, height - 16.0, "importance", "class=\"axis-title\" text-anchor=\"middle\" font-size=\"13\"");
    write_file_atomically(path, doc.str());
}

}  // namespace lolpop
