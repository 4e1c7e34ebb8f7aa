#pragma once
// lolpop::offline_predict — scores new data with the deployed model.
//
// Steps (as in lolpop): get and transform the data, check it, compare it with the data the model
// was trained on (drift), predict with the deployed model (through the feature transformer it was
// trained with), version the input, save the predictions and track the prediction job. When the
// data holds the target, the job's metrics are computed and logged too (ground truth). With
// `explain`, each row's feature contributions (the train pipeline's model_explainer) are saved
// next to the predictions, versioned, and tagged on the job.
// Roles: data_connector (required), data_transformer, data_profiler, data_checker.
#include <lolpop/concepts/data_checker.hpp>
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/concepts/data_profiler.hpp>
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/components/data_checker/null_data_checker.hpp>
#include <lolpop/components/data_profiler/null_data_profiler.hpp>
#include <lolpop/components/data_transformer/null_data_transformer.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/pipelines/detail/present_rows.hpp>
#include <lolpop/pipelines/detail/require_columns.hpp>
#include <lolpop/pipelines/detail/stop_on_error.hpp>
#include <lolpop/pipelines/model_rows.hpp>
#include <lolpop/pipelines/services.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <type_traits>

namespace lolpop {

struct offline_predict_config {
    std::string dataset_name = "predict";  // the dataset whose versions the inputs become
    // Save each row's feature contributions to <predictions>_explanations<.ext> with the job
    // (needs a model_explainer in the train pipeline).
    bool explain = false;
};

// Where the explanations of predictions saved to `output` go: "predictions.csv" ->
// "predictions_explanations.csv", a table "scores" -> "scores_explanations".
inline std::string explanations_target(const std::string& output) {
    const std::filesystem::path p(output);
    return (p.parent_path() / (p.stem().string() + "_explanations" + p.extension().string())).string();
}

struct predict_request {
    std::string source;
    std::string output;
    std::string target;
    std::string index;
    std::string model_name;
    bool regression = false;
};

struct predict_outcome {
    prediction_job job;
    std::size_t rows = 0;
    metric_values metrics;  // empty unless the data held the target
};

template <class... Binds>
class offline_predict {
public:
    static constexpr std::string_view name = "offline_predict";
    using config = offline_predict_config;
    using connector_type = bound_t<role::data_connector, unbound, Binds...>;
    using transformer_type = bound_t<role::data_transformer, null_data_transformer, Binds...>;
    using profiler_type = bound_t<role::data_profiler, null_data_profiler, Binds...>;
    using checker_type = bound_t<role::data_checker, null_data_checker, Binds...>;

    // Each binding is checked against its role's concept where it is written (lolpop::bind), which
    // reports the details; these assertions name the composition point.
    static_assert(!std::is_same_v<connector_type, unbound>, "offline_predict: required role data_connector is not bound");
    static_assert(fits_role<role::data_connector, connector_type>,
                  "offline_predict: role data_connector is bound to a type that does not model lolpop::data_connector");
    static_assert(fits_role<role::data_transformer, transformer_type>,
                  "offline_predict: role data_transformer is bound to a type that does not model lolpop::data_transformer");
    static_assert(fits_role<role::data_profiler, profiler_type>,
                  "offline_predict: role data_profiler is bound to a type that does not model lolpop::data_profiler");
    static_assert(fits_role<role::data_checker, checker_type>,
                  "offline_predict: role data_checker is bound to a type that does not model lolpop::data_checker");

    using settings = composite_settings<config, bind<role::data_connector, connector_type>,
                                        bind<role::data_transformer, transformer_type>,
                                        bind<role::data_profiler, profiler_type>, bind<role::data_checker, checker_type>>;

    offline_predict(const settings& s, context& ctx)
        : config_(s.config), ctx_(ctx), connector_(part<role::data_connector>(s), ctx),
          transformer_(part<role::data_transformer>(s), ctx), profiler_(part<role::data_profiler>(s), ctx),
          checker_(part<role::data_checker>(s), ctx) {}

    // `predictor` is the train pipeline's: it loads a stored model with its fitted feature
    // transformer (offline_train::predictor()). `rows_of` is the runner's task hook, the same as
    // the train pipeline's (lolpop::model_rows).
    template <class Services, class Predictor, class Deployer, class Rows = same_rows>
    predict_outcome predict_data(Services& svc, Predictor& predictor, Deployer& deployer, const predict_request& request,
                                 const Rows& rows_of = {}) {
        if constexpr (!Predictor::explains)
            if (config_.explain)
                throw error("explain is on, but the train pipeline binds no model_explainer to explain with; bind one "
                            "([train.components] model_explainer) or turn explain off",
                            "predict.config.explain");
        scored s = score(svc, predictor, deployer, request, rows_of, config_.explain);
        tracked_run<std::remove_reference_t<decltype(svc.metadata)>> run(svc.metadata, svc.profile, "predict");
        const artifact stored = svc.store.version_data(s.data);
        const dataset_version input = svc.metadata.create_dataset_version(run.get(), config_.dataset_name, stored.hash,
                                                                           stored.uri, s.data.rows(), s.data.cols());
        compare_with_training(svc, s.version, s.data);
        connector_.save_data(s.predictions, request.output);
        prediction_job draft;
        draft.model_version_id = s.version.id;
        draft.dataset_version_id = input.id;
        draft.output_uri = request.output;
        draft.rows = s.predictions.rows();
        predict_outcome outcome{svc.metadata.create_prediction_job(run.get(), draft), draft.rows, s.metrics};
        if (!outcome.metrics.empty()) svc.metrics.log_metrics(outcome.job.id, outcome.metrics);
        if (config_.explain) {
            const std::string target = explanations_target(request.output);
            connector_.save_data(s.explanations, target);
            svc.metadata.set_tag(outcome.job.id, "explanations", target);
            svc.metadata.set_tag(outcome.job.id, "explanations_hash", svc.store.version_data(s.explanations).hash);
            ctx_.log(log_level::info, "predict: feature contributions -> " + target);
        }
        run.succeed();
        ctx_.log(log_level::info, "predict: " + std::to_string(draft.rows) + " rows with model version " + s.version.id +
                                      " -> " + request.output);
        return outcome;
    }

