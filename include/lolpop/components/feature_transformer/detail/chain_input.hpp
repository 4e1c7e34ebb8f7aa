#pragma once
// The columns a feature_chain reads from a frame, found by name and checked once per frame, so that
// its fused pass only loads values: numbers as doubles, categories as codes with their meaning.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lolpop::detail {

class chain_input {
public:
    // X's columns in the order of `fitted` (the layout the chain was fitted on). Throws
    // lolpop::error naming `where` when one is missing, or holds categories where numbers were
    // fitted. A column fitted as categorical that X holds as numbers is read by its text.
    // X must outlive this object.
    chain_input(const row_layout& fitted, const frame& X, std::string_view where);
    chain_input(const chain_input&) = delete;
    chain_input& operator=(const chain_input&) = delete;

    std::size_t rows() const noexcept { return rows_; }
    // The columns as X holds them (its types, its categories), in fitted order.
    const row_layout& layout() const noexcept { return layout_; }
    const column& source(std::size_t j) const noexcept { return *columns_[j]; }
    // Column j's values as doubles (numeric and integer columns), NaN where missing.
    const double* numbers(std::size_t j) const noexcept { return numbers_[j]; }
    // Column j's codes (categorical columns), -1 where missing.
    const std::int32_t* codes(std::size_t j) const noexcept { return codes_[j]; }
    // Categorical column j as row values: its codes as doubles (NaN where missing), or with
    // `fitted`, the codes of the same labels in the fitted categories (NaN for a label fitting
    // never saw), which is what a model trained on the fitted codes reads.
    std::vector<double> code_values(std::size_t j, bool fitted) const;

private:
    std::size_t rows_ = 0;
    row_layout layout_;
    std::vector<std::optional<column>> converted_;  // integer columns as numbers, numbers as categories
    std::vector<const column*> columns_;
    std::vector<const double*> numbers_;
    std::vector<const std::int32_t*> codes_;
    std::vector<std::vector<double>> fitted_codes_;  // by code
};

}  // namespace lolpop::detail
