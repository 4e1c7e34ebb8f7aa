#include <lolpop/components/model_trainer/xgboost_model.hpp>

#include "detail/xgboost_api.hpp"

#include <utility>

namespace lolpop {

xgboost_model::xgboost_model(void* booster, std::string booster_type, problem_type problem,
                             std::vector<xgboost_feature> features, column class_values, std::string target_name,
                             column_type target_type, int best_iteration, int boosted_rounds)
    : booster_(booster),
      booster_type_(std::move(booster_type)),
      problem_(problem),
      features_(std::move(features)),
      class_values_(std::move(class_values)),
      target_name_(std::move(target_name)),
      target_type_(target_type),
      best_iteration_(best_iteration),
      boosted_rounds_(boosted_rounds) {
    for (std::size_t k = 0; k < class_values_.size(); ++k) classes_.push_back(class_values_.to_string(k));
}

xgboost_model::~xgboost_model() {
    // Freeing a valid handle cannot fail, and a destructor has no one to report to.
    if (booster_ != nullptr) detail::xgboost().XGBoosterFree(booster_);
}

xgboost_model::xgboost_model(xgboost_model&& other) noexcept
    : booster_(std::exchange(other.booster_, nullptr)),
      booster_type_(std::move(other.booster_type_)),
      problem_(other.problem_),
      features_(std::move(other.features_)),
      class_values_(std::move(other.class_values_)),
      classes_(std::move(other.classes_)),
      target_name_(std::move(other.target_name_)),
      target_type_(other.target_type_),
      best_iteration_(other.best_iteration_),
      boosted_rounds_(other.boosted_rounds_) {}

xgboost_model& xgboost_model::operator=(xgboost_model&& other) noexcept {
    if (this != &other) {
        if (booster_ != nullptr) detail::xgboost().XGBoosterFree(booster_);
        booster_ = std::exchange(other.booster_, nullptr);
        booster_type_ = std::move(other.booster_type_);
        problem_ = other.problem_;
        features_ = std::move(other.features_);
        class_values_ = std::move(other.class_values_);
        classes_ = std::move(other.classes_);
        target_name_ = std::move(other.target_name_);
        target_type_ = other.target_type_;
        best_iteration_ = other.best_iteration_;
        boosted_rounds_ = other.boosted_rounds_;
    }
    return *this;
}

}  // namespace lolpop
