#include <lolpop/components/feature_transformer/detail/chain_input.hpp>

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <limits>
#include <string>
#include <unordered_map>

namespace lolpop::detail {

chain_input::chain_input(const row_layout& fitted, const frame& X, std::string_view where)
    : rows_(X.rows()),
      converted_(fitted.size()),
      columns_(fitted.size(), nullptr),
      numbers_(fitted.size(), nullptr),
      codes_(fitted.size(), nullptr),
      fitted_codes_(fitted.size()) {
    for (std::size_t j = 0; j < fitted.size(); ++j) {
        const layout_column& f = fitted[j];
        if (!X.has(f.name)) {
            const auto names = X.names();
            throw error(fmt::format("the data has no column '{}', which the feature transformers were fitted on{}", f.name,
                                    did_you_mean(f.name, names)),
                        std::string(where));
        }
        const column& c = X[f.name];
        columns_[j] = &c;
        if (f.type != column_type::categorical) {
            if (c.type() == column_type::categorical)
                throw error(fmt::format("column '{}' is categorical, but the feature transformers were fitted on it as {}",
                                        f.name, to_string(f.type)),
                            std::string(where));
            if (c.type() == column_type::integer) converted_[j] = c.cast(column_type::numeric);
            numbers_[j] = (converted_[j] ? *converted_[j] : c).numeric_values().data();
            layout_.push_back({c.name(), c.type(), {}});
            continue;
        }
        if (c.type() != column_type::categorical) {
            converted_[j] = c.cast(column_type::categorical);
            columns_[j] = &*converted_[j];
        }
        const column& categories = *columns_[j];
        codes_[j] = categories.codes().data();
        layout_.push_back({categories.name(), column_type::categorical, categories.categories()});

        std::unordered_map<std::string_view, double> fitted_code;
        for (std::size_t k = 0; k < f.categories.size(); ++k) fitted_code.emplace(f.categories[k], static_cast<double>(k));
        const auto& labels = categories.categories();
        fitted_codes_[j].assign(labels.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t k = 0; k < labels.size(); ++k)
            if (const auto it = fitted_code.find(labels[k]); it != fitted_code.end()) fitted_codes_[j][k] = it->second;
    }
}

std::vector<double> chain_input::code_values(std::size_t j, bool fitted) const {
    const std::int32_t* codes = codes_[j];
    const double* table = fitted_codes_[j].data();
    std::vector<double> out(rows_, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < rows_; ++i)
        if (codes[i] >= 0) out[i] = fitted ? table[codes[i]] : static_cast<double>(codes[i]);
    return out;
}

}  // namespace lolpop::detail
