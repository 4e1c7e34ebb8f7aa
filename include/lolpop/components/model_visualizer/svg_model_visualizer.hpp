#pragma once
// svg_model_visualizer — draws a model's evaluation as standalone SVG files, written without a
// plotting library:
//   binary and multiclass: <part>_roc_curve.svg, <part>_precision_recall_curve.svg (the positive
//     class of a binary problem is proba.classes[1]; a multiclass problem gets one curve per
//     class, one-vs-rest) and <part>_confusion_matrix.svg;
//   regression: <part>_residuals.svg and <part>_predicted_vs_actual.svg;
//   and, given a model explainer's importances, feature_importance.svg.
// <part> is the evaluation's part ("test"); without one the files are plain roc_curve.svg, ...
// Each file is written atomically. A curve needs both outcomes among the true labels, so a class
// that is always or never the truth gets no curve (logged as a warning); when no class has one,
// that plot is left out.
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/concepts/model_visualizer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/evaluation.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class svg_model_visualizer {
public:
    struct config {
        int width = 640;   // pixels of every plot
        int height = 480;
        int max_points = 2000;  // scatter plots draw at most this many rows, evenly spread
    };
    static constexpr std::string_view name = "svg_model_visualizer";

    // Throws lolpop::error naming the setting unless width is in [320, 4000], height in
    // [240, 4000] and max_points at least 1.
    svg_model_visualizer(const config& cfg, context& ctx);

    // Writes the plots for `e` into `directory` (created when missing) and returns their paths.
    // Rows whose truth or prediction is missing are left out. Throws lolpop::error when the
    // columns' lengths differ, when a classification has no class probabilities (or a binary one
    // not exactly two classes), when a regression column is categorical, when the part cannot be
    // a file name, or when a file cannot be written.
    std::vector<std::string> generate_viz(const evaluation& e, const std::string& directory) const;

    // Writes <directory>/feature_importance.svg (write_feature_importance_svg) and returns its path.
    std::string plot_feature_importance(const std::vector<feature_importance>& importances,
                                        const std::string& directory) const;

private:
    config config_;
    context& ctx_;
};

// A horizontal bar chart of the 25 largest importances, largest on top, written atomically to
// `path`. Throws lolpop::error naming `path` when `importances` is empty or an importance is not
// finite, and when the file cannot be written.
void write_feature_importance_svg(const std::vector<feature_importance>& importances, const std::string& path);

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::svg_model_visualizer::config, width, height, max_points);

static_assert(lolpop::model_visualizer<lolpop::svg_model_visualizer>);
