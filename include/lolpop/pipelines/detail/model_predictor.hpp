#pragma once
// A stored model as the pipelines use it: the trainer's model together with the feature
// transformer fitted with it, saved as one artifact (lolpop::pack_model_bundle) and applied
// together, so that predictions read new data exactly as training read the training data. With an
// inert feature transformer (null_feature_transformer) the artifact is the trainer's bytes as they are.
//
// It offers the predicting half of lolpop::model_trainer (model_type, load_model, predict,
// predict_proba), so code written for a trainer evaluates a stored model through it, and explains
// a stored model's predictions with the train pipeline's model explainer.
#include <lolpop/components/model_explainer/null_model_explainer.hpp>
#include <lolpop/concepts/feature_transformer.hpp>
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/dense_matrix.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/model_bundle.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/composition/settings.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lolpop::detail {

// A feature transformer with a fused dense pass and a trainer that predicts from its output:
// predictions then go from the frame to the model with one pass and no copy in between.
template <class Features, class Trainer>
concept dense_prediction = dense_feature_transformer<Features> && dense_predicting_trainer<Trainer>;

// The trainer's model type; a stand-in for a type bound to model_trainer that has none, so that
// the pipeline's own assertion is the one error reported.
struct no_model_type {};
template <class Trainer>
struct model_type_of {
    using type = no_model_type;
};
template <has_model_type Trainer>
struct model_type_of<Trainer> {
    using type = typename Trainer::model_type;
};

template <class Features, class Trainer, class Explainer = null_model_explainer>
class model_predictor {
public:
    // Without a feature transformer the model reads the frame as it is, and its artifact is the
    // trainer's bytes alone.
    static constexpr bool plain = inert_component<Features>;
    static constexpr bool explains = !inert_component<Explainer>;

    using trainer_model = typename model_type_of<Trainer>::type;
    struct model_type {
        Features features;
        trainer_model model;
    };

    // `explainer` is only used by explain(), so it may be constructed after the predictor.
    model_predictor(Trainer& trainer, const settings_t<Features>& features, const Explainer& explainer, context& ctx)
        : trainer_(trainer), features_(features), explainer_(explainer), ctx_(ctx) {}

    std::string save_model(const Features& features, const trainer_model& model) const {
        if constexpr (plain)
            return trainer_.save_model(model);
        else
            return pack_model_bundle(Features::name, features.save_state(), trainer_.save_model(model));
    }

    // Throws lolpop::error when the artifact was saved with another feature transformer (or none,
    // or one where this profile binds none): such a model cannot read this profile's features.
    model_type load_model(std::string_view bytes) const {
        Features features(features_, ctx_);
        if constexpr (plain) {
            if (is_model_bundle(bytes))
                throw error("the model was saved with fitted feature transformers, but this profile binds none; train "
                            "and deploy a model with this profile",
                            "stored model");
            return {std::move(features), trainer_.load_model(bytes)};
        } else {
            if (!is_model_bundle(bytes))
                throw error("the model was saved without the feature transformer " + std::string(Features::name) +
                                " this profile binds; train and deploy a model with this profile",
                            "stored model");
            const model_bundle_parts parts = unpack_model_bundle(bytes);
            if (parts.transformer != Features::name)
                throw error("the model was saved with the feature transformer " + parts.transformer + ", this profile binds " +
                                std::string(Features::name) + "; train and deploy a model with this profile",
                            "stored model");
            features.load_state(parts.state);
            return {std::move(features), trainer_.load_model(parts.model)};
        }
    }

    column predict(const model_type& m, const frame& X) const {
        return with_features(m, X, [&](const auto& features) { return trainer_.predict(m.model, features); });
    }

    class_probabilities predict_proba(const model_type& m, const frame& X) const {
        return with_features(m, X, [&](const auto& features) { return trainer_.predict_proba(m.model, features); });
    }

    // Both from one pass over X (and one prediction, when the trainer offers it).
    predictions predict_all(const model_type& m, const frame& X, bool with_proba) const {
        return with_features(m, X, [&](const auto& features) { return predict_all_of(m, features, with_proba); });
    }

    // Each row's feature contributions (the explainer's get_explanations) to the prediction of m,
    // with X's features as the model reads them.
    frame explain(const model_type& m, const frame& X) const {
        if constexpr (plain)
            return explainer_.get_explanations(trainer_, m.model, X);
        else
            return explainer_.get_explanations(trainer_, m.model, m.features.transform(X));
    }

private:
    // A member template rather than the lambda's body: there, clang looks trainer_.predict_all up
    // when the class is instantiated, even in the discarded branch, and a trainer without it fails.
    template <class Input>
    predictions predict_all_of(const model_type& m, const Input& features, bool with_proba) const {
        if constexpr (all_predicting_trainer<Trainer, Input>)
            if (with_proba) return trainer_.predict_all(m.model, features);
        predictions out{trainer_.predict(m.model, features), {}};
        if (with_proba) out.proba = trainer_.predict_proba(m.model, features);
        return out;
    }

    // Calls `use` with X as the model reads it.
    template <class Use>
    static auto with_features(const model_type& m, const frame& X, Use use) {
        if constexpr (plain)
            return use(X);
        else if constexpr (dense_prediction<Features, Trainer>)
            return use(m.features.transform_dense(X));
        else
            return use(m.features.transform(X));
    }

    Trainer& trainer_;
    settings_t<Features> features_;
    const Explainer& explainer_;
    context& ctx_;
};

}  // namespace lolpop::detail
