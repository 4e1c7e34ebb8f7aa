#pragma once
// lolpop::offline_deploy — registers, promotes, approves and deploys a model version.
//
// Steps (as in lolpop): register the version; promote it only when it beat the deployed model
// (the train step's "beats_deployed" tag, so deploy can run as its own process); approve it when
// auto_approve is set; deploy it once approved.
// Roles: model_repository and model_deployer (required).
#include <lolpop/concepts/model_deployer.hpp>
#include <lolpop/concepts/model_repository.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/pipelines/services.hpp>

#include <optional>
#include <string>
#include <type_traits>

namespace lolpop {

struct offline_deploy_config {
    bool auto_approve = true;  // false: a person approves through the model repository
};

template <class... Binds>
class offline_deploy {
public:
    static constexpr std::string_view name = "offline_deploy";
    using config = offline_deploy_config;
    using repository_type = bound_t<role::model_repository, unbound, Binds...>;
    using deployer_type = bound_t<role::model_deployer, unbound, Binds...>;

    // Each binding is checked against its role's concept where it is written (lolpop::bind), which
    // reports the details; these assertions name the composition point.
    static_assert(!std::is_same_v<repository_type, unbound>, "offline_deploy: required role model_repository is not bound");
    static_assert(!std::is_same_v<deployer_type, unbound>, "offline_deploy: required role model_deployer is not bound");
    static_assert(fits_role<role::model_repository, repository_type>,
                  "offline_deploy: role model_repository is bound to a type that does not model lolpop::model_repository");
    static_assert(fits_role<role::model_deployer, deployer_type>,
                  "offline_deploy: role model_deployer is bound to a type that does not model lolpop::model_deployer");

    using settings = composite_settings<config, bind<role::model_repository, repository_type>,
                                        bind<role::model_deployer, deployer_type>>;

    offline_deploy(const settings& s, context& ctx)
        : config_(s.config), ctx_(ctx), repository_(part<role::model_repository>(s), ctx),
          deployer_(part<role::model_deployer>(s), ctx) {}

    deployer_type& deployer() noexcept { return deployer_; }

    // The new deployment, or nothing when the version lost to the deployed one or awaits approval.
    template <class Services>
    std::optional<deployment> deploy_model(Services& svc, const model_version& version) {
        tracked_run<std::remove_reference_t<decltype(svc.metadata)>> run(svc.metadata, svc.profile, "deploy");
        repository_.register_model(version);
        if (svc.metadata.get_tag(version.id, "beats_deployed") == std::optional<std::string>("false")) {
            ctx_.log(log_level::info, "deploy: " + version.id + " did not beat the deployed model, which stays");
            run.succeed();
            return std::nullopt;
        }
        promotion p = repository_.promote_model(version);
        if (config_.auto_approve) p = repository_.approve_model(p);
        if (!repository_.check_approval(p)) {
            ctx_.notify(log_level::info, "model version " + version.id + " awaits approval (" + p.id + ")");
            run.succeed();
            return std::nullopt;
        }
        const deployment d = deployer_.deploy_model(p, version, svc.store.get_model(version.content_hash));
        svc.metadata.set_tag(version.id, "deployed_at", d.deployed_at);
        ctx_.notify(log_level::info, "deployed model '" + version.model_name + "' version " +
                                         std::to_string(version.version) + " to " + d.uri);
        run.succeed();
        return d;
    }

private:
    config config_;
    context& ctx_;
    repository_type repository_;
    deployer_type deployer_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::offline_deploy_config, auto_approve);
