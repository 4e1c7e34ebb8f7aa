#include <lolpop/data/dense_matrix.hpp>

#include <algorithm>
#include <limits>
#include <utility>

namespace lolpop {

dense_matrix dense_matrix::for_overwrite(std::size_t rows, row_layout columns) {
    dense_matrix m;
    m.rows_ = rows;
    m.columns_ = std::move(columns);
    m.values_ = std::make_unique_for_overwrite<float[]>(rows * m.columns_.size());
    return m;
}

dense_matrix::dense_matrix(std::size_t rows, row_layout columns) : dense_matrix(for_overwrite(rows, std::move(columns))) {
    std::fill_n(values_.get(), rows_ * cols(), std::numeric_limits<float>::quiet_NaN());
}

dense_matrix::dense_matrix(const dense_matrix& other) : dense_matrix(for_overwrite(other.rows_, other.columns_)) {
    std::copy_n(other.values_.get(), rows_ * cols(), values_.get());
}

dense_matrix& dense_matrix::operator=(const dense_matrix& other) {
    if (this != &other) *this = dense_matrix(other);
    return *this;
}

}  // namespace lolpop
