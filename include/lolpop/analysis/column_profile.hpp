#pragma once
// Per-column statistics of a frame, typed, for profiles, comparisons and the run report.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lolpop {

struct column_profile {
    // Of the present values, as pandas' describe() gives them: stddev is the sample standard
    // deviation (NaN for a single value); quantiles interpolate linearly between the two nearest
    // values, as numpy.quantile does by default.
    struct numeric_stats {
        double mean = 0;
        double stddev = 0;
        double min = 0;
        double q25 = 0;
        double median = 0;
        double q75 = 0;
        double max = 0;
    };
    struct value_count {
        std::string value;  // as column::to_string gives it
        std::size_t count = 0;
    };
    // [lower, upper); the last bin also holds its upper edge.
    struct bin {
        double lower = 0;
        double upper = 0;
        std::size_t count = 0;
    };

    std::string name;
    column_type type = column_type::numeric;
    std::size_t count = 0;     // present values
    std::size_t missing = 0;
    std::size_t distinct = 0;  // distinct present values
    // Numeric and integer columns with at least one present value.
    std::optional<numeric_stats> numeric;
    // The most frequent present values, most frequent first, ties in ascending value order.
    std::vector<value_count> top_values;
    // Numeric and integer columns with at least one present value: equal-width bins from min to
    // max (numpy.histogram's edges; a constant column gets one unit-wide range around its value).
    std::vector<bin> histogram;

    // missing / (count + missing); 0 for an empty column.
    double missing_fraction() const noexcept;
};

// One profile per column, in the frame's order. Throws lolpop::error unless bins >= 1 and
// top_values >= 0.
std::vector<column_profile> profile_columns(const frame& data, int bins = 10, int top_values = 5);

}  // namespace lolpop
