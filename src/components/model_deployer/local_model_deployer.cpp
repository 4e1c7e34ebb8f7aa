#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/core/error.hpp>

#include "detail/file_name_check.hpp"
#include "detail/utc_timestamp.hpp"

#include <toml++/toml.h>

#include <sstream>

namespace lolpop {

namespace fs = std::filesystem;

local_model_deployer::local_model_deployer(const config& cfg, context&) : root_(cfg.path) {
    if (cfg.path.empty()) throw error("the deployment directory must not be empty", "local_model_deployer.path");
}

void local_model_deployer::begin_step() { files_.begin(); }
void local_model_deployer::commit_step() { files_.commit(); }
void local_model_deployer::rollback_step() noexcept { files_.rollback(); }

fs::path local_model_deployer::model_directory(std::string_view model_name) const {
    detail::check_file_name(model_name, "model name", root_.string());
    return root_ / model_name;
}

deployment local_model_deployer::deploy_model(const promotion& p, const model_version& mv, std::string_view model_bytes) {
    const fs::path dir = model_directory(mv.model_name);
    if (!p.approved) throw error("promotion " + p.id + " is not approved", dir.string());
    if (p.model_version_id != mv.id || p.model_name != mv.model_name)
        throw error("promotion " + p.id + " is for model version '" + p.model_version_id + "' of " + p.model_name +
                        ", not '" + mv.id + "' of " + mv.model_name,
                    dir.string());
    detail::check_file_name(mv.id, "model version id", dir.string());

    // The record names the model file relative to its own folder, so that the deployments can
    // be moved or copied whole.
    const std::string file_name = mv.id + ".model";
    deployment d{mv.model_name, mv.id, (dir / file_name).string(), detail::utc_timestamp()};
    files_.write(d.uri, std::string(model_bytes));
    const toml::table current{{"model_name", d.model_name},
                              {"model_version_id", d.model_version_id},
                              {"uri", file_name},
                              {"deployed_at", d.deployed_at}};
    std::ostringstream out;
    out << current << '\n';
    files_.write(dir / "current.toml", out.str());
    return d;
}

std::optional<deployment> local_model_deployer::current_deployment(const std::string& model_name) const {
    const fs::path dir = model_directory(model_name);
    const fs::path file = dir / "current.toml";
    const std::optional<std::string> text = files_.read(file);
    if (!text) return std::nullopt;
    toml::table doc;
    try {
        doc = toml::parse(*text, file.string());
    } catch (const toml::parse_error& e) {
        throw error("malformed deployment record: " + std::string(e.description()),
                    file.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                        std::to_string(e.source().begin.column));
    }
    deployment d;
    d.model_name = model_name;
    for (auto [key, out] : {std::pair{"model_version_id", &d.model_version_id}, std::pair{"uri", &d.uri},
                            std::pair{"deployed_at", &d.deployed_at}}) {
        const auto value = doc[key].value<std::string>();
        if (!value) throw error(std::string("malformed deployment record: ") + key + " must be a string", file.string());
        *out = *value;
    }
    // Records written before they were relative hold the absolute path the model had then: the
    // file of that name in this folder is the same one, wherever the folder is now.
    const fs::path recorded(d.uri);
    d.uri = (dir / (recorded.is_absolute() ? recorded.filename() : recorded)).string();
    return d;
}

std::string local_model_deployer::load_deployed(const deployment& d) const {
    std::optional<std::string> bytes = files_.read(d.uri);
    if (!bytes)
        throw error("the deployed model version '" + d.model_version_id + "' of " + d.model_name + " is missing", d.uri);
    return std::move(*bytes);
}

}  // namespace lolpop
