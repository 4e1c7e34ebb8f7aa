#pragma once
// Suggestions for misspelled names, shared by every "unknown name" error.
#include <span>
#include <string>
#include <string_view>

namespace lolpop {

// The candidate closest to `name` by edit distance, or "" when none is close enough.
std::string closest_name(std::string_view name, std::span<const std::string_view> candidates);
std::string closest_name(std::string_view name, std::span<const std::string> candidates);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view name, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view name, std::span<const std::string> candidates);

}  // namespace lolpop
