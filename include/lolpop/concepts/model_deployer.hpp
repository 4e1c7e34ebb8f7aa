#pragma once
// lolpop::model_deployer — publishes an approved model version where predict finds it.
//
// Requirements
//   t.deploy_model(const promotion&, const model_version&, std::string_view model_bytes) -> deployment
//   t.current_deployment(model_name) -> std::optional<deployment>
//   t.load_deployed(const deployment&) -> std::string        the model's bytes
// Semantics
//   Deploying an unapproved promotion is a lolpop::error. Switching the current deployment is
//   atomic: a concurrent predict sees the old or the new model, never a mix.
// Optional capability (serializes_deployments): deploy decisions that concurrent runs take one at
// a time:
//   t.lock_deployments(model_name) -> a guard; while it lives, no other guard for that model (in
//     any process on the store) exists. The deploy step holds it while it re-reads the current
//     deployment, checks that it is still the one the train step compared with (tag compared_to),
//     and deploys; without it, two runs that each saw no deployment would each deploy. Locking
//     creates no file, so a deploy step that decides not to deploy leaves the store as it was.
// Models
//   local_model_deployer (serializes deployments too).
// Guide
//   docs/write_your_own/model_deployer.md
// Example
//   given: lolpop::local_model_deployer& deployer, const lolpop::promotion& approved, const lolpop::model_version& v, const std::string& bytes
//   lolpop::deployment d = deployer.deploy_model(approved, v, bytes);
//   std::string served = deployer.load_deployed(d);
#include <lolpop/concepts/component.hpp>
#include <lolpop/core/resources.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace lolpop {

template <class T>
concept deploys_models = requires(T& t, const promotion& p, const model_version& mv, std::string_view bytes) {
    { t.deploy_model(p, mv, bytes) } -> std::same_as<deployment>;
};

template <class T>
concept serves_deployments = requires(T& t, const std::string& name, const deployment& d) {
    { t.current_deployment(name) } -> std::same_as<std::optional<deployment>>;
    { t.load_deployed(d) } -> std::same_as<std::string>;
};

template <class T>
concept model_deployer = component<T> && deploys_models<T> && serves_deployments<T>;

template <class T>
concept serializes_deployments = requires(T& t, const std::string& name) {
    { t.lock_deployments(name) } -> std::move_constructible;
};

}  // namespace lolpop
