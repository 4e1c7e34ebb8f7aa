// lolpop::model_visualizer: a visualizer without generate_viz, and one that returns one file.
#include <lolpop/concepts/model_visualizer.hpp>

#include "archetype.hpp"

#include <string>
#include <vector>

namespace {

template <bool Generate>
struct visualizer : archetype::component_base {
    using component_base::component_base;
    std::vector<std::string> generate_viz(const lolpop::evaluation&, const std::string&)
        requires Generate;
};
static_assert(lolpop::model_visualizer<visualizer<true>>);
static_assert(!lolpop::generates_viz<visualizer<false>> && !lolpop::model_visualizer<visualizer<false>>);

struct one_file : archetype::component_base {
    using component_base::component_base;
    std::string generate_viz(const lolpop::evaluation&, const std::string&);
};
static_assert(!lolpop::generates_viz<one_file> && !lolpop::model_visualizer<one_file>);

}  // namespace
