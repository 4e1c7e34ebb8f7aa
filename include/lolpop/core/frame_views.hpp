#pragma once
// Lazy views of a frame's columns and of a column's rows, for code that would otherwise copy them
// out or walk them by index. A view refers to the frame or column it was made from, which must
// outlive it. Kept out of frame.hpp so that only the code that walks a frame this way pays for
// range-v3's headers.
#include <lolpop/core/frame.hpp>

#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>

#include <cstddef>

namespace lolpop::views {

// The names of the columns, in column order (const std::string&, no copies).
inline auto column_names(const frame& f) { return f.columns() | ranges::views::transform(&column::name); }

// The rows of `c` that hold a value, in ascending order.
inline auto present_rows(const column& c) {
    return ranges::views::iota(std::size_t{0}, c.size()) |
           ranges::views::filter([&c](std::size_t row) { return !c.is_missing(row); });
}

// The values of `c` row by row as column::as_double gives them: NaN where missing, the code for
// a categorical. Counted in std::ptrdiff_t: an iota of std::size_t has a difference type wider
// than any integer, and copying it into a vector then trips GCC 12's -O3 loop warning.
inline auto as_doubles(const column& c) {
    return ranges::views::iota(std::ptrdiff_t{0}, static_cast<std::ptrdiff_t>(c.size())) |
           ranges::views::transform([&c](std::ptrdiff_t row) { return c.as_double(static_cast<std::size_t>(row)); });
}

}  // namespace lolpop::views
