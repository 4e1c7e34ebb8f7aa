#pragma once
// lolpop::feature_chain<Steps...> — row-wise feature transformers composed at compile time into one
// pass over the data. A profile writes it as a list:
//   [train.components]
//   feature_transformer = ["median_imputer", "one_hot_encoder", "standard_scaler"]
//   [train.feature_transformer.one_hot_encoder]
//   columns = ["Origin"]
//
// fit(X) fits each step on what the steps before it make of X, as scikit-learn's Pipeline does.
// transform_dense(X) then makes one pass: each value of X is loaded once, sent through every
// step's cell_op (plain inlined calls: no intermediate frame, no virtual call) and written once
// into a row-major float matrix, the layout XGBoost predicts from. (Categorical columns are first
// read into their codes as doubles, once per column, so that the pass only loads doubles.)
// transform(X) is the same pass into a frame; columns no step changes are X's own columns. Both
// equal applying the steps' own transform(frame) one after the other, the dense one as floats.
// A step whose op some columns skip (log_transform's, for the columns it does not log) is decided
// once per column rather than per value: the pass has one loop per combination of skipped steps.
//
// Categorical columns that no step encodes reach the dense matrix as the index of their label in
// the categories the chain was fitted on (missing for a label fitting never saw), so a model fitted
// on the chain's output reads new data exactly as its training data.
#include <lolpop/components/feature_transformer/detail/chain_input.hpp>
#include <lolpop/components/feature_transformer/detail/chain_state.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/cpu_dispatch.hpp>
#include <lolpop/data/dense_matrix.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>
#include <lolpop/composition/settings.hpp>

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace lolpop {

// A chain has no settings of its own; its steps' settings are [<role>.feature_transformer.<step>].
struct feature_chain_config {};

// The slot of one step in a chain's settings, named after the step.
template <class T>
struct chain_step {
    static constexpr std::string_view name = T::name;
};

namespace detail {

template <class T>
struct check_chain_step {
    static_assert(row_feature_transformer<T>,
                  "feature_chain: this step does not model lolpop::row_feature_transformer (fit, transform, plan, "
                  "save_state, load_state); only row-wise transformers can be chained");
    static constexpr bool value = true;
};

// A stand-in op for a step that failed the check above, so that only that check is reported.
struct no_cell_op {
    double operator()(double v) const noexcept { return v; }
};
template <class T>
struct cell_op_of {
    using type = no_cell_op;
};
template <has_cell_op T>
struct cell_op_of<T> {
    using type = typename T::cell_op;
};

// For each step whose op some columns skip, its bit in a column's `skips` mask; -1 for the others.
template <class... Ops>
constexpr std::array<int, sizeof...(Ops)> skip_bits() {
    constexpr std::array<bool, sizeof...(Ops)> skippable{skippable_cell_op<Ops>...};
    std::array<int, sizeof...(Ops)> bits{};
    int next = 0;
    for (std::size_t i = 0; i < bits.size(); ++i) bits[i] = skippable[i] ? next++ : -1;
    return bits;
}

template <class... Steps>
constexpr bool distinct_step_names() {
    constexpr std::array<std::string_view, sizeof...(Steps)> names{Steps::name...};
    for (std::size_t i = 0; i < names.size(); ++i)
        for (std::size_t j = i + 1; j < names.size(); ++j)
            if (names[i] == names[j]) return false;
    return true;
}

}  // namespace detail

template <class... Steps>
class feature_chain {
    static_assert(sizeof...(Steps) > 0, "feature_chain: a chain needs at least one step");
    static_assert((detail::check_chain_step<Steps>::value && ...));
    // False when a step failed the check above. Clang goes on to instantiate the member functions
    // a pipeline calls even then; the ones that call what only row-wise steps have are empty for
    // such a chain, so that the check is all it reports (as with GCC).
    static constexpr bool chainable = (row_feature_transformer<Steps> && ...);
    static_assert(detail::distinct_step_names<Steps...>(),
                  "feature_chain: a transformer may appear only once in a chain, since its settings are named after it");

    using ops = std::tuple<typename detail::cell_op_of<Steps>::type...>;
    static constexpr std::array<int, sizeof...(Steps)> skip_bit = detail::skip_bits<typename detail::cell_op_of<Steps>::type...>();
    // Each combination of skipped steps is its own loop: 2^skippable instantiations.
    static constexpr unsigned skip_masks = 1u << (std::ranges::count_if(skip_bit, [](int b) { return b >= 0; }));
    // Whether skip mask `skips` leaves out step `step`.
    static constexpr bool skipped(unsigned skips, std::size_t step) {
        return skip_bit[step] >= 0 && (skips >> skip_bit[step] & 1u);
    }
    static_assert(skip_masks <= 16, "feature_chain: at most four steps whose ops some columns skip (log_transform)");

public:
    using config = feature_chain_config;
    using settings = composite_settings<config, bind<chain_step<Steps>, Steps>...>;
    static constexpr std::string_view name = "feature_chain";
    static constexpr std::array<std::string_view, sizeof...(Steps)> step_names{Steps::name...};

    // Every step with its default settings.
    feature_chain(const config&, context& ctx) : steps_(Steps(typename Steps::config{}, ctx)...) {}
    // Each step with its settings. A template only so that `feature_chain({}, ctx)` means the
    // constructor above rather than being ambiguous.
    template <std::same_as<settings> S>
    feature_chain(const S& s, context& ctx) : steps_(Steps(part<chain_step<Steps>>(s), ctx)...) {}

    void fit(const frame& X) {
        fitted_ = false;
        const frame* current = &X;
        frame transformed;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (fit_step<I>(current, transformed), ...);
        }(std::index_sequence_for<Steps...>{});
        fitted(layout_of(X));
    }

    frame transform(const frame& X) const {
        require_fitted();
        const detail::chain_input in(input_, X, "feature_chain.transform");
        const program p = compile(in.layout());
        std::vector<std::size_t> changed;
        for (std::size_t o = 0; o < p.source.size(); ++o)
            if (p.changes[o]) changed.push_back(o);
        std::vector<std::vector<double>> codes(2 * in.layout().size());
        const std::vector<entry> entries = entries_for(in, p, changed, false, codes);
        std::vector<std::vector<double>> computed(changed.size(), std::vector<double>(in.rows()));
        run(in.rows(), entries,
            [&computed](std::size_t i, std::size_t k, double v) __attribute__((always_inline)) { computed[k][i] = v; });

        std::vector<column> out;
        out.reserve(p.source.size());
        std::size_t k = 0;
        for (std::size_t o = 0; o < p.source.size(); ++o) {
            if (p.changes[o])
                out.push_back(column::numeric(p.output[o].name, std::move(computed[k++])));
            else
                out.push_back(in.source(p.source[o]));
        }
        return frame(std::move(out));
    }

    // The fused pass: X's rows through every step into one row-major float matrix whose columns
    // are output_layout().
    dense_matrix transform_dense(const frame& X) const {
        require_fitted();
        const detail::chain_input in(input_, X, "feature_chain.transform_dense");
        const program p = compile(in.layout());
        std::vector<std::size_t> all(p.source.size());
        for (std::size_t o = 0; o < all.size(); ++o) all[o] = o;
        std::vector<std::vector<double>> codes(2 * in.layout().size());
        const std::vector<entry> entries = entries_for(in, p, all, true, codes);
        dense_matrix out = dense_matrix::for_overwrite(in.rows(), output_);
        float* const values = out.data();
        const std::size_t width = out.cols();
        run(in.rows(), entries, [values, width](std::size_t i, std::size_t k, double v) __attribute__((always_inline)) {
            values[i * width + k] = static_cast<float>(v);
        });
        return out;
    }

    std::string save_state() const {
        require_fitted();
        if constexpr (chainable) {
            const std::vector<std::string> states =
                std::apply([](const Steps&... s) { return std::vector<std::string>{s.save_state()...}; }, steps_);
            return detail::save_chain_state(input_, step_names, states);
        } else {
            return {};
        }
    }

    // Throws lolpop::error for bytes another chain (other steps) or nothing saved, or whose steps
    // do not fit the layout saved with them.
    void load_state(std::string_view bytes) {
        fitted_ = false;
        detail::chain_state state = detail::load_chain_state(bytes, step_names);
        if constexpr (chainable) {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                (std::get<I>(steps_).load_state(state.states[I]), ...);
            }(std::index_sequence_for<Steps...>{});
        }
        fitted(std::move(state.input));
    }

    // The columns of the frames the chain was fitted on, and of what it makes of them.
    const row_layout& input_layout() const noexcept { return input_; }
    const row_layout& output_layout() const noexcept { return output_; }

    template <std::size_t I>
    const auto& step() const noexcept {
        return std::get<I>(steps_);
    }

