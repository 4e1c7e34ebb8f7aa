#include <lolpop/components/feature_transformer/mean_imputer.hpp>

namespace lolpop {

namespace {

// Summed in row order, as numpy sums a column of a row-major array.
double mean_of(std::vector<double> values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

}  // namespace

mean_imputer::mean_imputer(const config& settings, context&) : fill_imputer(settings, name, mean_of) {}

}  // namespace lolpop
