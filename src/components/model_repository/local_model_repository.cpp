#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include "detail/file_name_check.hpp"
#include "detail/random_hex.hpp"
#include "detail/utc_timestamp.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <vector>

namespace lolpop {

namespace fs = std::filesystem;

namespace {

// One model's registry file, in memory.
struct model_registry {
    std::vector<std::string> versions;
    std::vector<promotion> promotions;
};

std::string required_string(const toml::table& t, std::string_view key, const std::string& what, const fs::path& file) {
    const auto value = t[key].value<std::string>();
    if (!value) throw error("malformed model registry: " + what + "." + std::string(key) + " must be a string", file.string());
    return *value;
}

model_registry read_registry(const staged_files& files, const fs::path& file, const std::string& model_name) {
    model_registry registry;
    const std::optional<std::string> text = files.read(file);
    if (!text) return registry;
    toml::table doc;
    try {
        doc = toml::parse(*text, file.string());
    } catch (const toml::parse_error& e) {
        throw error("malformed model registry: " + std::string(e.description()),
                    file.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                        std::to_string(e.source().begin.column));
    }

    if (const toml::node_view versions = doc["versions"]) {
        const toml::array* list = versions.as_array();
        if (!list) throw error("malformed model registry: versions must be an array of strings", file.string());
        for (const toml::node& v : *list) {
            const auto id = v.value<std::string>();
            if (!id) throw error("malformed model registry: versions must be an array of strings", file.string());
            registry.versions.push_back(*id);
        }
    }
    if (const toml::node_view promotions = doc["promotions"]) {
        const toml::array* list = promotions.as_array();
        if (!list) throw error("malformed model registry: promotions must be an array of tables", file.string());
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string what = "promotions[" + std::to_string(i) + "]";
            const toml::table* t = list->get(i)->as_table();
            if (!t) throw error("malformed model registry: " + what + " must be a table", file.string());
            promotion p;
            p.id = required_string(*t, "id", what, file);
            p.model_name = model_name;
            p.model_version_id = required_string(*t, "model_version_id", what, file);
            p.created_at = required_string(*t, "created_at", what, file);
            const auto approved = (*t)["approved"].value<bool>();
            if (!approved) throw error("malformed model registry: " + what + ".approved must be a boolean", file.string());
            p.approved = *approved;
            registry.promotions.push_back(std::move(p));
        }
    }
    return registry;
}

void write_registry(staged_files& files, const fs::path& file, const std::string& model_name, const model_registry& registry) {
    toml::array versions;
    for (const std::string& id : registry.versions) versions.push_back(id);
    toml::array promotions;
    for (const promotion& p : registry.promotions)
        promotions.push_back(toml::table{{"id", p.id},
                                         {"model_version_id", p.model_version_id},
                                         {"approved", p.approved},
                                         {"created_at", p.created_at}});
    const toml::table doc{{"model_name", model_name}, {"versions", std::move(versions)}, {"promotions", std::move(promotions)}};
    std::ostringstream out;
    out << doc << '\n';
    files.write(file, out.str());
}

}  // namespace

local_model_repository::local_model_repository(const config& cfg, context&) : root_(cfg.path) {
    if (cfg.path.empty()) throw error("the registry directory must not be empty", "local_model_repository.path");
}

void local_model_repository::begin_step() {
    remove_abandoned_temporaries_under(root_);
    files_.begin();
}
void local_model_repository::commit_step() { files_.commit(); }
void local_model_repository::rollback_step() noexcept { files_.rollback(); }

fs::path local_model_repository::model_file(std::string_view model_name) const {
    detail::check_file_name(model_name, "model name", root_.string());
    return root_ / (std::string(model_name) + ".toml");
}

void local_model_repository::register_model(const model_version& mv) {
    const fs::path file = model_file(mv.model_name);
    if (mv.id.empty()) throw error("cannot register a model version without an id", file.string());
    model_registry registry = read_registry(files_, file, mv.model_name);
    if (std::ranges::find(registry.versions, mv.id) != registry.versions.end()) return;
    registry.versions.push_back(mv.id);
    write_registry(files_, file, mv.model_name, registry);
}

promotion local_model_repository::promote_model(const model_version& mv) {
    const fs::path file = model_file(mv.model_name);
    model_registry registry = read_registry(files_, file, mv.model_name);
    if (std::ranges::find(registry.versions, mv.id) == registry.versions.end())
        throw error("cannot promote model version '" + mv.id + "' of " + mv.model_name + ": it was never registered",
                    file.string());
    promotion p{"promotion-" + detail::random_hex64(), mv.model_name, mv.id, false, detail::utc_timestamp()};
    registry.promotions.push_back(p);
    write_registry(files_, file, mv.model_name, registry);
    return p;
}

promotion local_model_repository::approve_model(const promotion& p) {
    const fs::path file = model_file(p.model_name);
    model_registry registry = read_registry(files_, file, p.model_name);
    const auto stored = std::ranges::find(registry.promotions, p.id, &promotion::id);
    if (stored == registry.promotions.end()) throw error("no promotion " + p.id + " of " + p.model_name, file.string());
    stored->approved = true;
    write_registry(files_, file, p.model_name, registry);
    return *stored;
}

bool local_model_repository::check_approval(const promotion& p) {
    const fs::path file = model_file(p.model_name);
    const model_registry registry = read_registry(files_, file, p.model_name);
    const auto stored = std::ranges::find(registry.promotions, p.id, &promotion::id);
    if (stored == registry.promotions.end()) throw error("no promotion " + p.id + " of " + p.model_name, file.string());
    return stored->approved;
}

std::optional<promotion> local_model_repository::latest_promotion(const std::string& model_name) {
    const model_registry registry = read_registry(files_, model_file(model_name), model_name);
    if (registry.promotions.empty()) return std::nullopt;
    return registry.promotions.back();
}

}  // namespace lolpop
