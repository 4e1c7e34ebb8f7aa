#include <lolpop/components/feature_transformer/median_imputer.hpp>

#include <algorithm>

namespace lolpop {

namespace {

// numpy's median: the middle value, or the two middle values summed and halved.
double median_of(std::vector<double> values) {
    const std::size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    const double high = values[middle];
    if (values.size() % 2 == 1) return high;
    const double low = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
    return (low + high) / 2;
}

}  // namespace

median_imputer::median_imputer(const config& settings, context&) : fill_imputer(settings, name, median_of) {}

}  // namespace lolpop
