// lolpop::feature_transformer: one hand-made transformer per requirement, each lacking only that one.
#include <lolpop/concepts/feature_transformer.hpp>

#include "archetype.hpp"

namespace {

template <bool Fit, bool Transform>
struct transformer : archetype::component_base {
    using component_base::component_base;
    void fit(const lolpop::frame&)
        requires Fit;
    lolpop::frame transform(const lolpop::frame&)
        requires Transform;
};
static_assert(lolpop::feature_transformer<transformer<true, true>>);
static_assert(!lolpop::has_fit_frame<transformer<false, true>> && !lolpop::feature_transformer<transformer<false, true>>);
static_assert(!lolpop::has_transform<transformer<true, false>> && !lolpop::feature_transformer<transformer<true, false>>);
// A data_transformer is not a feature_transformer: it learns nothing.
static_assert(lolpop::data_transformer<transformer<false, true>>);

}  // namespace
