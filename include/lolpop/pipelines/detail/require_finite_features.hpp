#pragma once
// Infinity in a numeric feature (log(0) in a derived column, a feature transformer's overflow)
// would reach the trainer, whose own message names no column, or be stored as data: it stops the
// step where it appears. NaN is a numeric column's missing value and passes.
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <cmath>
#include <string>

namespace lolpop::detail {

// Throws lolpop::error naming the column, the row (from 1) and `where` for the first infinite
// value of a numeric column of `data`; `what` says which data ("the transformed data").
inline void require_finite_features(const frame& data, const std::string& what, const std::string& where) {
    for (const auto& name : data.names()) {
        const column& c = data[name];
        if (c.type() != column_type::numeric) continue;
        const auto values = c.numeric_values();
        for (std::size_t r = 0; r < values.size(); ++r)
            if (std::isinf(values[r]))
                throw error("column '" + name + "' of " + what + " is " + (values[r] > 0 ? "inf" : "-inf") + " at row " +
                                std::to_string(r + 1) + ": numeric features must be finite",
                            where);
    }
}

}  // namespace lolpop::detail
