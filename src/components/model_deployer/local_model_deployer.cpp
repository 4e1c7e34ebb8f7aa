#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include "detail/file_name_check.hpp"
#include "detail/utc_timestamp.hpp"

#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <sstream>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace lolpop {

namespace fs = std::filesystem;

local_model_deployer::local_model_deployer(const config& cfg, context&) : root_(cfg.path) {
    if (cfg.path.empty()) throw error("the deployment directory must not be empty", "local_model_deployer.path");
}

void local_model_deployer::begin_step() {
    remove_abandoned_temporaries_under(root_);
    files_.begin();
}

void local_model_deployer::commit_step() {
    for (const std::string& model_name : pending_models_) create_model_directory(model_name, model_directory(model_name));
    pending_models_.clear();
    files_.commit();
}

void local_model_deployer::rollback_step() noexcept {
    pending_models_.clear();
    files_.rollback();
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

    // The record names the model file relative to its own folder, so that the deployments can
    // be moved or copied whole.
    const std::string file_name = mv.id + ".model";
    deployment d{mv.model_name, mv.id, (dir / file_name).string(), detail::utc_timestamp()};
    // In a step the directory, like the files, appears only when the step commits.
    if (files_.staging())
        pending_models_.push_back(mv.model_name);
    else
        create_model_directory(mv.model_name, dir);
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

namespace {

// An open descriptor of `dir`, locked exclusively; waits for the lock.
int lock_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw error(std::string("cannot open for locking: ") + std::strerror(errno), dir.string());
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        const int saved = errno;
        ::close(fd);
        throw error(std::string("cannot lock: ") + std::strerror(saved), dir.string());
    }
    return fd;
}

// The first component of `dir` below `parent` (which is one of dir's parents).
fs::path child_towards(const fs::path& parent, const fs::path& dir) {
    const fs::path rest = dir.lexically_relative(parent);
    return parent / *rest.begin();
}

}  // namespace

local_model_deployer::deployment_lock::deployment_lock(deployment_lock&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)) {}

local_model_deployer::deployment_lock::~deployment_lock() {
    if (owner_) owner_->unlock();
}

local_model_deployer::deployment_lock local_model_deployer::lock_deployments(const std::string& model_name) {
    const fs::path dir = fs::absolute(model_directory(model_name)).lexically_normal();
    if (held_) throw error("the deployments of " + held_->model_name + " are locked already", dir.string());
    // The deepest existing directory is the one to lock; when a deeper one appears while this
    // process waits (another deployment created it), that one is.
    for (;;) {
        std::error_code ec;
        fs::path at = dir;
        while (!fs::is_directory(at, ec) && at.has_relative_path()) at = at.parent_path();
        const int fd = lock_directory(at);
        if (at != dir && fs::exists(child_towards(at, dir), ec)) {
            ::close(fd);
            continue;
        }
        held_ = held_lock{model_name, at, {fd}};
        return deployment_lock(*this);
    }
}

void local_model_deployer::unlock() noexcept {
    if (!held_) return;
    for (const int fd : held_->descriptors) ::close(fd);
    held_.reset();
}

void local_model_deployer::create_model_directory(const std::string& model_name, const fs::path& dir) {
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;
    const fs::path target = fs::absolute(dir).lexically_normal();
    if (!held_ || held_->model_name != model_name || held_->locked == target) {
        fs::create_directories(dir, ec);
        if (ec) throw error("cannot create the deployment directory: " + ec.message(), dir.string());
        return;
    }
    // Built under a temporary name, locked, then renamed into place: whoever finds the directory
    // finds it locked until this deployment ends.
    const fs::path first = child_towards(held_->locked, target);
    const fs::path temporary =
        held_->locked / ("." + first.filename().string() + ".tmp-" + std::to_string(std::random_device{}()));
    const fs::path inner = temporary / target.lexically_relative(first);
    try {
        fs::create_directories(inner);
        held_->descriptors.push_back(lock_directory(inner));
        fs::rename(temporary, first);
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(temporary, ec);
        throw error("cannot create the deployment directory: " + std::string(e.what()), dir.string());
    } catch (...) {
        fs::remove_all(temporary, ec);
        throw;
    }
}

}  // namespace lolpop
