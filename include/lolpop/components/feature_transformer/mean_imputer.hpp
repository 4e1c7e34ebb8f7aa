#pragma once
// mean_imputer — replaces missing values by the column's training mean, as scikit-learn's
// SimpleImputer(strategy="mean"). Integer columns come out numeric, since a mean need not be whole.
// Settings, fit, transform, plan and state: detail::fill_imputer.
#include <lolpop/components/feature_transformer/detail/fill_imputer.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/core/context.hpp>

#include <string_view>

namespace lolpop {

class mean_imputer : public detail::fill_imputer {
public:
    static constexpr std::string_view name = "mean_imputer";

    mean_imputer(const config& settings, context& ctx);
};

}  // namespace lolpop

static_assert(lolpop::row_feature_transformer<lolpop::mean_imputer>);
