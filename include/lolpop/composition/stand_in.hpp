#pragma once
// lolpop::stand_in: what a composition point uses for a required role whose binding does not fit.
//
// Requirements
//   It models the concept of every required component role (data_connector, data_splitter,
//   model_trainer, metadata_tracker, resource_version_control, model_repository, model_deployer);
//   tests/composition/stand_in.cpp checks each.
// Semantics
//   A wrong binding is reported once, where it is written (lolpop::bind). The runner or pipeline
//   that holds it then composes this type in its place (an optional role's null component instead),
//   so that none of the code written for a type that fits is compiled with one that does not: the
//   binding's error is the only one. Only a program that failed to compile names it, so its
//   members are declared and never defined.
// Example
//   static_assert(lolpop::model_trainer<lolpop::stand_in>);
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/resources.hpp>
#include <lolpop/core/split.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

struct stand_in {
    struct config {};
    static constexpr std::string_view name = "stand_in";
    stand_in(const config&, context&);

    // data_connector
    frame get_data(const std::string& source);
    void save_data(const frame& data, const std::string& target);
    // data_splitter
    data_split split_data(const frame& data, const std::string& target);
    // model_trainer
    struct model_type {};
    model_type fit(const data_split& split, problem_type problem);
    column predict(const model_type& model, const frame& X);
    class_probabilities predict_proba(const model_type& model, const frame& X);
    std::string save_model(const model_type& model);
    model_type load_model(std::string_view bytes);
    // metadata_tracker
    run start_run(const std::string& type, const std::string& id, const std::string& note);
    void end_run(const run& r, run_status status);
    dataset_version create_dataset_version(const run& r, const std::string& a, const std::string& b, const std::string& c,
                                           std::size_t rows, std::size_t columns);
    std::optional<dataset_version> latest_dataset_version(const std::string& name);
    std::optional<dataset_version> get_dataset_version(const std::string& id);
    model_version create_model_version(const run& r, const model_version& mv);
    std::optional<model_version> latest_model_version(const std::string& name);
    std::optional<model_version> get_model_version(const std::string& id);
    std::vector<dataset_version> get_lineage(const model_version& mv);
    experiment create_experiment(const experiment& e);
    std::vector<experiment> get_experiments(const std::string& model_name);
    prediction_job create_prediction_job(const run& r, const prediction_job& job);
    void set_tag(const std::string& id, const std::string& key, const std::string& value);
    std::optional<std::string> get_tag(const std::string& id, const std::string& key);
    // resource_version_control (get_data as above)
    artifact version_data(const frame& data);
    artifact version_model(std::string_view bytes);
    std::string get_model(const std::string& hash);
    // model_repository
    void register_model(const model_version& mv);
    promotion promote_model(const model_version& mv);
    promotion approve_model(const promotion& p);
    bool check_approval(const promotion& p);
    std::optional<promotion> latest_promotion(const std::string& name);
    // model_deployer
    deployment deploy_model(const promotion& p, const model_version& mv, std::string_view bytes);
    std::optional<deployment> current_deployment(const std::string& name);
    std::string load_deployed(const deployment& d);
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::stand_in::config);
