#include <lolpop/core/problem.hpp>

namespace lolpop {

std::string_view to_string(problem_type p) noexcept {
    switch (p) {
        case problem_type::binary: return "binary";
        case problem_type::multiclass: return "multiclass";
        case problem_type::regression: return "regression";
    }
    return "unknown";
}

}  // namespace lolpop
