#pragma once
// lolpop::offline_train — fits, selects, checks and versions a model for one dataset version.
//
// Steps (as in lolpop): split the data; fit the feature transformer on the training part and
// transform every part with it; fit one model per tuner trial and keep the best on
// validation data by perf_metric in that metric's direction; evaluate it on test data; check it
// (model checker, bias checker); compare it with the currently deployed model on the same test
// data (champion/challenger); explain and visualize it; optionally retrain it on all data; version
// the model with lineage to its dataset version, its metrics and its trials. The stored model
// carries the fitted feature transformer, so that predictions apply it as training did.
// Roles: data_splitter and model_trainer (required), feature_transformer, hyperparameter_tuner,
// model_checker, model_explainer, model_bias_checker, model_visualizer.
#include <lolpop/components/feature_transformer/null_feature_transformer.hpp>
#include <lolpop/components/hyperparameter_tuner/null_hyperparameter_tuner.hpp>
#include <lolpop/components/model_bias_checker/null_model_bias_checker.hpp>
#include <lolpop/components/model_checker/null_model_checker.hpp>
#include <lolpop/components/model_explainer/null_model_explainer.hpp>
#include <lolpop/components/model_visualizer/null_model_visualizer.hpp>
#include <lolpop/concepts/data_splitter.hpp>
#include <lolpop/concepts/feature_transformer.hpp>
#include <lolpop/concepts/hyperparameter_tuner.hpp>
#include <lolpop/concepts/model_bias_checker.hpp>
#include <lolpop/concepts/model_checker.hpp>
#include <lolpop/concepts/model_deployer.hpp>
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/concepts/model_visualizer.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/pipelines/detail/check_explainer.hpp>
#include <lolpop/pipelines/detail/evaluate_model.hpp>
#include <lolpop/pipelines/detail/model_predictor.hpp>
#include <lolpop/pipelines/detail/present_rows.hpp>
#include <lolpop/pipelines/detail/require_columns.hpp>
#include <lolpop/pipelines/detail/stop_on_error.hpp>
#include <lolpop/pipelines/model_rows.hpp>
#include <lolpop/pipelines/services.hpp>

#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace lolpop {

struct offline_train_config {
    std::string perf_metric;           // "" = the runner's default (roc_auc, rmse)
    bool retrain_all = false;          // refit the chosen settings on all data before versioning
    bool compare_to_deployed = true;   // champion/challenger against the deployed model
    std::string reports_dir = ".lolpop/reports";  // where a model visualizer writes its files
};

// What the runner tells the train pipeline about the task.
struct train_request {
    std::string target;
    std::string index;
    std::string model_name;
    bool regression = false;
    std::string default_metric;
};

struct train_outcome {
    model_version version;
    metric_values metrics;  // on the test part
    std::string perf_metric;
    bool beats_deployed = true;
    std::optional<double> deployed_score;  // the champion's perf_metric on the same test part
};

template <class... Binds>
class offline_train {
public:
    static constexpr std::string_view name = "offline_train";
    using config = offline_train_config;
    using splitter_type = bound_t<role::data_splitter, unbound, Binds...>;
    using trainer_type = bound_t<role::model_trainer, unbound, Binds...>;
    using tuner_type = bound_t<role::hyperparameter_tuner, null_hyperparameter_tuner, Binds...>;
    using checker_type = bound_t<role::model_checker, null_model_checker, Binds...>;
    using explainer_type = bound_t<role::model_explainer, null_model_explainer, Binds...>;
    using bias_checker_type = bound_t<role::model_bias_checker, null_model_bias_checker, Binds...>;
    using visualizer_type = bound_t<role::model_visualizer, null_model_visualizer, Binds...>;
    using features_type = bound_t<role::feature_transformer, null_feature_transformer, Binds...>;

