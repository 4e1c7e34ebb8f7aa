#pragma once
// The columns of a row of doubles, as row-wise feature transformers read and write it.
//
// A row holds one double per column: a numeric or integer column's value, a categorical column's
// code (the index of its label in `categories`), and NaN for a missing value of any type.
#include <lolpop/core/frame.hpp>

#include <string>
#include <vector>

namespace lolpop {

struct layout_column {
    std::string name;
    column_type type = column_type::numeric;
    std::vector<std::string> categories;  // categorical columns only: what their codes index

    friend bool operator==(const layout_column&, const layout_column&) = default;
};

using row_layout = std::vector<layout_column>;

// The layout of a frame's rows: its columns' names, types and categories, in order.
row_layout layout_of(const frame& X);

// A column's values as row values (see above), one per row.
std::vector<double> row_values(const column& c);

}  // namespace lolpop
