// The champion/challenger comparison on rows neither model learned from, and deploy decisions
// against the deployment the train step compared with, on breast_cancer with the real runner.
// covers: lolpop/pipelines/detail/champion_rows.hpp
// covers: lolpop/pipelines/detail/deployment_decision.hpp
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/components/data_splitter/stratified_splitter.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/core/row_fingerprint.hpp>
#include <lolpop/runners/classification_runner.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace lolpop;
namespace fs = std::filesystem;

namespace {

using workflow = classification_runner<
    bind<role::metadata_tracker, sqlite_metadata_tracker>, bind<role::metrics_tracker, sqlite_metrics_tracker>,
    bind<role::resource_version_control, local_artifact_store>,
    bind<role::process, offline_process<bind<role::data_connector, csv_data_connector>>>,
    bind<role::train, offline_train<bind<role::data_splitter, stratified_splitter>, bind<role::model_trainer, xgboost_trainer>>>,
    bind<role::deploy, offline_deploy<bind<role::model_repository, local_model_repository>,
                                      bind<role::model_deployer, local_model_deployer>>>,
    bind<role::predict, offline_predict<bind<role::data_connector, csv_data_connector>>>>;

const profile_info test_profile{"test", "0123", "champion_rows.cpp", ""};

xgboost_trainer::config& trainer_of(workflow::settings& s) { return part<role::model_trainer>(part<role::train>(s)); }

// A model that generalizes well.
void strong(workflow::settings& s) {
    auto& t = trainer_of(s);
    t = {};
    t.max_depth = 3;
    t.num_boost_round = 100;
    t.eta = 0.1;
    t.seed = 42;
}

// One deep tree with leaves of a single row: it learns its training rows by heart (a perfect
// score on them) and generalizes worse than the strong model.
void memorizing(workflow::settings& s) {
    auto& t = trainer_of(s);
    t = {};
    t.num_boost_round = 1;
    t.eta = 1;
    t.max_depth = 12;
    t.min_child_weight = 0;
    t.reg_lambda = 0;
    t.colsample_bytree = 0.3;
    t.seed = 7;
}

// A stump: weaker than the strong model by far.
void stump(workflow::settings& s) {
    auto& t = trainer_of(s);
    t = {};
    t.num_boost_round = 1;
    t.max_depth = 1;
}

// breast_cancer with retrain_all, as the example's prod profile: a 70/10/20 split, the chosen
// model refitted on all rows.
workflow::settings breast_cancer(const lolpop_test::temp_directory& home) {
    workflow::settings s{};
    s.config.train_data = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv";
    s.config.predict_data = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer_new.csv";
    s.config.model_target = "target";
    s.config.model_index = "id";
    s.config.model_name = "breast_cancer";
    s.config.predictions_path = home / "predictions.csv";
    s.config.report_path = home / "report.html";
    part<role::metadata_tracker>(s).path = home / "metadata.db";
    part<role::metrics_tracker>(s).path = home / "metadata.db";
    part<role::resource_version_control>(s).path = home / "artifacts";
    part<role::model_repository>(part<role::deploy>(s)).path = home / "registry";
    part<role::model_deployer>(part<role::deploy>(s)).path = home / "deployments";
    auto& train = part<role::train>(s);
    train.config.retrain_all = true;
    auto& splitter = part<role::data_splitter>(train);
    splitter.train_ratio = 0.7;
    splitter.valid_ratio = 0.1;
    splitter.test_ratio = 0.2;
    strong(s);
    return s;
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string name = fs::relative(entry.path(), dir).generic_string();
        if (!entry.is_regular_file()) {
            out[name + "/"] = "";
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out[name] = bytes.str();
    }
    return out;
}

}  // namespace

TEST_CASE("after retrain_all, a better model replaces the deployed one: it is judged on rows neither learned from") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer(home);
    memorizing(settings);
    const build_all_outcome first = workflow(settings, test_profile).build_all();
    REQUIRE(first.deployed.has_value());

    // The refitted champion has seen every row, the test rows too: scored there, it is perfect,
    // and no challenger could beat it.
    {
        context ctx;
        const local_artifact_store store({home / "artifacts"}, ctx);
        xgboost_trainer trainer({}, ctx);
        const auto deployed = trainer.load_model(store.get_model(first.trained.version.content_hash));
        const frame data = store.get_data(first.data.content_hash);
        labeled_data all{data.drop(std::vector<std::string>{"id", "target"}), data["target"]};
        CHECK(evaluate(problem_type::binary, all.y, trainer.predict(deployed, all.X), trainer.predict_proba(deployed, all.X))
                  .at("roc_auc") == 1.0);
    }

    strong(settings);
    workflow second(settings, test_profile);
    const build_all_outcome out = second.build_all();
    INFO("deployed ", out.trained.deployed_score.value_or(-1), ", new ", out.trained.challenger_score.value_or(-1));
    CHECK(out.trained.verdict == champion_verdict::wins);
    REQUIRE(out.deployed.has_value());
    CHECK(out.deployed->model_version_id == out.trained.version.id);
    // The same data split the same way: every test row is new to the champion's evaluated model,
    // which is what is scored, not the refit.
    CHECK(out.trained.compared_rows == out.trained.split.test);
    REQUIRE(out.trained.deployed_score.has_value());
    CHECK(*out.trained.deployed_score < 1.0);
    CHECK(*out.trained.challenger_score > *out.trained.deployed_score);
    CHECK(second.metadata().get_tag(out.trained.version.id, "compared_to") == first.trained.version.id);
    CHECK(second.metadata().get_tag(first.trained.version.id, "evaluated_model").has_value());
    CHECK(second.metadata().get_tag(first.trained.version.id, "seen_rows").has_value());
}

