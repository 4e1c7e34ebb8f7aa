#pragma once
// The categories the encoders learn: the labels that occur, sorted as scikit-learn sorts them.
#include "detail/row_step.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

// The labels of the rows of `c`, sorted by text (byte order, which is code point order in
// UTF-8, as Python sorts): a split part keeps its whole column's category list, but only the
// labels it holds are learned from it.
inline std::vector<std::string> present_categories(const column& c) {
    std::vector<bool> seen(c.categories().size(), false);
    for (const std::int32_t code : c.codes())
        if (code >= 0) seen[static_cast<std::size_t>(code)] = true;
    std::vector<std::string> out;
    for (std::size_t k = 0; k < seen.size(); ++k)
        if (seen[k]) out.push_back(c.categories()[k]);
    std::sort(out.begin(), out.end());
    return out;
}

// A saved state's categories must be what fit writes: sorted, without repeats.
inline void require_sorted_categories(const fitted_column& c, std::string_view step) {
    if (std::adjacent_find(c.labels.begin(), c.labels.end(), std::greater_equal<>()) != c.labels.end())
        throw error("not a saved " + std::string(step) + " state",
                    std::string(step) + ".load_state: the categories of column '" + c.name + "' are not sorted");
}

}  // namespace lolpop::detail
