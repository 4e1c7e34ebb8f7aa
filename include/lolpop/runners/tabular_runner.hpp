#pragma once
// lolpop::tabular_runner — the end-to-end workflow on one table: process, train, deploy, predict.
// classification_runner, regression_runner and timeseries_runner are this template with their task.
//
// Global roles: metadata_tracker and resource_version_control (required), metrics_tracker,
// logger, notifier. Pipeline roles: process, train, deploy, predict (all required).
// Each step finds what earlier steps stored (the latest dataset version, model version and
// deployment), so an orchestrator can run every step as its own process.
#include <lolpop/components/logger/null_logger.hpp>
#include <lolpop/components/metrics_tracker/null_metrics_tracker.hpp>
#include <lolpop/components/notifier/null_notifier.hpp>
#include <lolpop/concepts/logger.hpp>
#include <lolpop/concepts/metadata_tracker.hpp>
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/concepts/resource_version_control.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/core/profile_info.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/pipelines/offline_deploy.hpp>
#include <lolpop/pipelines/offline_predict.hpp>
#include <lolpop/pipelines/offline_process.hpp>
#include <lolpop/pipelines/offline_train.hpp>
#include <lolpop/pipelines/model_rows.hpp>
#include <lolpop/pipelines/services.hpp>

#include <optional>
#include <string>
#include <type_traits>
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

struct build_all_outcome {
    dataset_version data;
    train_outcome trained;
    std::optional<deployment> deployed;
    predict_outcome predicted;
};

template <class Task, class... Binds>
class tabular_runner {
public:
    static constexpr std::string_view name = Task::name;
    using config = typename Task::config;
    using rows_type = decltype(Task::rows(std::declval<const config&>()));
    using metadata_tracker_type = bound_t<role::metadata_tracker, unbound, Binds...>;
    using metrics_tracker_type = bound_t<role::metrics_tracker, null_metrics_tracker, Binds...>;
    using store_type = bound_t<role::resource_version_control, unbound, Binds...>;
    using logger_type = bound_t<role::logger, null_logger, Binds...>;
    using notifier_type = bound_t<role::notifier, null_notifier, Binds...>;
    using process_type = bound_t<role::process, unbound, Binds...>;
    using train_type = bound_t<role::train, unbound, Binds...>;
    using deploy_type = bound_t<role::deploy, unbound, Binds...>;
    using predict_type = bound_t<role::predict, unbound, Binds...>;

    // Each binding is checked against its role's concept where it is written (lolpop::bind), which
    // reports the details; these assertions name the composition point.
    static_assert(!std::is_same_v<metadata_tracker_type, unbound>, "runner: required role metadata_tracker is not bound");
    static_assert(!std::is_same_v<store_type, unbound>, "runner: required role resource_version_control is not bound");
    static_assert(!std::is_same_v<process_type, unbound>, "runner: required pipeline role process is not bound");
    static_assert(!std::is_same_v<train_type, unbound>, "runner: required pipeline role train is not bound");
    static_assert(!std::is_same_v<deploy_type, unbound>, "runner: required pipeline role deploy is not bound");
    static_assert(!std::is_same_v<predict_type, unbound>, "runner: required pipeline role predict is not bound");
    static_assert(fits_role<role::metadata_tracker, metadata_tracker_type>,
                  "runner: role metadata_tracker is bound to a type that does not model lolpop::metadata_tracker");
    static_assert(fits_role<role::metrics_tracker, metrics_tracker_type>,
                  "runner: role metrics_tracker is bound to a type that does not model lolpop::metrics_tracker");
    static_assert(fits_role<role::resource_version_control, store_type>,
                  "runner: role resource_version_control is bound to a type that does not model lolpop::resource_version_control");
    static_assert(fits_role<role::logger, logger_type>,
                  "runner: role logger is bound to a type that does not model lolpop::logger");
    static_assert(fits_role<role::notifier, notifier_type>,
                  "runner: role notifier is bound to a type that does not model lolpop::notifier");

    using settings = composite_settings<
        config, bind<role::metadata_tracker, metadata_tracker_type>, bind<role::metrics_tracker, metrics_tracker_type>,
        bind<role::resource_version_control, store_type>, bind<role::logger, logger_type>,
        bind<role::notifier, notifier_type>, bind<role::process, process_type>, bind<role::train, train_type>,
        bind<role::deploy, deploy_type>, bind<role::predict, predict_type>>;

