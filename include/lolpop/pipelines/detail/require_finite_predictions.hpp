#pragma once
// A model whose predictions hold NaN or infinity scores meaninglessly (every comparison with NaN
// is false) and would be stored and deployed as if it worked: such predictions stop the step.
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/prediction.hpp>

#include <cmath>
#include <string>

namespace lolpop::detail {

// Throws lolpop::error naming the part ("valid", "test"), the row and the value of the first
// non-finite prediction or class probability; `where` names the step.
inline void require_finite_predictions(const column& predicted, const class_probabilities& proba,
                                       const std::string& part, const std::string& where) {
    const auto fail = [&](std::size_t row, double v, const std::string& what) {
        throw error("the model's " + what + " on the " + part + " part is " + (std::isnan(v) ? "NaN" : "infinite") +
                        " at row " + std::to_string(row + 1) + ": the model is not stored",
                    where);
    };
    if (predicted.type() == column_type::numeric) {
        const auto values = predicted.numeric_values();
        for (std::size_t r = 0; r < values.size(); ++r)
            if (!std::isfinite(values[r])) fail(r, values[r], "prediction");
    }
    const std::size_t k = proba.classes.size();
    for (std::size_t i = 0; i < proba.values.size(); ++i)
        if (!std::isfinite(proba.values[i])) fail(i / k, proba.values[i], "probability of class '" + proba.classes[i % k] + "'");
}

}  // namespace lolpop::detail