    // Each binding is checked against its role's concept where it is written (lolpop::bind), which
    // reports the details; these assertions name the composition point.
    static_assert(!std::is_same_v<splitter_type, unbound>, "offline_train: required role data_splitter is not bound");
    static_assert(!std::is_same_v<trainer_type, unbound>, "offline_train: required role model_trainer is not bound");
    static_assert(fits_role<role::data_splitter, splitter_type>,
                  "offline_train: role data_splitter is bound to a type that does not model lolpop::data_splitter");
    static_assert(fits_role<role::model_trainer, trainer_type>,
                  "offline_train: role model_trainer is bound to a type that does not model lolpop::model_trainer");
    static_assert(fits_role<role::hyperparameter_tuner, tuner_type>,
                  "offline_train: role hyperparameter_tuner is bound to a type that does not model lolpop::hyperparameter_tuner");
    static_assert(fits_role<role::model_checker, checker_type>,
                  "offline_train: role model_checker is bound to a type that does not model lolpop::model_checker");
    static_assert(fits_role<role::model_bias_checker, bias_checker_type>,
                  "offline_train: role model_bias_checker is bound to a type that does not model lolpop::model_bias_checker");
    static_assert(fits_role<role::model_visualizer, visualizer_type>,
                  "offline_train: role model_visualizer is bound to a type that does not model lolpop::model_visualizer");
    static_assert(detail::check_explainer<explainer_type, trainer_type>::value,
                  "offline_train: role model_explainer is bound to a type that does not model lolpop::model_explainer for "
                  "the type bound to role model_trainer");

    using settings = composite_settings<
        config, bind<role::data_splitter, splitter_type>, bind<role::model_trainer, trainer_type>,
        bind<role::hyperparameter_tuner, tuner_type>, bind<role::model_checker, checker_type>,
        bind<role::model_explainer, explainer_type>, bind<role::model_bias_checker, bias_checker_type>,
        bind<role::model_visualizer, visualizer_type>, bind<role::feature_transformer, features_type>>;

    // What the feature transformer learns is stored with the model, for predictions to apply.
    static_assert(fits_role<role::feature_transformer, features_type>,
                  "offline_train: role feature_transformer is bound to a type that does not model "
                  "lolpop::feature_transformer");
    static_assert(!fits_role<role::feature_transformer, features_type> ||
                      std::is_same_v<features_type, null_feature_transformer> || has_fitted_state<features_type>,
                  "offline_train: role feature_transformer is bound to a type that cannot save what it learned "
                  "(missing: save_state, load_state), so predictions could not apply it");
    using predictor_type = detail::model_predictor<features_type, trainer_type, explainer_type>;

    offline_train(const settings& s, context& ctx)
        : config_(s.config),
          ctx_(ctx),
          splitter_(part<role::data_splitter>(s), ctx),
          trainer_config_(part<role::model_trainer>(s)),
          trainer_(trainer_config_, ctx),
          features_settings_(part<role::feature_transformer>(s)),
          features_(features_settings_, ctx),
          predictor_(trainer_, features_settings_, explainer_, ctx),
          tuner_(part<role::hyperparameter_tuner>(s), ctx),
          checker_(part<role::model_checker>(s), ctx),
          explainer_(part<role::model_explainer>(s), ctx),
          bias_checker_(part<role::model_bias_checker>(s), ctx),
          visualizer_(part<role::model_visualizer>(s), ctx) {}

    trainer_type& trainer() noexcept { return trainer_; }
    // Loads stored models (with their fitted feature transformer) and predicts with them.
    predictor_type& predictor() noexcept { return predictor_; }

