#pragma once
// local_model_deployer — deploys to a local directory: <path>/<model_name>/<version id>.model
// holds each deployed version's bytes and <path>/<model_name>/current.toml names the current
// one. Deploying writes the model file first and then replaces current.toml with one rename, so
// a reader sees the old or the new deployment, never a mix. current.toml names the model file
// relative to its folder, so the deployments can be moved. In a step (lolpop::stages_writes)
// both are kept in memory and written, in that order, when the step commits.
#include <lolpop/concepts/model_deployer.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/data/staged_files.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/resources.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lolpop {

class local_model_deployer {
public:
    struct config {
        std::string path = ".lolpop/deployments";
    };
    static constexpr std::string_view name = "local_model_deployer";

    // Throws lolpop::error naming "local_model_deployer.path" when the path is empty.
    local_model_deployer(const config& cfg, context& ctx);

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    // Throws lolpop::error "promotion <id> is not approved", and when the promotion is for
    // another model version than `mv`.
    deployment deploy_model(const promotion& p, const model_version& mv, std::string_view model_bytes);
    // std::nullopt when the model was never deployed.
    std::optional<deployment> current_deployment(const std::string& model_name) const;
    // Throws lolpop::error naming the file when the deployed bytes are missing.
    std::string load_deployed(const deployment& d) const;

private:
    std::filesystem::path model_directory(std::string_view model_name) const;

    std::filesystem::path root_;
    staged_files files_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::local_model_deployer::config, path);

static_assert(lolpop::model_deployer<lolpop::local_model_deployer>);
static_assert(lolpop::stages_writes<lolpop::local_model_deployer>);
