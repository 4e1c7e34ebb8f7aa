#pragma once
// A trained XGBoost booster with what it takes to predict from a frame: the features in training
// order with their types and category lists, the target's name, type and class labels. The
// booster stays behind an opaque handle so that code including this header never sees XGBoost's.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/problem.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lolpop {

// One training feature. A categorical feature reaches the booster as the index of its label in
// `categories` (the training column's list), so new data is mapped by label, not by its own codes.
struct xgboost_feature {
    std::string name;
    column_type type = column_type::numeric;
    std::vector<std::string> categories;  // categorical features only
};

class xgboost_model {
public:
    // Takes ownership of `booster` (an XGBoost BoosterHandle) of type `booster_type` ("gbtree",
    // "dart" or "gblinear"). `class_values` holds one row per class, in class order, typed like the
    // training target (empty for regression).
    xgboost_model(void* booster, std::string booster_type, problem_type problem, std::vector<xgboost_feature> features,
                  column class_values, std::string target_name, column_type target_type, int best_iteration,
                  int boosted_rounds);
    ~xgboost_model();
    xgboost_model(xgboost_model&& other) noexcept;
    xgboost_model& operator=(xgboost_model&& other) noexcept;
    xgboost_model(const xgboost_model&) = delete;
    xgboost_model& operator=(const xgboost_model&) = delete;

    // The XGBoost BoosterHandle, for code that calls XGBoost's C API itself.
    void* booster() const noexcept { return booster_; }
    const std::string& booster_type() const noexcept { return booster_type_; }
    problem_type problem() const noexcept { return problem_; }
    const std::vector<xgboost_feature>& features() const noexcept { return features_; }
    // The classes as text (column::to_string of the training labels), sorted: numerically for a
    // numeric or integer target, by text for a categorical one. Empty for regression.
    const std::vector<std::string>& classes() const noexcept { return classes_; }
    const column& class_values() const noexcept { return class_values_; }
    const std::string& target_name() const noexcept { return target_name_; }
    column_type target_type() const noexcept { return target_type_; }
    // The round (0-based) whose model predicts: the best one on the validation data when early
    // stopping was on, the last one otherwise (and always for gblinear, which cannot predict
    // from an earlier round).
    int best_iteration() const noexcept { return best_iteration_; }
    int boosted_rounds() const noexcept { return boosted_rounds_; }

private:
    void* booster_;
    std::string booster_type_;
    problem_type problem_;
    std::vector<xgboost_feature> features_;
    column class_values_;
    std::vector<std::string> classes_;
    std::string target_name_;
    column_type target_type_;
    int best_iteration_;
    int boosted_rounds_;
};

}  // namespace lolpop
