#pragma once
// What random_splitter and stratified_splitter share: ratio checks, a portable shuffle and the
// assembly of the parts.
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/split.hpp>

#include <cstddef>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop::detail {

// Throws lolpop::error naming "<component>.<ratio>" or "<component>".
void check_split_ratios(double train, double valid, double test, std::string_view component);

// Fisher-Yates driven only by mt19937_64's raw output, which the standard fixes, unlike
// std::shuffle and the distributions.
void shuffle_rows(std::vector<std::size_t>& rows, std::mt19937_64& rng);

// Where train ends and where validation ends for n rows; rounding the cumulative ratios keeps
// the parts adding up to n.
std::pair<std::size_t, std::size_t> split_points(std::size_t n, double train, double valid);

// The target column; throws lolpop::error naming `component` when it is absent (with a
// did-you-mean) or has a missing value.
const column& split_target(const frame& data, const std::string& target, std::string_view component);

// The rows of each part of a split, in the order the part lists them.
struct row_parts {
    std::span<const std::size_t> train, valid, test;
};

// `rows` cut at the ends of train and validation (split_points): [0, train_end),
// [train_end, valid_end), [valid_end, rows.size()).
row_parts cut_rows(std::span<const std::size_t> rows, std::size_t train_end, std::size_t valid_end);

// The parts of `data` that `rows` lists, logged at info through `ctx` as "<component>: split N
// rows: train A, valid B, test C".
data_split assemble_split(const frame& data, const std::string& target, const row_parts& rows, const context& ctx,
                          std::string_view component);

}  // namespace lolpop::detail
