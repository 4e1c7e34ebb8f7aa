#pragma once
// A feature_chain's saved state: the layout it was fitted on and each step's own state, by name.
#include <lolpop/data/row_layout.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

std::string save_chain_state(const row_layout& input, std::span<const std::string_view> steps,
                             std::span<const std::string> states);

struct chain_state {
    row_layout input;
    std::vector<std::string> states;  // in step order
};

// Throws lolpop::error "not a saved feature_chain state" for bytes save_chain_state did not
// write, or wrote for other steps than `steps` (in that order).
chain_state load_chain_state(std::string_view bytes, std::span<const std::string_view> steps);

}  // namespace lolpop::detail
