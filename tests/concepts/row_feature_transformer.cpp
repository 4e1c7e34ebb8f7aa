// lolpop::row_feature_transformer: one hand-made transformer per requirement, each lacking only that one.
#include <lolpop/concepts/row_feature_transformer.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>

namespace {

struct scale {
    double factor = 1;
    double operator()(double v) const { return v * factor; }
};
struct skipped_scale : scale {
    bool active = true;
    double apply(double v) const { return v * factor; }
};
struct vector_scale : scale {
    static constexpr bool vectorizes = true;
};
struct no_vector_scale : scale {
    static constexpr bool vectorizes = false;
};
// Not trivially copyable: a block of these cannot be copied into a vector loop.
struct table_scale : scale {
    static constexpr bool vectorizes = true;
    std::string unit;
};
struct float_op {
    float operator()(float v) const { return v; }
};
struct immovable_op {
    immovable_op() = default;
    immovable_op(const immovable_op&) = delete;
    double operator()(double v) const { return v; }
};

template <class Op, bool Save, bool Load, bool Plan>
struct transformer : archetype::component_base {
    using component_base::component_base;
    using cell_op = Op;
    void fit(const lolpop::frame&);
    lolpop::frame transform(const lolpop::frame&);
    std::string save_state() const
        requires Save;
    void load_state(std::string_view)
        requires Load;
    lolpop::row_plan<Op> plan(const lolpop::row_layout&) const
        requires Plan;
};

static_assert(lolpop::row_feature_transformer<transformer<scale, true, true, true>>);
static_assert(lolpop::row_feature_transformer<transformer<skipped_scale, true, true, true>>);
static_assert(!lolpop::has_fitted_state<transformer<scale, false, true, true>> &&
              !lolpop::row_feature_transformer<transformer<scale, false, true, true>>);
static_assert(!lolpop::has_fitted_state<transformer<scale, true, false, true>> &&
              !lolpop::row_feature_transformer<transformer<scale, true, false, true>>);
static_assert(!lolpop::has_row_plan<transformer<scale, true, true, false>> &&
              !lolpop::row_feature_transformer<transformer<scale, true, true, false>>);
// The cell op computes a double from a double and is a plain value.
static_assert(!lolpop::has_cell_op<transformer<float_op, true, true, true>> &&
              !lolpop::row_feature_transformer<transformer<float_op, true, true, true>>);
static_assert(!lolpop::has_cell_op<transformer<immovable_op, true, true, true>>);
// Row-wise is more than feature_transformer: a transformer without a plan is still one.
static_assert(lolpop::feature_transformer<transformer<scale, false, false, false>>);

static_assert(lolpop::skippable_cell_op<skipped_scale> && !lolpop::skippable_cell_op<scale>);
static_assert(lolpop::vectorizable_cell_op<vector_scale>);
static_assert(!lolpop::vectorizable_cell_op<scale> && !lolpop::vectorizable_cell_op<no_vector_scale>);
static_assert(table_scale::vectorizes && !lolpop::vectorizable_cell_op<table_scale>);

}  // namespace