    // `rows_of` is the runner's task hook (lolpop::model_rows): the model learns from the rows it
    // makes of the stored dataset.
    template <class Services, class Deployer, class Rows = same_rows>
    train_outcome train_model(Services& svc, const dataset_version& data_version, const train_request& request,
                              Deployer& deployer, const Rows& rows_of = {}) {
        frame data = svc.store.get_data(data_version.content_hash);
        if constexpr (!std::is_same_v<Rows, same_rows>) data = rows_of(data).data;
        if (!request.index.empty() && data.has(request.index)) data.remove(request.index);
        detail::require_column(data, request.target, "model_target", data_version.id);
        if (const auto labeled = detail::present_rows(data[request.target]); labeled.size() < data.rows()) {
            ctx_.log(log_level::info, "train: " + std::to_string(data.rows() - labeled.size()) +
                                          " rows without a target value are left out");
            data = data.take(labeled);
        }
        const problem_type problem = request.regression ? problem_type::regression : classification_problem(data, request.target);
        const std::string metric_name = config_.perf_metric.empty() ? request.default_metric : config_.perf_metric;
        const metric_info& metric = find_metric(metric_name);
        if (request.regression ? !metric.regression : !metric.classification)
            throw error("perf_metric '" + metric_name + "' does not apply to " + std::string(to_string(problem)) + " problems",
                        "train.config.perf_metric");

        const data_split split = splitter_.split_data(data, request.target);
        // Models learn from and are scored on the features as the feature transformer makes them;
        // checkers look at the data as it came.
        features_.fit(split.train.X);
        const std::optional<data_split> transformed = transform_split(split);
        const data_split& model_split = transformed ? *transformed : split;
        const labeled_data& selection = model_split.valid.X.rows() > 0 ? model_split.valid : model_split.test;

        // One fit per trial; the best on the selection part by perf_metric wins.
        struct trial_result {
            std::string params;
            metric_values metrics;
        };
        std::vector<trial_result> trials;
        std::optional<typename trainer_type::model_type> best_model;
        typename trainer_type::config best_config = trainer_config_;
        double best_score = 0;
        for (const trial& t : tuner_.trials()) {
            auto trial_config = trainer_config_;
            std::string params;
            for (const auto& [key, value] : t) {
                set_setting(trial_config, key, value, "train.hyperparameter_tuner");
                params += key + " = " + format_setting_value(value) + "\n";
            }
            trainer_type trial_trainer(trial_config, ctx_);
            auto model = trial_trainer.fit(model_split, problem);
            const evaluation e = detail::evaluate_model(trial_trainer, model, selection, problem, "valid");
            const double score = score_of(e.metrics, metric_name);
            trials.push_back({params, e.metrics});
            if (!best_model || is_better(metric, score, best_score)) {
                best_model.emplace(std::move(model));
                best_config = trial_config;
                best_score = score;
            }
        }
        if (!best_model) throw error("the hyperparameter tuner proposed no trials", "train.hyperparameter_tuner");

        evaluation test = detail::evaluate_model(trainer_, *best_model, model_split.test, problem, "test");
        if (transformed) test.X = split.test.X;
        detail::stop_on_error(checker_.check_model(split, test), ctx_, "train model check");
        detail::stop_on_error(bias_checker_.check_model_bias(test), ctx_, "train bias check");

        train_outcome outcome;
        outcome.metrics = test.metrics;
        outcome.perf_metric = metric_name;
        if (config_.compare_to_deployed) compare_with_deployed(outcome, deployer, split.test, problem, metric, request);

        if (config_.retrain_all) {
            data_split all;
            all.train.y = data[request.target];
            all.train.X = data;
            all.train.X.remove(request.target);
            features_.fit(all.train.X);
            if (transformed) all.train.X = features_.transform(all.train.X);
            best_config = refit_config(best_config, *best_model);
            trainer_type final_trainer(best_config, ctx_);
            best_model.emplace(final_trainer.fit(all, problem));
        }

        tracked_run<std::remove_reference_t<decltype(svc.metadata)>> run(svc.metadata, svc.profile, "train");
        const artifact stored = svc.store.version_model(predictor_.save_model(features_, *best_model));
        model_version draft;
        draft.model_name = request.model_name;
        draft.trainer = std::string(trainer_type::name);
        draft.content_hash = stored.hash;
        draft.uri = stored.uri;
        draft.params = settings_to_toml(best_config);
        draft.dataset_versions = {data_version.id};
        outcome.version = svc.metadata.create_model_version(run.get(), draft);
        const std::string& id = outcome.version.id;
        svc.metrics.log_metrics(id, outcome.metrics);
        for (std::size_t i = 0; i < trials.size(); ++i) {
            experiment e;
            e.model_version_id = id;
            e.name = "trial-" + std::to_string(i + 1);
            e.params = trials[i].params;
            e.metrics = trials[i].metrics;
            svc.metadata.create_experiment(e);
        }
        svc.metadata.set_tag(id, "problem", std::string(to_string(problem)));
        svc.metadata.set_tag(id, "perf_metric", metric_name);
        svc.metadata.set_tag(id, "beats_deployed", outcome.beats_deployed ? "true" : "false");
        record_explanations(svc, id, *best_model, test);
        run.succeed();
        ctx_.log(log_level::info, "train: model '" + request.model_name + "' version " +
                                      std::to_string(outcome.version.version) + " " + metric_name + " = " +
                                      std::to_string(score_of(outcome.metrics, metric_name)));
        return outcome;
    }

private:
    // The chosen settings for the refit on all data, as the trainer adapts them to the chosen model
    // (XGBoost: the rounds early stopping kept), or as they are.
    template <class Config, class Model>
    static Config refit_config(const Config& chosen, const Model& model) {
        if constexpr (requires { { trainer_type::refit_config(chosen, model) } -> std::same_as<Config>; })
            return trainer_type::refit_config(chosen, model);
        else
            return chosen;
    }