TEST_CASE("after retrain_all, a weaker challenger loses to the retrained champion") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer(home);
    const build_all_outcome first = workflow(settings, test_profile).build_all();
    REQUIRE(first.deployed.has_value());

    stump(settings);
    const build_all_outcome out = workflow(settings, test_profile).build_all();
    CHECK(out.trained.verdict == champion_verdict::loses);
    CHECK_FALSE(out.deployed.has_value());
    CHECK(out.predicted.job.model_version_id == first.trained.version.id);
    CHECK(out.trained.compared_rows == out.trained.split.test);
}

TEST_CASE("a champion that learned from nearly every new test row cannot be compared") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer(home);
    const build_all_outcome first = workflow(settings, test_profile).build_all();
    REQUIRE(first.deployed.has_value());

    // Another seed splits the same rows otherwise: most of the new test rows were the champion's
    // training or validation rows. With a split of 95/4/1, at most a handful are new to it.
    auto& splitter = part<role::data_splitter>(part<role::train>(settings));
    splitter.seed = 7;
    splitter.train_ratio = 0.95;
    splitter.valid_ratio = 0.04;
    splitter.test_ratio = 0.01;
    workflow w(settings, test_profile);
    const train_outcome out = w.train_model();
    CHECK(out.verdict == champion_verdict::incomparable);
    CHECK(out.compared_rows < 20);
    CHECK_FALSE(out.deployed_score.has_value());
}

TEST_CASE("a version stored before fingerprints is compared on all test rows, as before") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer(home);
    const build_all_outcome first = workflow(settings, test_profile).build_all();
    // What a store written before the twin and the fingerprint holds: neither tag.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((home / "metadata.db").c_str(), &db) == SQLITE_OK);
    const std::string sql = "DELETE FROM tags WHERE resource_id = '" + first.trained.version.id +
                            "' AND key IN ('evaluated_model', 'seen_rows')";
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(sqlite3_changes(db) == 2);
    sqlite3_close(db);

    const train_outcome out = workflow(settings, test_profile).train_model();
    CHECK(out.compared_rows == out.split.test);
    REQUIRE(out.deployed_score.has_value());
    // The refit on all rows has seen the test rows: it is perfect there, the bias the fingerprint
    // removes.
    CHECK(*out.deployed_score == 1.0);
}

TEST_CASE("a deploy step whose verdict was against another deployment does not deploy, and leaves the store as it was") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer(home);
    // Two trains on an empty store, as two concurrent runs: each sees no deployment.
    const train_outcome a = workflow(settings, test_profile).train_model(workflow(settings, test_profile).process_data());
    stump(settings);
    const train_outcome b = workflow(settings, test_profile).train_model();
    CHECK(a.verdict == champion_verdict::unopposed);
    CHECK(b.verdict == champion_verdict::unopposed);
    CHECK(a.compared_to == "none");
    CHECK(b.compared_to == "none");

    const auto deployed = workflow(settings, test_profile).deploy_model(a.version);
    REQUIRE(deployed.has_value());
    const auto before = snapshot(home.path());
    workflow late(settings, test_profile);
    const std::size_t runs = late.metadata().list_runs().size();
    CHECK_FALSE(late.deploy_model(b.version).has_value());

    context ctx;
    CHECK(local_model_deployer({home / "deployments"}, ctx).current_deployment("breast_cancer")->model_version_id ==
          a.version.id);
    // Its run is on record; nothing else changed: no registration, no promotion, no lock file.
    CHECK(late.metadata().list_runs().size() == runs + 1);
    for (const run& r : late.metadata().list_runs()) CHECK(r.status == run_status::ok);
    auto without_metadata = [](std::map<std::string, std::string> files) {
        std::erase_if(files, [](const auto& f) { return f.first.starts_with("metadata.db"); });
        return files;
    };
    CHECK(without_metadata(snapshot(home.path())) == without_metadata(before));

    // Trained again, it is compared with the deployed model, and loses.
    const train_outcome again = late.train_model();
    CHECK(again.compared_to == a.version.id);
    CHECK(again.verdict == champion_verdict::loses);
}
