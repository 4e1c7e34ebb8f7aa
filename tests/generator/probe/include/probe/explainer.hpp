#pragma once
// A component with a setting of every kind a profile can give it, and nothing else. It fills
// model_explainer, the role whose check (lolpop::role_check) asks only for lolpop::component.
#include <lolpop/concepts/component.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace probe {

struct explainer {
    struct config {
        std::string path;
        int max_depth = 0;
        double eta = 0;
        unsigned seed = 0;
        std::vector<double> weights;
        std::vector<std::string> tags;
        std::map<std::string, std::string> params;
        lolpop::setting_lists space;
        bool verbose = true;
    };
    static constexpr std::string_view name = "probe_explainer";

    explainer(const config&, lolpop::context&) {}
};

}  // namespace probe

BOOST_HANA_ADAPT_STRUCT(probe::explainer::config, path, max_depth, eta, seed, weights, tags, params, space, verbose);

static_assert(lolpop::component<probe::explainer>);
