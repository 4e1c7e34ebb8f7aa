#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

lolpop::model_version version(std::string id) {
    lolpop::model_version mv;
    mv.id = std::move(id);
    mv.model_name = "churn";
    return mv;
}

}  // namespace

TEST_CASE("register, promote, approve and deploy survive new instances of repository and deployer") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    const lolpop::local_model_repository::config registry{(tmp / "registry").string()};
    const lolpop::local_model_deployer::config deployments{(tmp / "deployments").string()};
    const std::string first_bytes("first model\0with a NUL", 22);

    CHECK_FALSE(lolpop::local_model_deployer(deployments, ctx).current_deployment("churn").has_value());

    {
        lolpop::local_model_repository repository(registry, ctx);
        repository.register_model(version("mv-1"));
        repository.approve_model(repository.promote_model(version("mv-1")));
    }
    lolpop::deployment first;
    {
        lolpop::local_model_repository repository(registry, ctx);
        const lolpop::promotion approved = *repository.latest_promotion("churn");
        REQUIRE(repository.check_approval(approved));
        first = lolpop::local_model_deployer(deployments, ctx).deploy_model(approved, version("mv-1"), first_bytes);
    }
    CHECK(first.model_name == "churn");
    CHECK(first.model_version_id == "mv-1");
    CHECK(first.uri == (tmp / "deployments/churn/mv-1.model").string());
    CHECK(first.deployed_at.size() == 24);

    {
        lolpop::local_model_deployer deployer(deployments, ctx);
        const auto current = deployer.current_deployment("churn");
        REQUIRE(current.has_value());
        CHECK(current->model_version_id == "mv-1");
        CHECK(current->uri == first.uri);
        CHECK(current->deployed_at == first.deployed_at);
        CHECK(deployer.load_deployed(*current) == first_bytes);
    }

    // A second version replaces the current deployment; the first one's bytes stay for rollback.
    lolpop::local_model_repository repository(registry, ctx);
    repository.register_model(version("mv-2"));
    const lolpop::promotion second = repository.approve_model(repository.promote_model(version("mv-2")));
    lolpop::local_model_deployer(deployments, ctx).deploy_model(second, version("mv-2"), "second model");

    lolpop::local_model_deployer deployer(deployments, ctx);
    const auto current = deployer.current_deployment("churn");
    REQUIRE(current.has_value());
    CHECK(current->model_version_id == "mv-2");
    CHECK(deployer.load_deployed(*current) == "second model");
    CHECK(deployer.load_deployed(first) == first_bytes);

    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(tmp / "deployments/churn")) ++files;
    CHECK(files == 3);  // mv-1.model, mv-2.model, current.toml: no temporary files
}

TEST_CASE("local_model_deployer deploys only an approved promotion of the same version") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_deployer deployer({tmp.path().string()}, ctx);
    const std::string dir = (tmp / "churn").string();

    lolpop::promotion p{"promotion-00000000000000ab", "churn", "mv-1", false, ""};
    CHECK_THROWS_WITH_AS(deployer.deploy_model(p, version("mv-1"), "bytes"),
                         ("promotion promotion-00000000000000ab is not approved (" + dir + ")").c_str(), lolpop::error);
    CHECK_FALSE(deployer.current_deployment("churn").has_value());

    p.approved = true;
    CHECK_THROWS_WITH_AS(
        deployer.deploy_model(p, version("mv-2"), "bytes"),
        ("promotion promotion-00000000000000ab is for model version 'mv-1' of churn, not 'mv-2' of churn (" + dir + ")").c_str(),
        lolpop::error);
    CHECK_FALSE(deployer.current_deployment("churn").has_value());

    p.model_version_id = "../mv";
    CHECK_THROWS_WITH_AS(deployer.deploy_model(p, version("../mv"), "bytes"),
                         ("model version id '../mv' cannot be used as a file name (" + dir + ")").c_str(),
                         lolpop::error);
}

TEST_CASE("local_model_deployer reports missing and damaged deployments") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_deployer deployer({tmp.path().string()}, ctx);

    const lolpop::deployment gone{"churn", "mv-1", (tmp / "churn/mv-1.model").string(), "2026-01-01T00:00:00.000Z"};
    CHECK_THROWS_WITH_AS(deployer.load_deployed(gone),
                         ("the deployed model version 'mv-1' of churn is missing (" + gone.uri + ")").c_str(),
                         lolpop::error);

    const std::string record = (tmp / "churn/current.toml").string();
    lolpop::write_file_atomically(record, "model_version_id = \"mv-1\"\nuri = 3\ndeployed_at = \"now\"\n");
    CHECK_THROWS_WITH_AS(deployer.current_deployment("churn"),
                         ("malformed deployment record: uri must be a string (" + record + ")").c_str(), lolpop::error);
    lolpop::write_file_atomically(record, "model_version_id = \n");
    CHECK_THROWS_AS(deployer.current_deployment("churn"), lolpop::error);

    CHECK_THROWS_WITH_AS(lolpop::local_model_deployer({""}, ctx),
                         "the deployment directory must not be empty (local_model_deployer.path)", lolpop::error);
}

namespace {

void touch(const fs::path& file) { lolpop::write_file_atomically(file, ""); }

// Waits (up to ten seconds) for `file` to exist.
bool wait_for(const fs::path& file) {
    for (int i = 0; i < 1000 && !fs::exists(file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return fs::exists(file);
}

// In a child process: locks churn's deployments, deploys mv-1 (its first deployment, so the
// directory is made under the lock), touches `deployed`, waits a while, touches `done` and ends,
// which releases the lock.
pid_t deploy_in_child(const lolpop_test::temp_directory& tmp) {
    const pid_t child = ::fork();
    if (child != 0) return child;
    try {
        lolpop::context ctx;
        lolpop::local_model_deployer deployer({(tmp / "deployments").string()}, ctx);
        const auto held = deployer.lock_deployments("churn");
        touch(tmp / "locked");
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        deployer.deploy_model({"p-1", "churn", "mv-1", true, ""}, version("mv-1"), "model one");
        touch(tmp / "deployed");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        touch(tmp / "done");
        ::_exit(0);
    } catch (...) {
        ::_exit(1);
    }
}

}  // namespace

TEST_CASE("lock_deployments makes no file and waits while another process decides; a first deployment's new directory is locked too") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_deployer deployer({(tmp / "deployments").string()}, ctx);
    {
        const auto held = deployer.lock_deployments("churn");
        CHECK_FALSE(fs::exists(tmp / "deployments"));
        CHECK_THROWS_WITH_AS((void)deployer.lock_deployments("churn"), doctest::Contains("locked already"), lolpop::error);
    }
    CHECK(std::distance(fs::directory_iterator(tmp.path()), {}) == 0);

    std::string marker;
    SUBCASE("a process that comes while the other holds the lock on a parent directory") { marker = "locked"; }
    SUBCASE("a process that comes once the other has made the model's directory") { marker = "deployed"; }
    const pid_t child = deploy_in_child(tmp);
    REQUIRE(child > 0);
    REQUIRE(wait_for(tmp / marker));
    {
        const auto held = deployer.lock_deployments("churn");
        // The lock came only once the other process was done: its deployment is whole.
        CHECK(fs::exists(tmp / "done"));
        const auto current = deployer.current_deployment("churn");
        REQUIRE(current.has_value());
        CHECK(current->model_version_id == "mv-1");
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    // Nothing but the deployment: no lock file, no temporary directory.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp / "deployments/churn")) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"current.toml", "mv-1.model"});
    CHECK(std::distance(fs::directory_iterator(tmp / "deployments"), {}) == 1);
}
