#pragma once
// local_model_repository — registrations and promotions kept in one TOML file per model,
// <path>/<model_name>.toml, replaced atomically on every change so that it survives the process
// and a crash never leaves it half written. In a step (lolpop::stages_writes) the changes are
// kept in memory and written when the step commits.
#include <lolpop/concepts/model_repository.hpp>
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

class local_model_repository {
public:
    struct config {
        std::string path = ".lolpop/registry";
    };
    static constexpr std::string_view name = "local_model_repository";

    // Throws lolpop::error naming "local_model_repository.path" when the path is empty.
    local_model_repository(const config& cfg, context& ctx);

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    // Registering a version twice registers it once.
    void register_model(const model_version& mv);
    // A new, unapproved promotion with id "promotion-<16 hex digits>"; throws lolpop::error when
    // the version was never registered.
    promotion promote_model(const model_version& mv);
    // Throws lolpop::error when the repository holds no such promotion.
    promotion approve_model(const promotion& p);
    // Whether the stored promotion is approved (the argument's `approved` is not trusted).
    bool check_approval(const promotion& p);
    std::optional<promotion> latest_promotion(const std::string& model_name);

private:
    std::filesystem::path model_file(std::string_view model_name) const;

    std::filesystem::path root_;
    staged_files files_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::local_model_repository::config, path);

static_assert(lolpop::model_repository<lolpop::local_model_repository>);
static_assert(lolpop::stages_writes<lolpop::local_model_repository>);
