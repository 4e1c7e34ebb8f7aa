#pragma once
// The deploy step's decision taken one at a time: a deployer that serializes deployments
// (lolpop::serializes_deployments) is locked while the step checks that the deployment the train
// step compared with is still the current one and deploys; otherwise two runs that each compared
// with the same deployment (or with none) could each deploy.
#include <lolpop/concepts/model_deployer.hpp>
#include <lolpop/core/resources.hpp>
#include <lolpop/pipelines/detail/champion_rows.hpp>

#include <optional>
#include <string>

namespace lolpop::detail {

// The deployer's lock for the model, or nothing for a deployer that does not serialize.
template <class Deployer>
auto lock_decision(Deployer& deployer, const std::string& model_name) {
    if constexpr (serializes_deployments<Deployer>)
        return std::optional(deployer.lock_deployments(model_name));
    else
        return std::optional<int>();
}

// Why `version` must not be deployed now: the current deployment is no longer the one its verdict
// was against. Nothing when it still is, or when the version does not say (it was trained without
// a comparison, or before the train step recorded it).
template <class Tracker, class Deployer>
std::optional<std::string> deployment_changed(Tracker& metadata, Deployer& deployer, const model_version& version) {
    const auto compared_to = metadata.get_tag(version.id, std::string(compared_to_tag));
    if (!compared_to) return std::nullopt;
    const auto current = deployer.current_deployment(version.model_name);
    const std::string now = current ? current->model_version_id : std::string(no_deployment);
    // Deploying the version that is deployed already changes no decision.
    if (now == *compared_to || now == version.id) return std::nullopt;
    return "the deployed model changed since version " + std::to_string(version.version) + " (" + version.id +
           ") was trained (then " + *compared_to + ", now " + now + "); train again to compare";
}

}  // namespace lolpop::detail
