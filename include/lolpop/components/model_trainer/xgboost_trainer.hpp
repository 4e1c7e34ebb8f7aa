#pragma once
// lolpop::xgboost_trainer — gradient-boosted trees (or linear models) through XGBoost's C API.
//
// Features: numeric and integer columns as their values, categorical columns as the index of
// their label in the training column's categories; missing values stay missing (XGBoost learns
// where they go). Classes are the sorted distinct training labels. The settings are XGBoost's
// booster parameters with XGBoost's defaults; a setting left at its default is not passed on.
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/dense_matrix.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/split.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace lolpop {

class xgboost_trainer {
public:
    struct config {
        int num_boost_round = 100;
        // Stop when the last evaluation metric on split.valid has not improved for this many
        // rounds, and predict with the best round. 0, or an empty validation part, trains every
        // round.
        int early_stopping_rounds = 0;
        std::string booster = "gbtree";
        double eta = 0.3;
        double gamma = 0;
        int max_depth = 6;
        double min_child_weight = 1;
        double max_delta_step = 0;
        double subsample = 1;
        double colsample_bytree = 1;
        double colsample_bylevel = 1;
        double colsample_bynode = 1;
        double reg_lambda = 1;
        double reg_alpha = 0;
        std::string tree_method = "auto";
        int max_bin = 256;
        std::string grow_policy = "depthwise";
        int max_leaves = 0;
        double scale_pos_weight = 1;
        // "" picks binary:logistic, multi:softprob or reg:squarederror from the problem.
        // Classification needs one of the first two, which give class probabilities.
        std::string objective = "";
        // "" keeps the objective's default metric. Several are separated by commas; early
        // stopping watches the last one.
        std::string eval_metric = "";
        std::uint64_t seed = 0;
        int nthread = 0;  // 0 = all cores
        // Any other XGBoost parameter, passed verbatim (e.g. { rate_drop = "0.1" } for dart).
        std::map<std::string, std::string> extra_params = {};
    };

    using model_type = xgboost_model;
    static constexpr std::string_view name = "xgboost_trainer";

    xgboost_trainer(const config& settings, context& ctx);

    const config& settings() const noexcept { return config_; }

    // Throws lolpop::error for a missing target value, fewer than two classes (or more than two
    // for a binary problem), a categorical regression target, an objective that does not fit the
    // problem, or a parameter XGBoost rejects.
    xgboost_model fit(const data_split& split, problem_type problem) const;
    // The same from features already laid out as XGBoost reads them (a feature_chain's
    // transform_dense): X's columns become the model's features, a column with categories a
    // categorical one. valid_X, with valid_X.columns() == X.columns(), is watched for early stopping.
    xgboost_model fit(const dense_matrix& X, const column& y, problem_type problem) const;
    xgboost_model fit(const dense_matrix& X, const column& y, const dense_matrix& valid_X, const column& valid_y,
                      problem_type problem) const;
    // Class labels typed like the training target, or values for regression; named after the
    // target. X must hold every training feature by name.
    column predict(const xgboost_model& model, const frame& X) const;
    // Binary models give two columns, 1 - p and p.
    class_probabilities predict_proba(const xgboost_model& model, const frame& X) const;
    // The same from a dense matrix, which XGBoost reads in place (no copy): its columns must be the
    // model's features in order, by name, with the model's categories for categorical ones.
    column predict(const xgboost_model& model, const dense_matrix& X) const;
    class_probabilities predict_proba(const xgboost_model& model, const dense_matrix& X) const;
    // predict and, for classifiers, predict_proba from one prediction.
    predictions predict_all(const xgboost_model& model, const frame& X) const;
    predictions predict_all(const xgboost_model& model, const dense_matrix& X) const;
    // The settings that refit `chosen` on all data (retrain_all): without a validation part to stop
    // on, the rounds early stopping chose for it.
    static config refit_config(config settings, const xgboost_model& chosen);
    // A self-contained byte string: a header with the metadata, then the booster as UBJSON.
    std::string save_model(const xgboost_model& model) const;
    // Throws lolpop::error "not a lolpop xgboost model" for anything save_model did not write.
    xgboost_model load_model(std::string_view bytes) const;

private:
    config config_;
    context* context_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::xgboost_trainer::config, num_boost_round, early_stopping_rounds, booster, eta, gamma,
                        max_depth, min_child_weight, max_delta_step, subsample, colsample_bytree, colsample_bylevel,
                        colsample_bynode, reg_lambda, reg_alpha, tree_method, max_bin, grow_policy, max_leaves,
                        scale_pos_weight, objective, eval_metric, seed, nthread, extra_params);

static_assert(lolpop::model_trainer<lolpop::xgboost_trainer>);
