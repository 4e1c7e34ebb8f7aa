#pragma once
// null_model_explainer — the default model_explainer: it fits every trainer (its members are
// templates over the trainer) and explains nothing, for workflows that need no explanations.
//
// model_explainer is a concept over the trainer too, so no trainer-free static_assert is possible
// here; the tests check it against a trainer type.
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <string_view>
#include <vector>

namespace lolpop {

struct null_model_explainer {
    struct config {};
    static constexpr std::string_view name = "null_model_explainer";
    static constexpr bool inert = true;

    null_model_explainer(const config&, context&) {}

    template <has_model_type Trainer>
    std::vector<feature_importance> get_feature_importance(const Trainer&, const typename Trainer::model_type&) const {
        return {};
    }

    template <has_model_type Trainer>
    frame get_explanations(const Trainer&, const typename Trainer::model_type&, const frame&) const {
        return {};
    }
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::null_model_explainer::config);
