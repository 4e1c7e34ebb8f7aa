#include "xgboost_c_api.hpp"

#include <lolpop/core/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <cstdint>
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

std::vector<float> dense_features(const std::vector<xgboost_feature>& features, const frame& X,
                                  std::string_view where) {
    const std::size_t rows = X.rows(), cols = features.size();
    std::vector<float> out(rows * cols, missing);
    for (std::size_t j = 0; j < cols; ++j) {
        const auto& f = features[j];
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
            for (std::size_t i = 0; i < rows; ++i) out[i * cols + j] = static_cast<float>(c.as_double(i));
            continue;
        }
        std::unordered_map<std::string_view, std::int32_t> index;
        for (std::size_t k = 0; k < f.categories.size(); ++k)
            index.emplace(f.categories[k], static_cast<std::int32_t>(k));
        auto lookup = [&](std::string_view label) {
            auto it = index.find(label);
            return it == index.end() ? missing : static_cast<float>(it->second);
        };
        if (c.type() == column_type::categorical) {
            std::vector<float> recode(c.categories().size());
            for (std::size_t k = 0; k < recode.size(); ++k) recode[k] = lookup(c.categories()[k]);
            const auto codes = c.codes();
            for (std::size_t i = 0; i < rows; ++i)
                if (codes[i] >= 0) out[i * cols + j] = recode[static_cast<std::size_t>(codes[i])];
        } else {
            for (std::size_t i = 0; i < rows; ++i)
                if (!c.is_missing(i)) out[i * cols + j] = lookup(c.to_string(i));
        }
    }
    return out;
}

int prediction_end(const xgboost_model& model) noexcept {
    return model.best_iteration() + 1 < model.boosted_rounds() ? model.best_iteration() + 1 : 0;
}

}  // namespace lolpop::detail
