#pragma once
// What a fitted per-column feature transformer holds: the columns it applies to and one op each.
#include <string>
#include <vector>

namespace lolpop::detail {

template <class Op>
struct fitted_ops {
    bool fitted = false;
    std::vector<std::string> columns;
    std::vector<Op> ops;  // ops[k] for columns[k]
};

}  // namespace lolpop::detail