    tabular_runner(const settings& s, const profile_info& profile)
        : config_(s.config),
          rows_(Task::rows(config_)),
          profile_(profile),
          ctx_(std::string(profile.name), std::string(profile.build_id)),
          logger_(part<role::logger>(s), ctx_),
          notifier_(part<role::notifier>(s), ctx_),
          metadata_(wired(part<role::metadata_tracker>(s)), ctx_),
          metrics_(part<role::metrics_tracker>(s), ctx_),
          store_(part<role::resource_version_control>(s), ctx_),
          process_(part<role::process>(s), ctx_),
          train_(part<role::train>(s), ctx_),
          deploy_(part<role::deploy>(s), ctx_),
          predict_(part<role::predict>(s), ctx_) {
        if (config_.model_target.empty()) throw error("model_target is not set", "config.model_target");
        if (config_.train_data.empty()) throw error("train_data is not set", "config.train_data");
        if (config_.report_path.empty()) throw error("report_path is not set", "config.report_path");
    }
    // Components hold a reference to the context, which holds callbacks into this object.
    tabular_runner(const tabular_runner&) = delete;
    tabular_runner& operator=(const tabular_runner&) = delete;

    dataset_version process_data() {
        auto svc = services_();
        return process_.process_data(svc, config_.train_data, Task::required_columns(config_));
    }

    // Trains on `data`, or on the latest processed dataset version when none is given.
    train_outcome train_model(std::optional<dataset_version> data = std::nullopt) {
        auto svc = services_();
        if (!data) data = metadata_.latest_dataset_version(std::string(process_.pipeline_config().dataset_name));
        if (!data) throw error("no processed dataset to train on; run the process step first", "train");
        train_request request{config_.model_target, config_.model_index, config_.model_name, Task::regression,
                              std::string(Task::default_metric)};
        return train_.train_model(svc, *data, request, deploy_.deployer(), rows_);
    }

    // Deploys `version`, or the latest model version when none is given.
    std::optional<deployment> deploy_model(std::optional<model_version> version = std::nullopt) {
        auto svc = services_();
        if (!version) version = metadata_.latest_model_version(config_.model_name);
        if (!version) throw error("no model '" + config_.model_name + "' to deploy; run the train step first", "deploy");
        return deploy_.deploy_model(svc, *version);
    }

    predict_outcome predict_data() {
        auto svc = services_();
        return predict_.predict_data(svc, train_.predictor(), deploy_.deployer(), predict_request_(), rows_);
    }

    // The deployed model's metrics on predict_data, which must hold the target.
    metric_values evaluate_ground_truth() {
        auto svc = services_();
        return predict_.evaluate_ground_truth(svc, train_.predictor(), deploy_.deployer(), predict_request_(), rows_);
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
    metadata_tracker_type& metadata() noexcept { return metadata_; }
    metrics_tracker_type& metrics() noexcept { return metrics_; }
    const context& run_context() const noexcept { return ctx_; }

private:
    // Wires the context to the logger and notifier before any other component can log.
    const typename metadata_tracker_type::config& wired(const typename metadata_tracker_type::config& c) {
        ctx_.set_logger([this](log_level l, std::string_view m) { logger_.log(l, m); });
        ctx_.set_notifier([this](log_level l, std::string_view m) { notifier_.notify(l, m); });
        return c;
    }
    predict_request predict_request_() const {
        return {config_.predict_data.empty() ? config_.train_data : config_.predict_data, config_.predictions_path,
                config_.model_target, config_.model_index, config_.model_name, Task::regression};
    }
    auto services_() {
        return services<metadata_tracker_type, metrics_tracker_type, store_type>{metadata_, metrics_, store_, ctx_, profile_};
    }

    config config_;
    rows_type rows_;
    profile_info profile_;
    context ctx_;
    logger_type logger_;
    notifier_type notifier_;
    metadata_tracker_type metadata_;
    metrics_tracker_type metrics_;
    store_type store_;
    process_type process_;
    train_type train_;
    deploy_type deploy_;
    predict_type predict_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::tabular_runner_config, train_data, predict_data, model_target, model_index, model_name,
                        predictions_path, report_path);
