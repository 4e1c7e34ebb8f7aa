#pragma once
#include <string_view>

namespace lolpop {

// What a model predicts; the runner decides, trainers and metrics follow.
enum class problem_type { binary, multiclass, regression };

std::string_view to_string(problem_type p) noexcept;

}  // namespace lolpop
