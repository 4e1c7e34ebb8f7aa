#pragma once
// lolpop::tabular_runner — the end-to-end workflow on one table: process, train, deploy, predict.
// classification_runner, regression_runner and timeseries_runner are this template with their task.
//
// Global roles: metadata_tracker and resource_version_control (required), metrics_tracker,
// logger, notifier. Pipeline roles: process, train, deploy, predict (all required).
// Each step finds what earlier steps stored (the latest dataset version, model version and
// deployment), so an orchestrator can run every step as its own process.
#include <lolpop/concepts/logger.hpp>
#include <lolpop/core/outcome.hpp>
#include <lolpop/core/profile_info.hpp>
#include <lolpop/pipelines/offline_deploy.hpp>
#include <lolpop/pipelines/offline_predict.hpp>
#include <lolpop/pipelines/offline_process.hpp>
#include <lolpop/pipelines/offline_train.hpp>
#include <lolpop/pipelines/model_rows.hpp>
#include <lolpop/pipelines/services.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop {

struct tabular_runner_config {
    std::string train_data;                                 // the connector's source for process
    std::string predict_data;                               // the connector's source for predict ("" = train_data)
    std::string model_target;                               // the column to predict
    std::string model_index;                                // an id column kept out of the features ("" = none)
    std::string model_name = "model";
    std::string predictions_path = ".lolpop/predictions.csv";  // the predict connector's target
    std::string report_path = ".lolpop/report.html";           // the HTML run report every build-all writes
};

// The Task of tabular_runner<Task, ...> says what the workflow learns:
//   Task::name, Task::regression (a numeric target or classes), Task::default_metric;
//   Task::parts<Config, Binds...>: the runner's parts, generated from its registry entry
//     (runners/parts/<name>_parts.hpp), whose assertions name the runner;
//   typename Task::config: the runner's settings, tabular_runner_config or a struct extending it;
//   Task::rows(const config&): the rows hook the train and predict pipelines share
//     (lolpop::model_rows), built once with the runner; bad task settings throw lolpop::error there;
//   Task::required_columns(const config&): the (setting, column) pairs the process step requires.
// Classification and regression learn from the table as it is.
struct tabular_task {
    using config = tabular_runner_config;
    static same_rows rows(const config&) { return {}; }
    static std::vector<std::pair<std::string, std::string>> required_columns(const config& c) {
        return {{"model_target", c.model_target}, {"model_index", c.model_index}};
    }
};

template <class Task, class... Binds>
class tabular_runner {
public:
    static constexpr std::string_view name = Task::name;
    using config = typename Task::config;
    using rows_type = decltype(Task::rows(std::declval<const config&>()));
    using parts = typename Task::template parts<config, Binds...>;
    using settings = typename parts::settings;
    using metadata_tracker_type = typename parts::metadata_tracker_type;
    using metrics_tracker_type = typename parts::metrics_tracker_type;
    using logger_type = typename parts::logger_type;

    tabular_runner(const settings& s, const profile_info& profile)
        : config_(s.config),
          rows_(Task::rows(config_)),
          profile_(profile),
          ctx_(std::string(profile.name), std::string(profile.build_id)),
          parts_(wired(s), ctx_) {
        if (config_.model_target.empty()) throw error("model_target is not set", "config.model_target");
        if (config_.train_data.empty()) throw error("train_data is not set", "config.train_data");
        if (config_.report_path.empty()) throw error("report_path is not set", "config.report_path");
    }
    // Components hold a reference to the context, which holds callbacks into this object.
    tabular_runner(const tabular_runner&) = delete;
    tabular_runner& operator=(const tabular_runner&) = delete;

    dataset_version process_data() {
        auto svc = services_();
        return parts_.process.process_data(svc, config_.train_data, Task::required_columns(config_));
    }

    // Trains on `data`, or on the latest processed dataset version when none is given.
    train_outcome train_model(std::optional<dataset_version> data = std::nullopt) {
        auto svc = services_();
        if (!data)
            data = parts_.metadata_tracker.latest_dataset_version(std::string(parts_.process.pipeline_config().dataset_name));
        if (!data) throw error("no processed dataset to train on; run the process step first", "train");
        train_request request{config_.model_target, config_.model_index, config_.model_name, Task::regression,
                              std::string(Task::default_metric)};
        return parts_.train.train_model(svc, *data, request, parts_.deploy.deployer(), rows_);
    }

    // Deploys `version`, or the latest model version when none is given.
    std::optional<deployment> deploy_model(std::optional<model_version> version = std::nullopt) {
        auto svc = services_();
        if (!version) version = parts_.metadata_tracker.latest_model_version(config_.model_name);
        if (!version) throw error("no model '" + config_.model_name + "' to deploy; run the train step first", "deploy");
        return parts_.deploy.deploy_model(svc, *version);
    }

    predict_outcome predict_data() {
        auto svc = services_();
        return parts_.predict.predict_data(svc, parts_.train.predictor(), parts_.deploy.deployer(), predict_request_(),
                                           rows_);
    }

    // The deployed model's metrics on predict_data, which must hold the target.
    metric_values evaluate_ground_truth() {
        auto svc = services_();
        return parts_.predict.evaluate_ground_truth(svc, parts_.train.predictor(), parts_.deploy.deployer(),
                                                    predict_request_(), rows_);
    }

    build_all_outcome build_all() {
        build_all_outcome out;
        out.data = process_data();
        out.trained = train_model(out.data);
        out.deployed = deploy_model(out.trained.version);
        out.predicted = predict_data();
        return out;
    }

    const config& runner_config() const noexcept { return config_; }
    metadata_tracker_type& metadata() noexcept { return parts_.metadata_tracker; }
    metrics_tracker_type& metrics() noexcept { return parts_.metrics_tracker; }
    const context& run_context() const noexcept { return ctx_; }

    // A step that failed, for those who are not watching the terminal (where the error line is
    // printed): the log gets it when it is written for machines, and the notifier always.
    void record_failure(std::string_view step, std::string_view what) const {
        const std::string message = std::string(step) + " failed: " + std::string(what);
        if constexpr (structured_logger<logger_type>) ctx_.log(log_level::error, message);
        ctx_.notify(log_level::error, message);
    }

private:
    // Wires the context to the logger and notifier before any part is constructed. They are the
    // first parts ([roles] order), so what any later part logs while it is constructed reaches them.
    const settings& wired(const settings& s) {
        ctx_.set_logger([this](log_level l, std::string_view m) { parts_.logger.log(l, m); });
        ctx_.set_notifier([this](log_level l, std::string_view m) { parts_.notifier.notify(l, m); });
        ctx_.show_progress(!inert_component<logger_type> && !structured_logger<logger_type>);
        return s;
    }
    predict_request predict_request_() const {
        return {config_.predict_data.empty() ? config_.train_data : config_.predict_data, config_.predictions_path,
                config_.model_target, config_.model_index, config_.model_name, Task::regression};
    }
    auto services_() {
        return services<metadata_tracker_type, metrics_tracker_type, typename parts::resource_version_control_type>{
            parts_.metadata_tracker, parts_.metrics_tracker, parts_.resource_version_control, ctx_, profile_};
    }

    config config_;
    rows_type rows_;
    profile_info profile_;
    context ctx_;
    parts parts_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::tabular_runner_config, train_data, predict_data, model_target, model_index, model_name,
                        predictions_path, report_path);
