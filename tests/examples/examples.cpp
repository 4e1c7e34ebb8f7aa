// Every example profile binary, run as its own process the way a user runs it.
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/core/atomic_file.hpp>
#include <lolpop/core/csv.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

using namespace lolpop;
namespace fs = std::filesystem;

namespace {

struct process_result {
    int exit_code;
    std::string output;  // stdout and stderr together
};

// Runs `binary args` in the example's directory with LOLPOP_HOME pointing at `home`.
process_result run_binary(const std::string& example, const std::string& binary, const std::string& args,
                   const lolpop_test::temp_directory& home) {
    const std::string command = "cd '" LOLPOP_SOURCE_DIR "/examples/" + example + "' && LOLPOP_HOME='" +
                                home.path().string() + "' '" + binary + "' " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output;
    std::array<char, 4096> buffer;
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

std::size_t line_count(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

struct store_snapshot {
    std::size_t runs, model_versions, prediction_jobs, artifacts;
    bool operator==(const store_snapshot&) const = default;
};

store_snapshot snapshot(const lolpop_test::temp_directory& home, const std::string& model) {
    context ctx;
    sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
    return {tracker.list_runs().size(), tracker.list_model_versions(model).size(), tracker.list_prediction_jobs().size(),
            static_cast<std::size_t>(std::distance(fs::recursive_directory_iterator(home / "artifacts"), {}))};
}

}  // namespace

TEST_CASE("breast_cancer prod: build-all reaches roc_auc >= 0.97 on the held-out part and fills the store") {
    lolpop_test::temp_directory home;
    const auto r = run_binary("breast_cancer", BREAST_CANCER_PROD, "build-all", home);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("roc_auc") != std::string::npos);
    CHECK(r.output.find("metadata store: " + (home / "metadata.db").string()) != std::string::npos);

    context ctx;
    sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
    sqlite_metrics_tracker metrics({home / "metadata.db"}, ctx);
    const auto version = tracker.latest_model_version("breast_cancer");
    REQUIRE(version.has_value());
    CHECK(version->trainer == "xgboost_trainer");
    CHECK(metrics.get_metric(version->id, "roc_auc").value_or(0) >= 0.97);
    CHECK(tracker.get_lineage(*version).size() == 1);
    CHECK(tracker.list_runs().size() == 4);
    CHECK(tracker.list_prediction_jobs().size() == 1);
    CHECK(tracker.get_tag(version->id, "deployed_at").has_value());
    // prod logs JSON lines to a file, one object per line
    const std::string log = read_file(home.path() / "lolpop.log");
    CHECK(log.find("\"level\":\"info\"") != std::string::npos);

    const frame predictions = read_csv_file(home / "predictions.csv");
    CHECK(predictions.rows() == 69);
    CHECK(predictions.has("probability_1"));
}

TEST_CASE("breast_cancer dev: every step as its own process, then --describe and --version") {
    lolpop_test::temp_directory home;
    for (const char* step : {"process", "train", "deploy", "predict", "evaluate"}) {
        const auto r = run_binary("breast_cancer", BREAST_CANCER_DEV, step, home);
        INFO(step, r.output);
        CHECK(r.exit_code == 0);
    }
    const auto s = snapshot(home, "breast_cancer");
    CHECK(s.runs == 5);
    CHECK(s.model_versions == 1);
    CHECK(s.prediction_jobs == 1);

    const auto describe = run_binary("breast_cancer", BREAST_CANCER_DEV, "--describe --set train.model_trainer.max_depth=5", home);
    CHECK(describe.exit_code == 0);
    CHECK(describe.output.find("[train.model_trainer] xgboost_trainer") != std::string::npos);
    CHECK(describe.output.find("max_depth = 5") != std::string::npos);
    CHECK(describe.output.find("[train.data_splitter] random_splitter") != std::string::npos);

    const auto version = run_binary("breast_cancer", BREAST_CANCER_DEV, "--version", home);
    CHECK(version.exit_code == 0);
    CHECK(version.output.find("profile: dev") != std::string::npos);
    CHECK(version.output.find("build id: ") != std::string::npos);
}

TEST_CASE("bad input: one clear line, a non-zero exit, and the stores as they were") {
    lolpop_test::temp_directory home;
    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_DEV, "build-all", home).exit_code == 0);
    const auto before = snapshot(home, "breast_cancer");

    struct bad_case {
        std::string args;
        std::string message;
    };
    const bad_case cases[] = {
        {"--set config.train_data=data/missing.csv", "cannot read file"},
        {"--set config.train_data=" LOLPOP_TEST_DATA "/csv/ragged.csv", "ragged.csv:3"},
        {"--set config.model_target=diagnosis", "model_target 'diagnosis' is not a column"},
        {"--set train.model_trainer.max_dept=3", "unknown setting 'max_dept' (did you mean 'max_depth'?)"},
        {"--set train.model_trainer.max_depth=deep", "max_depth"},
        {"--set train.data_splitter.train_ratio=0.9", "ratio"},
        {"--set trian.model_trainer.max_depth=3", "did you mean 'train'?"},
        {"frobnicate", "frobnicate"},
    };
    for (const bad_case& c : cases) {
        const auto r = run_binary("breast_cancer", BREAST_CANCER_DEV, c.args, home);
        INFO(c.args, "\n", r.output);
        CHECK(r.exit_code != 0);
        CHECK(r.output.rfind("error: ", 0) == 0);
        CHECK(line_count(r.output) == 1);
        CHECK(r.output.find(c.message) != std::string::npos);
        CHECK(snapshot(home, "breast_cancer") == before);
    }
}

