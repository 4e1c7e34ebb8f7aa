// lolpop::model_deployer: one hand-made deployer per requirement, each lacking only that one.
#include <lolpop/concepts/model_deployer.hpp>

#include "archetype.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace {

template <bool Deploys, bool Serves>
struct deployer : archetype::component_base {
    using component_base::component_base;
    lolpop::deployment deploy_model(const lolpop::promotion&, const lolpop::model_version&, std::string_view)
        requires Deploys;
    std::optional<lolpop::deployment> current_deployment(const std::string&)
        requires Serves;
    std::string load_deployed(const lolpop::deployment&)
        requires Serves;
};
static_assert(lolpop::model_deployer<deployer<true, true>>);
static_assert(!lolpop::deploys_models<deployer<false, true>> && !lolpop::model_deployer<deployer<false, true>>);
static_assert(!lolpop::serves_deployments<deployer<true, false>> && !lolpop::model_deployer<deployer<true, false>>);

}  // namespace
