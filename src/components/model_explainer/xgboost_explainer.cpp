#include <lolpop/components/model_explainer/xgboost_explainer.hpp>

#include "detail/xgboost_c_api.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>
#include <utility>

namespace lolpop {

namespace {

constexpr std::array<std::string_view, 5> importance_types = {"weight", "gain", "cover", "total_gain", "total_cover"};

// A booster cut to the rounds a model predicts with, freed on scope exit; the model's own booster
// when it predicts with every round.
class predicting_rounds {
public:
    predicting_rounds(const xgboost_model& model, std::string_view where) : handle_(model.booster()) {
        if (const int end = detail::prediction_end(model); end != 0) {
            detail::check(detail::xgboost().XGBoosterSlice(model.booster(), 0, end, 1, &handle_), where);
            owned_ = true;
        }
    }
    ~predicting_rounds() {
        if (owned_) detail::xgboost().XGBoosterFree(handle_);
    }
    predicting_rounds(const predicting_rounds&) = delete;
    predicting_rounds& operator=(const predicting_rounds&) = delete;
    BoosterHandle get() const noexcept { return handle_; }

private:
    BoosterHandle handle_;
    bool owned_ = false;
};

}  // namespace

xgboost_explainer::xgboost_explainer(const config& cfg, context&) : config_(cfg) {
    if (std::find(importance_types.begin(), importance_types.end(), cfg.importance_type) == importance_types.end())
        throw error(fmt::format("unknown importance type '{}'{}; one of {}", cfg.importance_type,
                                did_you_mean(cfg.importance_type, importance_types), fmt::join(importance_types, ", ")),
                    "xgboost_explainer.importance_type");
}

std::vector<feature_importance> xgboost_explainer::get_feature_importance(const xgboost_trainer&,
                                                                         const xgboost_model& model) const {
    const std::string where = "xgboost_explainer.get_feature_importance";
    const auto& features = model.features();
    if (model.booster_type() == "gblinear" && config_.importance_type != "weight")
        throw error(fmt::format("importance type '{}' is not defined for a gblinear model; 'weight' (its "
                                "coefficients) is",
                                config_.importance_type),
                    "xgboost_explainer.importance_type");

    // Index names rather than the features' own, which would need JSON escaping and could be
    // anything; the scores come back keyed by these.
    std::vector<std::string> names;
    for (std::size_t j = 0; j < features.size(); ++j) names.push_back(fmt::format("\"f{}\"", j));
    const std::string request = fmt::format(R"({{"importance_type": "{}", "feature_names": [{}]}})",
                                            config_.importance_type, fmt::join(names, ", "));
    const predicting_rounds booster(model, where);
    bst_ulong n_features = 0, dims = 0;
    const char** scored_names = nullptr;
    const bst_ulong* shape = nullptr;
    const float* scores = nullptr;
    detail::check(detail::xgboost().XGBoosterFeatureScore(booster.get(), request.c_str(), &n_features, &scored_names,
                                                          &dims, &shape, &scores),
                  where);
    std::size_t n_scores = 1;
    for (bst_ulong d = 0; d < dims; ++d) n_scores *= shape[d];
    // Trees give one score per used feature; a linear model one per feature and class.
    const std::size_t per_feature = n_features == 0 ? 0 : n_scores / n_features;

    std::vector<double> importance(features.size(), 0.0);
    for (bst_ulong i = 0; i < n_features; ++i) {
        const std::string_view scored = scored_names[i];
        std::size_t j = features.size();
        if (scored.starts_with('f')) j = std::stoul(std::string(scored.substr(1)));
        if (j >= features.size())
            throw error(fmt::format("XGBoost scored an unknown feature '{}'", scored), where);
        for (std::size_t k = 0; k < per_feature; ++k) importance[j] += std::abs(scores[i * per_feature + k]);
    }

    std::vector<std::size_t> order(features.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return importance[a] > importance[b]; });
    std::vector<feature_importance> out;
    for (std::size_t j : order) out.push_back({features[j].name, importance[j]});
    return out;
}

frame xgboost_explainer::get_explanations(const xgboost_trainer&, const xgboost_model& model, const frame& X) const {
    const std::string where = "xgboost_explainer.get_explanations";
    const auto& features = model.features();
    for (const auto& f : features)
        if (f.name == "bias")
            throw error("a training feature is named 'bias', the name of the constant contribution's column", where);
    const std::size_t rows = X.rows(), cols = features.size();
    const auto values = detail::dense_features(features, X, where);

    std::vector<std::vector<double>> contributions(cols + 1, std::vector<double>(rows));
    if (rows > 0) {
        detail::dmatrix data(values.get(), rows, cols, where);
        const std::string request = fmt::format(
            R"({{"type": 2, "training": false, "iteration_begin": 0, "iteration_end": {}, "strict_shape": true}})",
            detail::prediction_end(model));
        const bst_ulong* shape = nullptr;
        bst_ulong dims = 0;
        const float* result = nullptr;
        detail::check(detail::xgboost().XGBoosterPredictFromDMatrix(model.booster(), data.get(), request.c_str(), &shape,
                                                                    &dims, &result),
                      where);
        // (rows, groups, features + 1): groups is the number of classes of a multiclass model, else 1.
        if (dims != 3 || shape[0] != rows || shape[2] != cols + 1)
            throw error(fmt::format("XGBoost returned contributions of an unexpected shape for {} rows of {} features",
                                    rows, cols),
                        where);
        const std::size_t groups = shape[1], width = cols + 1;
        for (std::size_t i = 0; i < rows; ++i) {
            // The predicted class is the one with the largest margin, and a margin is the sum of its row.
            std::size_t chosen = 0;
            double best = 0;
            for (std::size_t g = 0; g < groups; ++g) {
                const float* row = result + (i * groups + g) * width;
                const double margin = std::accumulate(row, row + width, 0.0);
                if (g == 0 || margin > best) {
                    best = margin;
                    chosen = g;
                }
            }
            const float* row = result + (i * groups + chosen) * width;
            for (std::size_t j = 0; j < width; ++j) contributions[j][i] = row[j];
        }
    }

    std::vector<column> columns;
    for (std::size_t j = 0; j < cols; ++j) columns.push_back(column::numeric(features[j].name, std::move(contributions[j])));
    columns.push_back(column::numeric("bias", std::move(contributions[cols])));
    return frame(std::move(columns));
}

}  // namespace lolpop
