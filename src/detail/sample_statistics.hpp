#pragma once
// Summary statistics of a sample, shared by column profiles and drift measures.
#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

namespace lolpop::detail {

inline double mean_of(std::span<const double> values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

// The sample standard deviation (n - 1 in the denominator); NaN for fewer than two values.
inline double sample_std(std::span<const double> values, double mean) {
    if (values.size() < 2) return std::numeric_limits<double>::quiet_NaN();
    double squares = 0;
    for (double v : values) squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

// The q-quantile of ascending, non-empty values, interpolated linearly between the two nearest
// ranks (numpy.quantile's default), rounded as numpy rounds it: a value on a quantile edge must
// fall in the same bin here as in a reference computed with numpy.
inline double sorted_quantile(std::span<const double> sorted, double q) {
    const double position = static_cast<double>(sorted.size() - 1) * q;
    const auto below = static_cast<std::size_t>(std::floor(position));
    if (below + 1 >= sorted.size()) return sorted.back();
    const double t = position - static_cast<double>(below);
    const double a = sorted[below], b = sorted[below + 1];
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

}  // namespace lolpop::detail
