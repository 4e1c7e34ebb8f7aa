#pragma once
// Features and target kept apart, as a splitter hands them to a trainer.
#include <lolpop/core/frame.hpp>

#include <cstddef>

namespace lolpop {

struct labeled_data {
    frame X;
    column y{"", column_type::numeric};
};

// Validation and test parts may be empty (zero rows) when the ratios give them none.
struct data_split {
    labeled_data train;
    labeled_data valid;
    labeled_data test;
};

// How many rows each part of a split has (the train outcome and the run report show them).
struct split_sizes {
    std::size_t train = 0;
    std::size_t valid = 0;
    std::size_t test = 0;
};

inline split_sizes sizes_of(const data_split& s) noexcept { return {s.train.y.size(), s.valid.y.size(), s.test.y.size()}; }

}  // namespace lolpop
