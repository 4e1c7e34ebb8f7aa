#pragma once
// lolpop::row_feature_transformer — a feature_transformer that works value by value within a row,
// saves what it learned, and so can be fused with others into one pass (lolpop::feature_chain).
//
// Requirements
//   feature_transformer<T>                               fit(frame), transform(frame) -> frame
//   T::cell_op                                           semiregular; op(double) const -> double
//   optionally: op.active (bool) and op.apply(double) -> double, for an op that some columns skip
//   optionally: static constexpr bool vectorizes = true, for a trivially copyable op that only
//               computes and selects (no call, no lookup), so that feature_chain may run it on a
//               block of a column at once, several values per instruction
//   t.plan(const lolpop::row_layout& in) const -> lolpop::row_plan<T::cell_op>
//   t.save_state() const -> std::string                  what fit learned, as bytes
//   t.load_state(std::string_view bytes)                 back to the fitted transformer
// Semantics
//   Rows are doubles laid out as lolpop::row_layout documents (categorical values are codes into
//   the layout's categories, NaN is missing). plan(in) says, for rows of layout `in`, which
//   input value and which cell_op make each output value; it throws lolpop::error when `in` lacks
//   a column fit saw or has it with another type, and before fit. transform(X) equals applying
//   plan(layout_of(X)) to every row of X (lolpop::transform_frame). load_state(save_state())
//   plans and transforms exactly as the saved transformer; load_state throws lolpop::error for
//   bytes save_state did not write. Settings choose the columns; empty means every column the
//   step applies to (numbers for imputers, scalers, log_transform and clip; categories for
//   encoders); the other columns pass through unchanged.
//   An op with `active` is op(v) == (op.active ? op.apply(v) : v); feature_chain decides once per
//   column which version of its loop runs, so the values of a column nobody logs are not asked.
//   An op that vectorizes must give the same value whether computed alone or with others: plain
//   IEEE operations and selects, as in clip, the scalers and the imputers.
// Models
//   mean_imputer, median_imputer, standard_scaler, min_max_scaler, one_hot_encoder,
//   ordinal_encoder, log_transform, clip.
// Example
//   given: lolpop::context& ctx, const lolpop::frame& train, const lolpop::frame& test
//   lolpop::standard_scaler scaler({}, ctx);
//   scaler.fit(train);
//   auto plan = scaler.plan(lolpop::layout_of(test));   // plan.cells[k].op(x) scales one value
#include <lolpop/concepts/feature_transformer.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>

namespace lolpop {

template <class T>
concept has_fitted_state = requires(T& t, const T& fitted, std::string_view bytes) {
    { fitted.save_state() } -> std::same_as<std::string>;
    t.load_state(bytes);
};

template <class T>
concept has_cell_op = requires { typename T::cell_op; } && std::semiregular<typename T::cell_op> &&
                      requires(const typename T::cell_op& op, double v) {
                          { op(v) } -> std::same_as<double>;
                      };

// A cell_op that some columns skip (see above).
template <class Op>
concept skippable_cell_op = requires(const Op& op, double v) {
    { op.active } -> std::convertible_to<bool>;
    { op.apply(v) } -> std::same_as<double>;
};

// A cell_op that declares it vectorizes (see above).
template <class Op>
concept vectorizable_cell_op = std::is_trivially_copyable_v<Op> && requires {
    requires Op::vectorizes;
};

template <class T>
concept has_row_plan = has_cell_op<T> && requires(const T& t, const row_layout& in) {
    { t.plan(in) } -> std::same_as<row_plan<typename T::cell_op>>;
};

template <class T>
concept row_feature_transformer = feature_transformer<T> && has_fitted_state<T> && has_row_plan<T>;

}  // namespace lolpop
