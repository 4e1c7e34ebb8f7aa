#include "detail/xgboost_c_api.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/row_layout.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
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

frame_features::frame_features(const std::vector<xgboost_feature>& features, const frame& X, std::string_view where)
    : rows_(X.rows()) {
    converted_.reserve(features.size());  // moving a vector keeps its values where `sources_` points
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
                sources_.push_back(c.numeric_values().data());
                continue;
            }
            converted_.push_back(row_values(c));
            sources_.push_back(converted_.back().data());
            continue;
        }
        std::unordered_map<std::string_view, double> index;
        for (std::size_t k = 0; k < f.categories.size(); ++k) index.emplace(f.categories[k], static_cast<double>(k));
        auto lookup = [&](std::string_view label) {
            auto it = index.find(label);
            return it == index.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
        };
        std::vector<double> values(rows_, std::numeric_limits<double>::quiet_NaN());
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
        converted_.push_back(std::move(values));
        sources_.push_back(converted_.back().data());
    }
}

void frame_features::fill(std::size_t begin, std::size_t end, float* out) const {
    // A tile of rows at a time, column by column within it: each column is read in runs of `tile`
    // values, which the hardware prefetches, and the tile's rows (tile * cols() floats) stay in the
    // first-level cache while the columns are spread into them.
    constexpr std::size_t tile = 256;
    const std::size_t width = sources_.size();
    for (std::size_t first = begin; first < end; first += tile) {
        const std::size_t last = std::min(end, first + tile);
        for (std::size_t j = 0; j < width; ++j) {
            const double* const column = sources_[j];
            float* to = out + (first - begin) * width + j;
            for (std::size_t i = first; i < last; ++i, to += width) *to = static_cast<float>(column[i]);
        }
    }
}

std::unique_ptr<float[]> dense_features(const std::vector<xgboost_feature>& features, const frame& X,
                                        std::string_view where) {
    const frame_features reader(features, X, where);
    auto out = std::make_unique_for_overwrite<float[]>(reader.rows() * reader.cols());  // fill writes every value
    reader.fill(0, reader.rows(), out.get());  // in tiles of its own, so one call is as fast as chunks
    return out;
}

int prediction_end(const xgboost_model& model) noexcept {
    return model.best_iteration() + 1 < model.boosted_rounds() ? model.best_iteration() + 1 : 0;
}

}  // namespace lolpop::detail
