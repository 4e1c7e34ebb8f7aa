#pragma once
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace lolpop::detail {

// The runner's model_target / model_index must name columns of the data (`names`, its columns);
// say which is missing, where, and the closest column.
inline void require_column(const std::vector<std::string>& names, const std::string& column, const std::string& setting,
                           const std::string& source) {
    if (column.empty() || std::find(names.begin(), names.end(), column) != names.end()) return;
    throw error(setting + " '" + column + "' is not a column of the data" + did_you_mean(column, names), source);
}

inline void require_column(const frame& data, const std::string& column, const std::string& setting,
                           const std::string& source) {
    if (column.empty() || data.has(column)) return;
    require_column(data.names(), column, setting, source);
}

}  // namespace lolpop::detail
