#pragma once
// Features and target kept apart, as a splitter hands them to a trainer.
#include <lolpop/core/frame.hpp>

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

}  // namespace lolpop
