#pragma once
// The roles a registry may mention: the tags of lolpop::role, which generated headers name.
#include <lolpop/composition/role.hpp>

#include <array>
#include <string_view>

namespace lolpop::gen {

namespace r = lolpop::role;

inline constexpr std::array<std::string_view, 19> component_role_names = {
    r::data_connector::name,  r::data_transformer::name,  r::feature_transformer::name, r::data_splitter::name,
    r::model_trainer::name,   r::hyperparameter_tuner::name, r::metadata_tracker::name, r::metrics_tracker::name,
    r::resource_version_control::name, r::model_repository::name, r::model_deployer::name, r::data_profiler::name,
    r::data_checker::name,    r::model_checker::name,     r::model_explainer::name,     r::model_bias_checker::name,
    r::model_visualizer::name, r::logger::name,           r::notifier::name};

// The role a list of components may fill, fused into one lolpop::feature_chain.
inline constexpr std::string_view chain_role = r::feature_transformer::name;
inline constexpr std::string_view chain_type = "lolpop::feature_chain";
inline constexpr std::string_view chain_header = "lolpop/components/feature_transformer/feature_chain.hpp";

inline constexpr std::array<std::string_view, 4> pipeline_role_names = {r::process::name, r::train::name, r::deploy::name,
                                                                        r::predict::name};

}  // namespace lolpop::gen
