#pragma once
// What a trained model returns for a frame of features.
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

}  // namespace lolpop
