#pragma once
// offline_train's check of its model_explainer against its model_trainer, the one binding that
// lolpop::bind cannot check alone. The class's static_assert reports the concept's details;
// `value` lets the pipeline assert it too. Both hold when the trainer is missing or is not a
// model_trainer: that is reported on its own, and no explainer could fit it.
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/concepts/model_trainer.hpp>

namespace lolpop::detail {

template <class Explainer, class Trainer>
struct check_explainer {
    static_assert(model_explainer<Explainer, Trainer>,
                  "role model_explainer: the bound type does not explain the models of the type bound to role "
                  "model_trainer (lolpop::model_explainer<Explainer, Trainer>)");
    static constexpr bool value = model_explainer<Explainer, Trainer>;
};

template <class Explainer, class Trainer>
    requires(!model_trainer<Trainer>)
struct check_explainer<Explainer, Trainer> {
    static constexpr bool value = true;
};

}  // namespace lolpop::detail
