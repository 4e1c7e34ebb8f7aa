#pragma once
// lolpop::model_visualizer — draws a model's evaluation as image files.
//
// Requirements
//   t.generate_viz(const evaluation&, const std::string& directory) -> std::vector<std::string>
//       the paths of the files written
// Optional
//   t.plot_feature_importance(const std::vector<feature_importance>&, const std::string& directory)
//       -> std::string   the path of the file written; the train pipeline calls it with the
//                        model explainer's importances, when there are any:
//                        lolpop::importance_plotting_visualizer
// Semantics
//   The visualizer writes only into `directory`; its file names depend on the evaluation's part
//   and the plot, not on the run, so a later run replaces the images of an earlier one.
// Models
//   svg_model_visualizer (importance plotting), null_model_visualizer (writes nothing).
// Example
//   given: lolpop::null_model_visualizer& visualizer, const lolpop::evaluation& test
//   std::vector<std::string> files = visualizer.generate_viz(test, "reports");
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/resources.hpp>

#include <string>
#include <vector>

namespace lolpop {

template <class T>
concept generates_viz = requires(T& t, const evaluation& e, const std::string& dir) {
    { t.generate_viz(e, dir) } -> std::same_as<std::vector<std::string>>;
};

template <class T>
concept model_visualizer = component<T> && generates_viz<T>;

// Optional: also draws the model explainer's feature importances.
template <class T>
concept importance_plotting_visualizer = model_visualizer<T> &&
    requires(T& t, const std::vector<feature_importance>& importances, const std::string& dir) {
        { t.plot_feature_importance(importances, dir) } -> std::same_as<std::string>;
    };

}  // namespace lolpop
