#pragma once
// median_imputer — replaces missing values by the column's training median (the mean of the two
// middle values for an even count), as scikit-learn's SimpleImputer(strategy="median"). Integer
// columns come out numeric, since a median need not be whole.
// Settings, fit, transform, plan and state: detail::fill_imputer.
#include <lolpop/components/feature_transformer/detail/fill_imputer.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>

namespace lolpop {

class median_imputer : public detail::fill_imputer {
public:
    static constexpr std::string_view name = "median_imputer";

    median_imputer(const config& settings, context& ctx);
};

}  // namespace lolpop

static_assert(lolpop::row_feature_transformer<lolpop::median_imputer>);
