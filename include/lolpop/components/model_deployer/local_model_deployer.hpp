#pragma once
// local_model_deployer — deploys to a local directory: <path>/<model_name>/<version id>.model
// holds each deployed version's bytes and <path>/<model_name>/current.toml names the current
// one. Deploying writes the model file first and then replaces current.toml with one rename, so
// a reader sees the old or the new deployment, never a mix. current.toml names the model file
// relative to its folder, so the deployments can be moved. In a step (lolpop::stages_writes)
// both are kept in memory and written, in that order, when the step commits.
//
// lock_deployments serializes deploy decisions between processes with flock(2) on the model's
// directory, or, before its first deployment, on the deepest directory of its path that exists
// (the root, or above it): locking creates nothing. A first deployment creates the model's
// directory under a temporary name, locks it and renames it into place while still holding the
// lock on its parent, so a process that finds the new directory waits for the deployment to end.
// flock locks are released by the kernel when a process ends, however it ends.
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
#include <vector>

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

    // While it lives, this deployer holds the exclusive lock on the model's deployments.
    class deployment_lock {
    public:
        deployment_lock(deployment_lock&& other) noexcept;
        deployment_lock& operator=(deployment_lock&&) = delete;
        deployment_lock(const deployment_lock&) = delete;
        deployment_lock& operator=(const deployment_lock&) = delete;
        ~deployment_lock();

    private:
        friend class local_model_deployer;
        explicit deployment_lock(local_model_deployer& owner) noexcept : owner_(&owner) {}
        local_model_deployer* owner_;
    };
    // Waits for the lock. Throws lolpop::error naming the directory when it cannot be locked, or
    // when this deployer holds a lock already.
    [[nodiscard]] deployment_lock lock_deployments(const std::string& model_name);

private:
    std::filesystem::path model_directory(std::string_view model_name) const;
    // The model's directory, created (when a lock is held on one of its parents) under the lock.
    void create_model_directory(const std::string& model_name, const std::filesystem::path& dir);
    void unlock() noexcept;

    struct held_lock {
        std::string model_name;
        std::filesystem::path locked;  // the model's directory, or the deepest parent that existed
        std::vector<int> descriptors;
    };

    std::filesystem::path root_;
    staged_files files_;
    std::optional<held_lock> held_;
    std::vector<std::string> pending_models_;  // deployed in this step: their directories appear at commit
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::local_model_deployer::config, path);

static_assert(lolpop::model_deployer<lolpop::local_model_deployer>);
static_assert(lolpop::stages_writes<lolpop::local_model_deployer>);
static_assert(lolpop::serializes_deployments<lolpop::local_model_deployer>);
