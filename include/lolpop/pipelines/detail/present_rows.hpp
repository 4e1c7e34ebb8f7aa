#pragma once
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <vector>

namespace lolpop::detail {

// The rows where `c` has a value: unlabeled rows can be predicted but neither train nor score.
inline std::vector<std::size_t> present_rows(const column& c) {
    std::vector<std::size_t> rows;
    rows.reserve(c.size());
    for (std::size_t i = 0; i < c.size(); ++i)
        if (!c.is_missing(i)) rows.push_back(i);
    return rows;
}

}  // namespace lolpop::detail
