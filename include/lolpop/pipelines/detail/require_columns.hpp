#pragma once
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <string>

namespace lolpop::detail {

// The runner's model_target / model_index must name columns of the data; say which is missing.
inline void require_column(const frame& data, const std::string& column, const std::string& setting,
                           const std::string& source) {
    if (column.empty() || data.has(column)) return;
    const auto names = data.names();
    throw error(setting + " '" + column + "' is not a column of the data" + did_you_mean(column, names), source);
}

}  // namespace lolpop::detail
