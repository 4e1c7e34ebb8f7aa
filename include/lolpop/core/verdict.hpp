#pragma once
// The champion/challenger verdict: what the train step concluded about its new model against the
// deployed one, stored with the new model version for the deploy step (which may run as another
// process) to act on.
#include <optional>
#include <string_view>

namespace lolpop {

enum class champion_verdict {
    unopposed,     // no model was deployed, or the comparison is off
    wins,          // the new model scored at least as well on the same test rows
    loses,         // the deployed model scored better: it stays
    incomparable,  // the deployed model cannot score the new data (other columns)
};

std::string_view to_string(champion_verdict v) noexcept;
// The verdict a stored name stands for; nothing for a name that is not one.
std::optional<champion_verdict> parse_verdict(std::string_view name) noexcept;

// The tag of a model version that holds its verdict.
inline constexpr std::string_view verdict_tag = "champion_verdict";

// Whether the deploy step may put the new model in the deployed one's place.
constexpr bool replaces_champion(champion_verdict v) noexcept { return v != champion_verdict::loses; }

}  // namespace lolpop