private:
    // For rows of one layout: where each output column comes from and what each step does to it.
    struct program {
        row_layout output;
        std::vector<std::size_t> source;  // the input column
        std::vector<ops> cell_ops;        // one op per step
        std::vector<char> changes;        // false: the input column as it is
    };

    // One output column as the fused loop makes it: its input values, the ops they go through and
    // which of those ops it skips (bit skip_bit[I] for step I).
    struct entry {
        const double* values;
        ops cell_ops;
        unsigned skips = 0;
    };

    void require_fitted() const {
        if (!fitted_) throw error("used before fit: fit it on training data first", "feature_chain");
    }

    // Each step learns from what the steps before it make of the data.
    template <std::size_t I>
    void fit_step(const frame*& current, frame& transformed) {
        auto& step = std::get<I>(steps_);
        step.fit(*current);
        if constexpr (I + 1 < sizeof...(Steps)) {
            transformed = step.transform(*current);
            current = &transformed;
        }
    }

    // Planning the fitted layout also checks that loaded step states fit it.
    void fitted(row_layout input) {
        output_ = compile(input).output;
        input_ = std::move(input);
        fitted_ = true;
    }

    program compile(const row_layout& in) const {
        program p{in, std::vector<std::size_t>(in.size()), std::vector<ops>(in.size()), std::vector<char>(in.size(), 0)};
        for (std::size_t j = 0; j < in.size(); ++j) p.source[j] = j;
        [&]<std::size_t... I>(std::index_sequence<I...>) { (add_step<I>(p), ...); }(std::index_sequence_for<Steps...>{});
        return p;
    }

    template <std::size_t I>
    void add_step(program& p) const {
        if constexpr (chainable) {
            auto plan = std::get<I>(steps_).plan(p.output);
            const std::size_t n = plan.cells.size();
            program next{std::move(plan.output), std::vector<std::size_t>(n), std::vector<ops>(n), std::vector<char>(n, 0)};
            for (std::size_t k = 0; k < n; ++k) {
                const auto& cell = plan.cells[k];
                next.source[k] = p.source[cell.source];
                next.cell_ops[k] = p.cell_ops[cell.source];
                std::get<I>(next.cell_ops[k]) = cell.op;
                next.changes[k] = p.changes[cell.source] || cell.changes;
            }
            p = std::move(next);
        }
    }

    // The entries for `outputs` of `p`, in that order. Categorical inputs are read as row values
    // (codes as doubles) once per column into `codes` (two slots per input column: X's codes and
    // fitted codes), so that the fused loop only loads doubles; `to_fitted_codes` makes
    // unencoded categories the fitted codes (dense output) rather than X's.
    static std::vector<entry> entries_for(const detail::chain_input& in, const program& p,
                                          const std::vector<std::size_t>& outputs, bool to_fitted_codes,
                                          std::vector<std::vector<double>>& codes) {
        std::vector<entry> out;
        out.reserve(outputs.size());
        for (const std::size_t o : outputs) {
            const std::size_t j = p.source[o];
            const double* values = in.numbers(j);
            if (in.layout()[j].type == column_type::categorical) {
                const bool fitted = to_fitted_codes && p.output[o].type == column_type::categorical;
                std::vector<double>& coded = codes[2 * j + (fitted ? 1 : 0)];
                if (coded.empty()) coded = in.code_values(j, fitted);
                values = coded.data();
            }
            out.push_back({values, p.cell_ops[o], skips_of(p.cell_ops[o])});
        }
        return out;
    }

    static unsigned skips_of(const ops& cell_ops) {
        unsigned skips = 0;
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (..., [&] {
                if constexpr (skip_bit[I] >= 0)
                    if (!std::get<I>(cell_ops).active) skips |= 1u << skip_bit[I];
            }());
        }(std::index_sequence_for<Steps...>{});
        return skips;
    }

    // Step I's op on v, or v when the step is skippable and its bit is set in Skips.
    template <std::size_t I, unsigned Skips>
    [[gnu::always_inline]] static inline double apply_step(const ops& cell_ops, double v) {
        const auto& op = std::get<I>(cell_ops);
        if constexpr (skip_bit[I] < 0)
            return op(v);
        else if constexpr (skipped(Skips, I))
            return v;
        else
            return op.apply(v);
    }

    // Every step's op on v, leaving out the skippable ones whose bit is set in Skips. (Everything
    // the fused pass calls is always-inline, so that its AVX2 build compiles all of it for AVX2.)
    template <unsigned Skips>
    [[gnu::always_inline]] static inline double apply(const ops& cell_ops, double v) {
        [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
            (..., (v = apply_step<I, Skips>(cell_ops, v)));
        }(std::index_sequence_for<Steps...>{});
        return v;
    }

    // Whether every op a column runs under skip mask Skips vectorizes (the skipped ones need not).
    template <unsigned Skips>
    static constexpr bool vectorizes = []<std::size_t... I>(std::index_sequence<I...>) {
        return (... && (vectorizable_cell_op<std::tuple_element_t<I, ops>> || skipped(Skips, I)));
    }(std::index_sequence_for<Steps...>{});

    static constexpr std::size_t block = 256;

    // Rows [begin, end) of column k through its ops, each value to put(i, k, value). When the ops
    // vectorize, the values go through a copy of them (which nothing can alias, so it stays in
    // registers) into a block of doubles, in a loop the compiler vectorizes, and are put from
    // there. Otherwise each value goes straight from its ops to put.
    template <unsigned Skips, class Put>
    [[gnu::always_inline]] static inline void run_column(const entry& e, std::size_t k, std::size_t begin,
                                                         std::size_t end, Put& put) {
        const double* const values = e.values;
        if constexpr (vectorizes<Skips>) {
            const ops cell_ops = e.cell_ops;
            alignas(32) double staged[block];
            for (std::size_t i = begin; i < end; ++i) staged[i - begin] = apply<Skips>(cell_ops, values[i]);
            for (std::size_t i = begin; i < end; ++i) put(i, k, staged[i - begin]);
        } else {
            for (std::size_t i = begin; i < end; ++i) put(i, k, apply<Skips>(e.cell_ops, values[i]));
        }
    }

    // run_column compiled for AVX2 (see core/cpu_dispatch.hpp), with `put`, which must be
    // always-inline for that.
    template <unsigned Skips, class Put>
    LOLPOP_TARGET_AVX2 static void run_column_avx2(const entry& e, std::size_t k, std::size_t begin, std::size_t end,
                                                   Put& put) {
        run_column<Skips>(e, k, begin, end, put);
    }

    // Each output value from its input value through every step, written once. Rows go in blocks
    // small enough for the block's output to stay in the L1 cache, and within a block column by
    // column, so that a column's ops stay in registers while its values stream through them. The
    // columns whose ops vectorize run their AVX2 build when the processor has it.
    template <class Put>
    static void run(std::size_t rows, const std::vector<entry>& entries, Put put) {
        const bool avx2 = use_avx2();
        for (std::size_t begin = 0; begin < rows; begin += block) {
            const std::size_t end = begin + block < rows ? begin + block : rows;
            for (std::size_t k = 0; k < entries.size(); ++k) {
                const entry& e = entries[k];
                [&]<unsigned... Skips>(std::integer_sequence<unsigned, Skips...>) {
                    (void)((e.skips == Skips && (column_pass<Skips>(avx2, e, k, begin, end, put), true)) || ...);
                }(std::make_integer_sequence<unsigned, skip_masks>{});
            }
        }
    }

    // One block of one column: the AVX2 build of run_column when its ops vectorize and avx2 is set.
    template <unsigned Skips, class Put>
    static void column_pass(bool avx2, const entry& e, std::size_t k, std::size_t begin, std::size_t end, Put& put) {
        if constexpr (vectorizes<Skips>)
            if (avx2) return run_column_avx2<Skips>(e, k, begin, end, put);
        run_column<Skips>(e, k, begin, end, put);
    }

    std::tuple<Steps...> steps_;
    bool fitted_ = false;
    row_layout input_;
    row_layout output_;
};

}  // namespace lolpop

LOLPOP_NO_SETTINGS(lolpop::feature_chain_config);