TEST_CASE("cars dev and prod: regression with missing values and a categorical feature") {
    for (const char* binary : {CARS_DEV, CARS_PROD}) {
        lolpop_test::temp_directory home;
        const auto r = run_binary("cars", binary, "build-all", home);
        INFO(binary, r.output);
        REQUIRE(r.exit_code == 0);
        context ctx;
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        sqlite_metrics_tracker metrics({home / "metadata.db"}, ctx);
        const auto version = tracker.latest_model_version("cars_mpg");
        REQUIRE(version.has_value());
        CHECK(metrics.get_metric(version->id, "r2").value_or(0) >= 0.75);
        const frame predictions = read_csv_file(home / "predictions.csv");
        CHECK(predictions.rows() == 46);
    }
}

TEST_CASE("penguins dev and prod: multiclass with categorical features and missing values") {
    struct environment {
        const char* binary;
        std::size_t experiments;  // one per tuner trial; dev's null tuner runs the trainer as configured
        bool explained_and_drawn;
    };
    for (const environment& env : {environment{PENGUINS_DEV, 1, false}, environment{PENGUINS_PROD, 6, true}}) {
        lolpop_test::temp_directory home;
        const auto r = run_binary("penguins", env.binary, "build-all", home);
        INFO(env.binary, r.output);
        REQUIRE(r.exit_code == 0);
        context ctx;
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        sqlite_metrics_tracker metrics({home / "metadata.db"}, ctx);
        const auto version = tracker.latest_model_version("penguins");
        REQUIRE(version.has_value());
        CHECK(tracker.get_tag(version->id, "problem") == "multiclass");
        CHECK(metrics.get_metric(version->id, "accuracy").value_or(0) >= 0.95);
        CHECK(tracker.get_experiments(version->id).size() == env.experiments);

        const auto importance = tracker.get_tag(version->id, "feature_importance");
        CHECK(importance.has_value() == env.explained_and_drawn);
        if (importance) CHECK(importance->find("Island = ") != std::string::npos);
        const fs::path reports = home / "reports" / version->id;
        CHECK(fs::exists(reports / "test_confusion_matrix.svg") == env.explained_and_drawn);
        CHECK(fs::exists(reports / "test_roc_curve.svg") == env.explained_and_drawn);

        const frame predictions = read_csv_file(home / "predictions.csv");
        CHECK(predictions.rows() == 43);
        CHECK(predictions.has("probability_Chinstrap"));
    }
}
