#pragma once
// xgboost_explainer — explains the models xgboost_trainer makes, with XGBoost's own measures.
//
// Feature importance: XGBoost's feature scores of the importance_type ("weight": the number of
// splits on a feature; "gain" / "cover": the average gain / coverage of those splits;
// "total_gain" / "total_cover": their sums) over the rounds the model predicts with. A linear
// booster defines only "weight", its coefficients, reported as the sum of their absolute values
// over the classes. Every training feature is listed, 0 when never used, most important first
// (ties in training order).
//
// Explanations: per row, the contribution of each feature to the model's raw margin (SHAP values,
// XGBoost's pred_contribs) and the constant "bias", one column per training feature in training
// order, then "bias"; a row's columns add up to its margin (the log-odds of the positive class
// for binary:logistic, the prediction for reg:squarederror). For a multiclass model they explain
// the margin of each row's predicted class.
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class xgboost_explainer {
public:
    struct config {
        std::string importance_type = "gain";
    };
    static constexpr std::string_view name = "xgboost_explainer";

    // Throws lolpop::error naming the setting for an importance type XGBoost does not know.
    xgboost_explainer(const config& cfg, context& ctx);

    // Throws lolpop::error for an importance type other than "weight" on a gblinear model.
    std::vector<feature_importance> get_feature_importance(const xgboost_trainer& trainer,
                                                           const xgboost_model& model) const;

    // Throws lolpop::error when X lacks a training feature or a training feature is named "bias".
    frame get_explanations(const xgboost_trainer& trainer, const xgboost_model& model, const frame& X) const;

private:
    config config_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::xgboost_explainer::config, importance_type);

static_assert(lolpop::model_explainer<lolpop::xgboost_explainer, lolpop::xgboost_trainer>);
