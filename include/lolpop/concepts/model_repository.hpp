#pragma once
// lolpop::model_repository — which model versions are registered, promoted and approved.
//
// Requirements
//   t.register_model(const model_version&)
//   t.promote_model(const model_version&) -> promotion
//   t.approve_model(const promotion&) -> promotion          approved = true
//   t.check_approval(const promotion&) -> bool
//   t.latest_promotion(model_name) -> std::optional<promotion>
// Semantics
//   Promoting a version that was never registered is a lolpop::error. State survives the process.
// Models
//   local_model_repository.
// Example
//   given: lolpop::local_model_repository& repository, const lolpop::model_version& v
//   repository.register_model(v);
//   lolpop::promotion p = repository.approve_model(repository.promote_model(v));
//   bool approved = repository.check_approval(p);
//   (void)approved;
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/resources.hpp>

#include <optional>
#include <string>

namespace lolpop {

template <class T>
concept registers_models = requires(T& t, const model_version& mv) {
    t.register_model(mv);
    { t.promote_model(mv) } -> std::same_as<promotion>;
};

template <class T>
concept approves_models = requires(T& t, const promotion& p, const std::string& name) {
    { t.approve_model(p) } -> std::same_as<promotion>;
    { t.check_approval(p) } -> std::same_as<bool>;
    { t.latest_promotion(name) } -> std::same_as<std::optional<promotion>>;
};

template <class T>
concept model_repository = component<T> && registers_models<T> && approves_models<T>;

}  // namespace lolpop