    // Scores the deployed model against the target in the predict data and logs the metrics on
    // the model version as "ground_truth.<metric>".
    template <class Services, class Predictor, class Deployer, class Rows = same_rows>
    metric_values evaluate_ground_truth(Services& svc, Predictor& predictor, Deployer& deployer,
                                        const predict_request& request, const Rows& rows_of = {}) {
        scored s = score(svc, predictor, deployer, request, rows_of, false);
        if (s.metrics.empty())
            throw error("the data has no target column '" + request.target + "' to evaluate against", request.source);
        tracked_run<std::remove_reference_t<decltype(svc.metadata)>> run(svc.metadata, svc.profile, "evaluate");
        metric_values logged;
        for (const auto& [metric, value] : s.metrics) logged["ground_truth." + metric] = value;
        svc.metrics.log_metrics(s.version.id, logged);
        run.succeed();
        return s.metrics;
    }

private:
    struct scored {
        model_version version;
        frame data;
        frame predictions;
        metric_values metrics;  // empty unless the data holds the target
        frame explanations;     // empty unless asked for
    };

    // Reads, transforms and checks the data and predicts it with the deployed model; stores nothing.
    template <class Services, class Predictor, class Deployer, class Rows>
    scored score(Services& svc, Predictor& predictor, Deployer& deployer, const predict_request& request,
                 const Rows& rows_of, bool explain) {
        const auto current = deployer.current_deployment(request.model_name);
        if (!current)
            throw error("no model '" + request.model_name + "' is deployed; run the train and deploy steps first", "predict");
        auto version = svc.metadata.get_model_version(current->model_version_id);
        if (!version) throw error("deployed model version " + current->model_version_id + " is not in the metadata store", "predict");

        scored s{std::move(*version), {}, {}, {}, {}};
        if constexpr (std::is_same_v<transformer_type, null_data_transformer>)
            s.data = connector_.get_data(request.source);  // not copied through a transform that changes nothing
        else
            s.data = transformer_.transform(connector_.get_data(request.source));
        detail::require_column(s.data, request.index, "model_index", request.source);
        detail::stop_on_error(checker_.check_data(s.data), ctx_, "predict " + request.source);

        const auto model = predictor.load_model(deployer.load_deployed(*current));
        // The data is versioned and compared as it came; the model scores the task's rows of it.
        std::optional<model_rows> derived;
        if constexpr (!std::is_same_v<Rows, same_rows>) derived.emplace(rows_of(s.data));
        const frame& data = derived ? derived->data : s.data;
        // A series' last rows have no label yet; truth needs at least one that has.
        const bool has_truth = data.has(request.target) && data[request.target].missing_count() < data.rows();
        if (!request.index.empty()) s.predictions.add(data[request.index]);
        if (derived)
            for (const column& c : derived->annotations.columns()) s.predictions.add(c);
        if (explain) s.explanations = s.predictions;  // the same keys (index, annotations) lead both
        // Models read their features by name, so the index and the target stay in the frame
        // rather than being copied out of it.
        auto [predicted, proba] = predictor.predict_all(model, data, !request.regression);
        predicted.rename(request.target);
        if (!request.regression) {
            for (std::size_t k = 0; k < proba.classes.size(); ++k) {
                std::vector<double> p(proba.rows());
                for (std::size_t r = 0; r < p.size(); ++r) p[r] = proba(r, k);
                s.predictions.add(column::numeric("probability_" + proba.classes[k], std::move(p)));
            }
        }
        if (has_truth) {
            const problem_type problem = request.regression ? problem_type::regression
                                         : proba.classes.size() > 2 ? problem_type::multiclass
                                                                    : problem_type::binary;
            const auto labeled = detail::present_rows(data[request.target]);
            class_probabilities labeled_proba{proba.classes, {}};
            for (std::size_t r : labeled)
                for (std::size_t k = 0; k < proba.classes.size(); ++k) labeled_proba.values.push_back(proba(r, k));
            s.metrics = evaluate(problem, data[request.target].take(labeled), predicted.take(labeled), labeled_proba);
        }
        s.predictions.add(std::move(predicted));
        if constexpr (Predictor::explains) {
            if (explain) {
                const frame contributions = predictor.explain(model, data);
                for (const column& c : contributions.columns()) s.explanations.add(c);
            }
        }
        return s;
    }

    // Drift: the new data against the data the deployed model was trained on.
    template <class Services>
    void compare_with_training(Services& svc, const model_version& version, const frame& data) {
        if constexpr (!std::is_same_v<profiler_type, null_data_profiler>) {
            for (const dataset_version& trained_on : svc.metadata.get_lineage(version))
                detail::stop_on_error(profiler_.compare_data(svc.store.get_data(trained_on.content_hash), data), ctx_,
                                      "predict drift");
        }
    }

    config config_;
    context& ctx_;
    connector_type connector_;
    transformer_type transformer_;
    profiler_type profiler_;
    checker_type checker_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::offline_predict_config, dataset_name, explain);
