#include "chain_workload.hpp"

#include <lolpop/data/cpu_dispatch.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <utility>

namespace lolpop_bench {

using namespace lolpop;

frame synthetic_features(std::size_t rows, std::size_t cols, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<column> columns;
    for (std::size_t j = 0; j < cols; ++j) {
        const double location = static_cast<double>(j % 4), spread = 0.5 + 0.25 * static_cast<double>(j % 3);
        std::vector<double> values(rows);
        for (double& v : values)
            v = uniform(rng) < 0.05 ? std::numeric_limits<double>::quiet_NaN() : std::exp(location + spread * normal(rng));
        columns.push_back(column::numeric(fmt::format("x{}", j), std::move(values)));
    }
    return frame(std::move(columns));
}

dense_matrix fused(const log_chain& fitted, const frame& X) { return fitted.transform_dense(X); }
dense_matrix fused(const scale_chain& fitted, const frame& X) { return fitted.transform_dense(X); }

namespace {

// Step I's plan for rows of `in`. The hand-written loops apply every step to every column in
// place, so a plan that drops, reorders or skips a column does not describe them.
template <std::size_t I, class Chain>
auto plan_of(const Chain& fitted, const row_layout& in) {
    auto plan = fitted.template step<I>().plan(in);
    if (plan.cells.size() != in.size()) throw error("a step changes the number of columns", "hand_written");
    for (std::size_t k = 0; k < plan.cells.size(); ++k)
        if (plan.cells[k].source != k || !plan.cells[k].changes)
            throw error("step " + std::to_string(I) + " leaves column " + in[k].name + " alone", "hand_written");
    return plan;
}

}  // namespace

hand_written::hand_written(const log_chain& fitted) { read_parameters<true>(fitted); }
hand_written::hand_written(const scale_chain& fitted) { read_parameters<false>(fitted); }

template <bool Log, class Chain>
void hand_written::read_parameters(const Chain& fitted) {
    constexpr std::size_t after_log = Log ? 1 : 0;
    const auto impute = plan_of<0>(fitted, fitted.input_layout());
    const row_layout before_scaling = [&] {
        if constexpr (Log)
            return plan_of<1>(fitted, impute.output).output;
        else
            return impute.output;
    }();
    const auto standardize = plan_of<1 + after_log>(fitted, before_scaling);
    const auto limit = plan_of<2 + after_log>(fitted, standardize.output);
    const auto rescale = plan_of<3 + after_log>(fitted, limit.output);
    for (std::size_t j = 0; j < impute.cells.size(); ++j) {
        names_.push_back(fitted.input_layout()[j].name);
        columns_.push_back({impute.cells[j].op.fill, standardize.cells[j].op.mean,
                            standardize.cells[j].op.scale, limit.cells[j].op.min, limit.cells[j].op.max,
                            rescale.cells[j].op.scale, rescale.cells[j].op.offset});
    }
    output_ = rescale.output;
    log_ = Log;
}

dense_matrix hand_written::transform(const frame& X) const { return log_ ? rows_one_by_one(X) : columns_in_blocks(X); }

namespace {

// Without log1p, which vectorizes nowhere, the transforms are a loop the compiler vectorizes,
// written as a programmer writes one for SIMD: a block of rows at a time, column by column, the
// column's parameters in locals, its block through all four transforms into a small buffer, then
// into the row-major output. columns_in_blocks runs its AVX2 build as the fused chain does.
constexpr std::size_t block = 256;

[[gnu::always_inline]] inline void scale_block(const hand_written::column_step c, const double* in, std::size_t n, float* out,
                                               std::size_t width) {
    alignas(32) double staged[block];
    for (std::size_t i = 0; i < n; ++i) {
        double v = in[i];
        v = std::isnan(v) ? c.fill : v;
        v = (v - c.mean) / c.scale;
        v = v < c.min ? c.min : (v > c.max ? c.max : v);
        staged[i] = v * c.range_scale + c.range_offset;
    }
    for (std::size_t i = 0; i < n; ++i) out[i * width] = static_cast<float>(staged[i]);
}

LOLPOP_TARGET_AVX2 void scale_block_avx2(const hand_written::column_step c, const double* in, std::size_t n, float* out,
                                         std::size_t width) {
    scale_block(c, in, n, out, width);
}

}  // namespace

dense_matrix hand_written::columns_in_blocks(const frame& X) const {
    const std::size_t rows = X.rows(), width = columns_.size();
    std::vector<const double*> in(width);
    for (std::size_t j = 0; j < width; ++j) in[j] = X[names_[j]].numeric_values().data();
    dense_matrix out = dense_matrix::for_overwrite(rows, output_);
    const bool avx2 = use_avx2();
    for (std::size_t begin = 0; begin < rows; begin += block) {
        const std::size_t n = std::min(block, rows - begin);
        for (std::size_t j = 0; j < width; ++j) {
            float* const to = out.data() + begin * width + j;
            if (avx2)
                scale_block_avx2(columns_[j], in[j] + begin, n, to, width);
            else
                scale_block(columns_[j], in[j] + begin, n, to, width);
        }
    }
    return out;
}

dense_matrix hand_written::rows_one_by_one(const frame& X) const {
    const std::size_t rows = X.rows(), width = columns_.size();
    std::vector<const double*> in(width);
    for (std::size_t j = 0; j < width; ++j) in[j] = X[names_[j]].numeric_values().data();
    dense_matrix out = dense_matrix::for_overwrite(rows, output_);
    float* const values = out.data();
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < width; ++j) {
            const column_step& c = columns_[j];
            double v = in[j][i];
            if (std::isnan(v)) v = c.fill;
            v = v > -1 ? std::log1p(v) : std::numeric_limits<double>::quiet_NaN();
            v = (v - c.mean) / c.scale;
            v = v < c.min ? c.min : (v > c.max ? c.max : v);
            v = v * c.range_scale + c.range_offset;
            values[i * width + j] = static_cast<float>(v);
        }
    }
    return out;
}

void virtual_chain::fit(const frame& X) {
    frame current = X;
    for (std::size_t k = 0; k < steps_.size(); ++k) {
        steps_[k]->fit(current);
        if (k + 1 < steps_.size()) current = steps_[k]->transform(current);
    }
}

dense_matrix virtual_chain::transform(const frame& X) const {
    frame current = steps_.front()->transform(X);
    for (std::size_t k = 1; k < steps_.size(); ++k) current = steps_[k]->transform(current);
    const std::size_t rows = current.rows(), width = current.cols();
    dense_matrix out = dense_matrix::for_overwrite(rows, layout_of(current));
    float* const values = out.data();
    for (std::size_t j = 0; j < width; ++j) {
        const auto column = current.columns()[j].numeric_values();
        for (std::size_t i = 0; i < rows; ++i) values[i * width + j] = static_cast<float>(column[i]);
    }
    return out;
}

bool same_values(const dense_matrix& a, const dense_matrix& b) {
    if (a.rows() != b.rows() || a.columns() != b.columns()) return false;
    for (std::size_t i = 0; i < a.rows() * a.cols(); ++i) {
        const float x = a.data()[i], y = b.data()[i];
        if (x != y && !(std::isnan(x) && std::isnan(y))) return false;
    }
    return true;
}

}  // namespace lolpop_bench
