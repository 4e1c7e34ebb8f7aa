#pragma once
// What a trained model returns for a frame of features.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lolpop {

// Class probabilities, row-major: probability(row, k) for class k of `classes`.
struct class_probabilities {
    std::vector<std::string> classes;
    std::vector<double> values;
    std::size_t rows() const noexcept { return classes.empty() ? 0 : values.size() / classes.size(); }
    double operator()(std::size_t row, std::size_t k) const { return values[row * classes.size() + k]; }
};

// Labels (or values, for regression) and, when asked for, class probabilities of the same rows.
struct predictions {
    column predicted{"", column_type::numeric};
    class_probabilities proba;  // empty unless asked for
};

}  // namespace lolpop
