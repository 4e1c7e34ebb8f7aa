#pragma once
// A time column read as points on one axis, so that rows can be put in time order and a time can
// be moved forward by a number of steps.
//
// Numeric and integer columns are points as they are. Categorical columns hold ISO 8601 text:
// dates (YYYY-MM-DD) or date-times (YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, a space instead of
// the T, an optional trailing Z), read as seconds since 1970-01-01T00:00:00 UTC. Time zone offsets
// and fractions of a second are not accepted: a series that mixes zones has no single step.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class time_points {
public:
    // Throws lolpop::error naming `where` and the row (1-based) for a missing value or a text
    // that is not an ISO 8601 date or date-time.
    time_points(const column& times, std::string_view where);

    std::size_t size() const noexcept { return values_.size(); }
    // The row's position on the axis: the number itself, or seconds since 1970 for text.
    double operator[](std::size_t row) const { return values_[row]; }

    // The rows in time order; rows at the same time keep their order.
    std::vector<std::size_t> order() const;

    // The time `offset` axis units after each of `rows`, as a column named `name` typed like the
    // source: numbers stay numeric or integer, text is written as ISO 8601 again (a date when the
    // source held dates only and the offset is whole days, YYYY-MM-DDTHH:MM:SS otherwise).
    column shifted(std::string name, std::span<const std::size_t> rows, double offset) const;

private:
    column_type type_;
    bool dates_only_ = true;
    std::vector<double> values_;
};

}  // namespace lolpop
