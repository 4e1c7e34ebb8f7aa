#pragma once
// A row-major matrix of floats with named columns: the layout XGBoost (and most numeric
// libraries) read without a copy. Value (r, c) is at data()[r * cols() + c]; NaN is missing; a
// categorical column holds the index of its label in columns()[c].categories.
#include <lolpop/data/row_layout.hpp>

#include <cstddef>
#include <memory>
#include <span>

namespace lolpop {

class dense_matrix {
public:
    dense_matrix() = default;
    // Every value missing (NaN).
    dense_matrix(std::size_t rows, row_layout columns);
    // Values left unset, for a producer that writes each of them once before anything reads it:
    // large matrices are not filled twice.
    static dense_matrix for_overwrite(std::size_t rows, row_layout columns);

    dense_matrix(const dense_matrix& other);
    dense_matrix& operator=(const dense_matrix& other);
    dense_matrix(dense_matrix&&) noexcept = default;
    dense_matrix& operator=(dense_matrix&&) noexcept = default;

    std::size_t rows() const noexcept { return rows_; }
    std::size_t cols() const noexcept { return columns_.size(); }
    const row_layout& columns() const noexcept { return columns_; }

    float* data() noexcept { return values_.get(); }
    const float* data() const noexcept { return values_.get(); }
    std::span<float> row(std::size_t r) noexcept { return {values_.get() + r * cols(), cols()}; }
    std::span<const float> row(std::size_t r) const noexcept { return {values_.get() + r * cols(), cols()}; }
    float operator()(std::size_t r, std::size_t c) const noexcept { return values_[r * cols() + c]; }

private:
    std::size_t rows_ = 0;
    row_layout columns_;
    std::unique_ptr<float[]> values_;
};

}  // namespace lolpop
