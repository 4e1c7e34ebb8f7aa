#pragma once
// What random_splitter and stratified_splitter share: ratio checks, a portable shuffle and the
// assembly of the parts.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/split.hpp>

#include <cstddef>
#include <random>
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

data_split assemble_split(const frame& data, const std::string& target, const std::vector<std::size_t>& train,
                          const std::vector<std::size_t>& valid, const std::vector<std::size_t>& test);

}  // namespace lolpop::detail
