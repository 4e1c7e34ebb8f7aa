#include "workflow.hpp"

#include <algorithm>

namespace lolpop::gen {

const component_binding* binding_of(const std::vector<component_binding>& bindings, std::string_view role) {
    auto found = std::find_if(bindings.begin(), bindings.end(), [&](const component_binding& b) { return b.role == role; });
    return found == bindings.end() ? nullptr : &*found;
}

const component_binding* binding_at(const workflow& wf, std::string_view path) {
    const auto dot = path.find('.');
    if (dot == std::string_view::npos) return binding_of(wf.components, path);
    auto p = std::find_if(wf.pipelines.begin(), wf.pipelines.end(),
                          [&](const pipeline_binding& b) { return b.role == path.substr(0, dot); });
    return p == wf.pipelines.end() ? nullptr : binding_of(p->components, path.substr(dot + 1));
}

}  // namespace lolpop::gen
