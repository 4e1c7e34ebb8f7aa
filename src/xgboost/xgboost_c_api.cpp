#include "xgboost_c_api.hpp"

#include <lolpop/core/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/row_layout.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>

namespace lolpop::detail {

// XGBoost's messages start with "[time] file:line: " and may carry a stack trace after the first
// line; the user needs the sentence in between.
std::string xgboost_message() {
    std::string_view m = XGBGetLastError();
    m = m.substr(0, m.find('\n'));
    if (m.starts_with('[')) {
        if (auto close = m.find("] "); close != std::string_view::npos) {
            auto rest = m.substr(close + 2);
            if (auto colon = rest.find(": "); colon != std::string_view::npos) rest = rest.substr(colon + 2);
            m = rest;
        }
    }
    return std::string(m);
}

void check(int rc, std::string_view where) {
    if (rc != 0) throw error("XGBoost: " + xgboost_message(), std::string(where));
}

// Each feature as one array of doubles (NaN where missing): numeric columns as X holds them, the
// others converted once, categories to the codes the model was trained with.
std::vector<std::vector<double>> converted_features(const std::vector<xgboost_feature>& features, const frame& X,
                                                     std::vector<const double*>& sources, std::string_view where) {
    std::vector<std::vector<double>> converted;
    converted.reserve(features.size());  // moving a vector keeps its values where `sources` points
    for (const xgboost_feature& f : features) {
        if (!X.has(f.name)) {
            const auto names = X.names();
            throw error("missing feature '" + f.name + "'" + did_you_mean(f.name, names), std::string(where));
        }
        const column& c = X[f.name];
        if (f.type != column_type::categorical) {
            if (c.type() == column_type::categorical)
                throw error("feature '" + f.name + "' is categorical but the model was trained on it as " +
                                std::string(to_string(f.type)),
                            std::string(where));
            if (c.type() == column_type::numeric) {
                sources.push_back(c.numeric_values().data());
                continue;
            }
            converted.push_back(row_values(c));
            sources.push_back(converted.back().data());
            continue;
        }
        std::unordered_map<std::string_view, double> index;
        for (std::size_t k = 0; k < f.categories.size(); ++k) index.emplace(f.categories[k], static_cast<double>(k));
        auto lookup = [&](std::string_view label) {
            auto it = index.find(label);
            return it == index.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
        };
        std::vector<double> values(X.rows(), std::numeric_limits<double>::quiet_NaN());
        if (c.type() == column_type::categorical) {
            std::vector<double> recode(c.categories().size());
            for (std::size_t k = 0; k < recode.size(); ++k) recode[k] = lookup(c.categories()[k]);
            const auto codes = c.codes();
            for (std::size_t i = 0; i < values.size(); ++i)
                if (codes[i] >= 0) values[i] = recode[static_cast<std::size_t>(codes[i])];
        } else {
            for (std::size_t i = 0; i < values.size(); ++i)
                if (!c.is_missing(i)) values[i] = lookup(c.to_string(i));
        }
        converted.push_back(std::move(values));
        sources.push_back(converted.back().data());
    }
    return converted;
}

std::vector<float> dense_features(const std::vector<xgboost_feature>& features, const frame& X,
                                  std::string_view where) {
    std::vector<const double*> sources;
    sources.reserve(features.size());
    const auto converted = converted_features(features, X, sources, where);
    // Rows in blocks whose output stays in the L1 cache, column by column within a block: each
    // value is read once and written once, and the strided writes stay in cache.
    constexpr std::size_t block = 256;
    const std::size_t rows = X.rows(), cols = sources.size();
    std::vector<float> out(rows * cols);
    for (std::size_t begin = 0; begin < rows; begin += block) {
        const std::size_t end = std::min(begin + block, rows);
        for (std::size_t j = 0; j < cols; ++j) {
            const double* const column = sources[j];
            for (std::size_t i = begin; i < end; ++i) out[i * cols + j] = static_cast<float>(column[i]);
        }
    }
    return out;
}

int prediction_end(const xgboost_model& model) noexcept {
    return model.best_iteration() + 1 < model.boosted_rounds() ? model.best_iteration() + 1 : 0;
}

}  // namespace lolpop::detail