    static problem_type classification_problem(const frame& data, const std::string& target) {
        const column& y = data[target];
        std::set<std::string> labels;
        for (std::size_t i = 0; i < y.size(); ++i)
            if (!y.is_missing(i)) labels.insert(y.to_string(i));
        return labels.size() > 2 ? problem_type::multiclass : problem_type::binary;
    }

    // Each part's features through the fitted feature transformer; nothing to do without one.
    std::optional<data_split> transform_split(const data_split& split) const {
        if constexpr (std::is_same_v<features_type, null_feature_transformer>) {
            return std::nullopt;
        } else {
            data_split out;
            for (auto part : {&data_split::train, &data_split::valid, &data_split::test})
                out.*part = {features_.transform((split.*part).X), (split.*part).y};
            return out;
        }
    }

    static double score_of(const metric_values& metrics, const std::string& name) {
        const auto it = metrics.find(name);
        if (it == metrics.end()) throw error("metric '" + name + "' was not computed for this problem", "train.config.perf_metric");
        return it->second;
    }

    // The deployed model stays champion unless the new one scores better on the same test rows.
    template <class Deployer>
    void compare_with_deployed(train_outcome& outcome, Deployer& deployer, const labeled_data& test, problem_type problem,
                               const metric_info& metric, const train_request& request) {
        const auto current = deployer.current_deployment(request.model_name);
        if (!current) return;
        try {
            const auto champion = predictor_.load_model(deployer.load_deployed(*current));
            const evaluation e = detail::evaluate_model(predictor_, champion, test, problem, "test");
            outcome.deployed_score = score_of(e.metrics, outcome.perf_metric);
            outcome.beats_deployed = !is_better(metric, *outcome.deployed_score, score_of(outcome.metrics, outcome.perf_metric));
            ctx_.log(log_level::info, "train: deployed model " + current->model_version_id + " scores " +
                                          std::to_string(*outcome.deployed_score) + " on the same test rows; the new model " +
                                          (outcome.beats_deployed ? "wins" : "loses"));
        } catch (const error& e) {
            // A champion that no longer fits the data (other columns) cannot defend its title.
            ctx_.log(log_level::warn, std::string("train: the deployed model cannot be compared: ") + e.what());
        }
    }

    template <class Services, class Model>
    void record_explanations(Services& svc, const std::string& id, const Model& model, const evaluation& test) {
        const std::vector<feature_importance> importances = explainer_.get_feature_importance(trainer_, model);
        std::string listed;
        for (const feature_importance& f : importances)
            listed += f.feature + " = " + format_setting_value(to_setting_value(f.importance)) + "\n";
        if (!listed.empty()) svc.metadata.set_tag(id, "feature_importance", listed);
        if constexpr (!std::is_same_v<visualizer_type, null_model_visualizer>) {
            const std::string directory = config_.reports_dir + "/" + id;
            std::vector<std::string> files = visualizer_.generate_viz(test, directory);
            if constexpr (requires { { visualizer_.plot_feature_importance(importances, directory) } -> std::same_as<std::string>; })
                if (!importances.empty()) files.push_back(visualizer_.plot_feature_importance(importances, directory));
            for (std::string& file : files) {
                ctx_.log(log_level::info, "train: wrote " + file);
                ctx_.record_file(std::move(file));
            }
        }
    }

    config config_;
    context& ctx_;
    splitter_type splitter_;
    typename trainer_type::config trainer_config_;
    trainer_type trainer_;
    settings_t<features_type> features_settings_;
    features_type features_;
    predictor_type predictor_;
    tuner_type tuner_;
    checker_type checker_;
    explainer_type explainer_;
    bias_checker_type bias_checker_;
    visualizer_type visualizer_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::offline_train_config, perf_metric, retrain_all, compare_to_deployed, reports_dir);
