#include <lolpop/components/hyperparameter_tuner/grid_search_tuner.hpp>

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <cstddef>

namespace lolpop {

grid_search_tuner::grid_search_tuner(const config& cfg, context&) : config_(cfg) {
    if (cfg.max_trials < 1)
        throw error(fmt::format("max_trials must be at least 1, got {}", cfg.max_trials), "grid_search_tuner.max_trials");
    std::size_t combinations = 1;
    for (const auto& [key, values] : cfg.grid) {
        if (values.empty()) throw error(fmt::format("'{}' lists no values to try", key), "grid_search_tuner.grid." + key);
        // Checked before multiplying, so that a huge grid cannot overflow the count.
        if (values.size() > static_cast<std::size_t>(cfg.max_trials) / combinations)
            throw error(fmt::format("the grid has more than max_trials = {} combinations", cfg.max_trials),
                        "grid_search_tuner.grid");
        combinations *= values.size();
    }
}

std::vector<trial> grid_search_tuner::trials() const {
    // An odometer over the value lists: index[i] is the position in the i-th list.
    std::vector<const setting_lists::value_type*> lists;
    for (const auto& entry : config_.grid) lists.push_back(&entry);
    std::vector<std::size_t> index(lists.size(), 0);
    std::vector<trial> out;
    while (true) {
        trial t;
        for (std::size_t i = 0; i < lists.size(); ++i) t.emplace(lists[i]->first, to_setting_value(lists[i]->second[index[i]]));
        out.push_back(std::move(t));
        std::size_t i = lists.size();
        while (i > 0 && ++index[i - 1] == lists[i - 1]->second.size()) index[--i] = 0;
        if (i == 0) return out;
    }
}

}  // namespace lolpop
