#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/data/atomic_file.hpp>
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

    deployment d{mv.model_name, mv.id, (dir / (mv.id + ".model")).string(), detail::utc_timestamp()};
    write_file_atomically(d.uri, model_bytes);
    const toml::table current{{"model_name", d.model_name},
                              {"model_version_id", d.model_version_id},
                              {"uri", d.uri},
                              {"deployed_at", d.deployed_at}};
    std::ostringstream out;
    out << current << '\n';
    write_file_atomically(dir / "current.toml", out.str());
    return d;
}

std::optional<deployment> local_model_deployer::current_deployment(const std::string& model_name) const {
    const fs::path file = model_directory(model_name) / "current.toml";
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    toml::table doc;
    try {
        doc = toml::parse(read_file(file), file.string());
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
    return d;
}

std::string local_model_deployer::load_deployed(const deployment& d) const {
    std::error_code ec;
    if (!fs::is_regular_file(d.uri, ec))
        throw error("the deployed model version '" + d.model_version_id + "' of " + d.model_name + " is missing", d.uri);
    return read_file(d.uri);
}

}  // namespace lolpop
