// Every example profile binary, run as its own process the way a user runs it.
// covers: lolpop/cli/profile_main.hpp
// covers: lolpop/report/console_report.hpp
// covers: lolpop/core/profile_info.hpp
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>

#include "profile_binary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <sys/wait.h>

using namespace lolpop;
using lolpop_test::line_count;
using lolpop_test::run_binary;
namespace fs = std::filesystem;

namespace {

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

TEST_CASE("breast_cancer prod: concurrent build-alls on a store without deployment deploy one version per decision") {
    // Four runs at once: each trains while the others do, so they compare with the same
    // deployment (none, at first); their deploy steps then decide one at a time, and only the
    // first for each deployment compared with deploys. A later train that saw a deployment makes a
    // new decision, against that one.
    // They start on an empty home, so they also race on creating the stores.
    lolpop_test::temp_directory home;
    constexpr int runs = 4;
    std::vector<FILE*> pipes;
    for (int i = 0; i < runs; ++i) {
        pipes.push_back(popen(lolpop_test::profile_command("breast_cancer", BREAST_CANCER_PROD, "build-all", home).c_str(), "r"));
        REQUIRE(pipes.back() != nullptr);
    }
    std::string outputs;
    for (FILE* pipe : pipes) {
        const std::string output = lolpop_test::read_all(pipe);
        const int status = pclose(pipe);
        INFO(output);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        outputs += output;
    }
    INFO(outputs);

    context ctx;
    sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
    const auto versions = tracker.list_model_versions("breast_cancer");
    REQUIRE(versions.size() == runs);
    // Each deployed version's verdict was against the deployment before it: one per decision.
    std::map<std::string, std::string> deployed;  // deployed_at -> version id
    std::map<std::string, int> deployed_against;  // compared_to -> deployed versions
    for (const auto& v : versions) {
        const auto compared_to = tracker.get_tag(v.id, "compared_to");
        REQUIRE(compared_to.has_value());
        if (const auto at = tracker.get_tag(v.id, "deployed_at")) {
            deployed[*at + v.id] = v.id;
            ++deployed_against[*compared_to];
        }
    }
    REQUIRE_FALSE(deployed.empty());
    const auto unopposed = std::count_if(versions.begin(), versions.end(),
                                         [&](const auto& v) { return tracker.get_tag(v.id, "compared_to") == "none"; });
    MESSAGE(unopposed << " of " << runs << " trains saw no deployment; " << deployed.size() << " deployed");
    CHECK(deployed_against.at("none") == 1);
    std::string previous = "none";
    for (const auto& [at, id] : deployed) {
        CHECK(tracker.get_tag(id, "compared_to") == previous);
        previous = id;
    }
    // The current deployment is the last one; the directory holds the deployed models and
    // current.toml, nothing half made.
    const std::string current = read_file(home / "deployments/breast_cancer/current.toml");
    CHECK(current.find(previous) != std::string::npos);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(home / "deployments/breast_cancer")) {
        ++files;
        CHECK((entry.path().filename() == "current.toml" || entry.path().extension() == ".model"));
    }
    CHECK(files == deployed.size() + 1);
    CHECK(std::distance(fs::directory_iterator(home / "deployments"), {}) == 1);
}

TEST_CASE("breast_cancer prod: a home copied elsewhere works as it is; no stored file names the old place") {
    auto old_home = std::make_unique<lolpop_test::temp_directory>();
    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_PROD, "build-all", *old_home).exit_code == 0);
    const std::string old_path = old_home->path().string();
    lolpop_test::temp_directory home;
    fs::copy(old_home->path(), home.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    old_home.reset();
    // The stores name their files relative to themselves; only what was written for people (the
    // reports) and where a prediction job wrote its output (as the profile gave it) name the old
    // home.
    for (const auto& file : lolpop_test::home_contents(home)) {
        const std::string& name = file.first;
        if (name != "report.html" && name != "metadata.db" && name.find("reports/") != 0)
            CHECK_MESSAGE(file.second.find(old_path) == std::string::npos, name);
    }
    {
        context ctx;
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        for (const auto& v : tracker.list_model_versions("breast_cancer")) {
            CHECK(fs::path(v.uri).is_relative());
            for (const auto& d : tracker.get_lineage(v)) CHECK(fs::path(d.uri).is_relative());
        }
    }
    for (const char* step : {"predict", "train", "deploy", "predict", "evaluate"}) {
        const auto r = run_binary("breast_cancer", BREAST_CANCER_PROD, step, home);
        INFO(step, "\n", r.output);
        CHECK(r.exit_code == 0);
    }
    CHECK(read_csv_file(home / "predictions.csv").rows() == 69);
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

TEST_CASE("breast_cancer dev: libxgboost is loaded by the steps that train or load a model, not at start") {
    // The dynamic loader lists every library it opens (LD_DEBUG=files): a start that needs no
    // model must not pay for XGBoost, its OpenMP and its dmlc libraries.
    lolpop_test::temp_directory home;
    const auto loaded = [&](const char* args) {
        const auto r = run_binary("breast_cancer", BREAST_CANCER_DEV, args, home, "LD_DEBUG=files");
        INFO(args, r.output);
        CHECK(r.exit_code == 0);
        return r.output.find("libxgboost") != std::string::npos;
    };
    CHECK_FALSE(loaded("--version"));
    CHECK_FALSE(loaded("--help"));
    CHECK_FALSE(loaded("process"));
    CHECK(loaded("train"));
    (void)loaded("deploy");
    CHECK(loaded("predict"));
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
        CHECK(fs::exists(reports / "feature_importance.svg") == env.explained_and_drawn);
        if (env.explained_and_drawn) {
            std::ifstream svg(reports / "feature_importance.svg");
            const std::string drawn((std::istreambuf_iterator<char>(svg)), std::istreambuf_iterator<char>());
            CHECK(drawn.find(">Island<") != std::string::npos);
        }

        const frame predictions = read_csv_file(home / "predictions.csv");
        CHECK(predictions.rows() == 43);
        CHECK(predictions.has("probability_Chinstrap"));
        // prod explains every scored penguin with the job; dev does not.
        CHECK(fs::exists(home / "predictions_explanations.csv") == env.explained_and_drawn);
        if (env.explained_and_drawn) {
            const frame contributions = read_csv_file(home / "predictions_explanations.csv");
            CHECK(contributions.rows() == 43);
            CHECK(contributions.has("Island"));
            CHECK(contributions.has("bias"));
            const auto jobs = tracker.list_prediction_jobs();
            REQUIRE(jobs.size() == 1);
            CHECK(tracker.get_tag(jobs[0].id, "explanations") == (home / "predictions_explanations.csv").string());
        }
    }
}

namespace {

struct forecast_errors {
    double rmse, mae;
};

// "Tomorrow is like today" on the last `count` days of the series that have a tomorrow: the days a
// time-ordered split tests on.
forecast_errors persistence_errors(const frame& series, std::size_t count) {
    const auto y = series["temp_max"].numeric_values();
    double squares = 0, absolute = 0;
    for (std::size_t t = y.size() - 1 - count; t + 1 < y.size(); ++t) {
        squares += (y[t + 1] - y[t]) * (y[t + 1] - y[t]);
        absolute += std::abs(y[t + 1] - y[t]);
    }
    const auto n = static_cast<double>(count);
    return {std::sqrt(squares / n), absolute / n};
}

}  // namespace

TEST_CASE("seattle_weather dev and prod: tomorrow's temp_max beats 'tomorrow is like today' on the test days") {
    struct environment {
        const char* binary;
        std::size_t test_days;  // 1401 days minus the history and the last day, 20% of them
        std::size_t forecasts;  // 60 predict days minus the history (6 days in dev, 29 in prod)
        bool prod;
    };
    const frame series = read_csv_file(LOLPOP_SOURCE_DIR "/examples/seattle_weather/data/seattle_weather.csv");
    for (const environment& env : {environment{SEATTLE_WEATHER_DEV, 279, 54, false}, environment{SEATTLE_WEATHER_PROD, 274, 31, true}}) {
        lolpop_test::temp_directory home;
        const auto r = run_binary("seattle_weather", env.binary, "build-all", home);
        INFO(env.binary, r.output);
        REQUIRE(r.exit_code == 0);
        context ctx;
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        sqlite_metrics_tracker metrics({home / "metadata.db"}, ctx);
        const auto version = tracker.latest_model_version("seattle_temp_max");
        REQUIRE(version.has_value());
        const forecast_errors naive = persistence_errors(series, env.test_days);
        const double rmse = metrics.get_metric(version->id, "rmse").value_or(1e9);
        const double mae = metrics.get_metric(version->id, "mae").value_or(1e9);
        INFO("model rmse ", rmse, " mae ", mae, "; naive rmse ", naive.rmse, " mae ", naive.mae);
        CHECK(rmse < naive.rmse);
        CHECK(mae < naive.mae);

        CHECK(tracker.list_runs().size() == 4);
        const auto lineage = tracker.get_lineage(*version);
        REQUIRE(lineage.size() == 1);
        CHECK(lineage[0].rows == 1401);  // the series as it came; features are made at train time
        CHECK(tracker.get_tag(version->id, "deployed_at").has_value());
        const auto jobs = tracker.list_prediction_jobs();
        REQUIRE(jobs.size() == 1);
        CHECK(jobs[0].rows == env.forecasts);
        CHECK(metrics.get_metric(jobs[0].id, "rmse").has_value());  // the predict days that have happened

        const frame predictions = read_csv_file(home / "predictions.csv");
        CHECK(predictions.names() == std::vector<std::string>{"date", "forecast_date", "temp_max"});
        REQUIRE(predictions.rows() == env.forecasts);
        CHECK(predictions["date"].to_string(0) == (env.prod ? "2015-12-01" : "2015-11-08"));
        CHECK(predictions["forecast_date"].to_string(env.forecasts - 1) == "2016-01-01");

        CHECK(fs::exists(home / "reports" / version->id / "test_residuals.svg") == env.prod);
        CHECK(fs::exists(home / "lolpop.log") == env.prod);
    }
}

TEST_CASE("seattle_weather dev: every step as its own process, overrides, and bad settings") {
    lolpop_test::temp_directory home;
    for (const char* step : {"process", "train", "deploy", "predict", "evaluate"}) {
        const auto r = run_binary("seattle_weather", SEATTLE_WEATHER_DEV, step, home);
        INFO(step, r.output);
        CHECK(r.exit_code == 0);
    }
    const auto before = snapshot(home, "seattle_temp_max");
    CHECK(before.runs == 5);
    CHECK(before.model_versions == 1);
    CHECK(before.prediction_jobs == 1);

    const auto describe =
        run_binary("seattle_weather", SEATTLE_WEATHER_DEV, "--describe --set config.horizon=2 --set 'config.lags=[2, 3, 8]'", home);
    CHECK(describe.exit_code == 0);
    CHECK(describe.output.find("[runner] timeseries_runner") != std::string::npos);
    CHECK(describe.output.find("horizon = 2") != std::string::npos);
    CHECK(describe.output.find("[train.data_splitter] time_ordered_splitter") != std::string::npos);

    // The day after tomorrow, without a rebuild.
    const auto two_days = run_binary("seattle_weather", SEATTLE_WEATHER_DEV, "build-all --set config.horizon=2 --set 'config.lags=[2, 3, 8]'", home);
    INFO(two_days.output);
    REQUIRE(two_days.exit_code == 0);
    const frame predictions = read_csv_file(home / "predictions.csv");
    CHECK(predictions["date"].to_string(0) == "2015-11-08");
    CHECK(predictions["forecast_date"].to_string(0) == "2015-11-10");

    const auto stored = lolpop_test::home_contents(home);
    struct bad_case {
        std::string args;
        std::string message;
    };
    const bad_case cases[] = {
        {"--set 'config.lags=[0.5]'", "config.lags = 0.5 is outside its range [1, inf) (settings)"},
        {"--set 'config.lags=[1.5]'", "lags must be whole numbers from 1 to 1000000, got 1.5 (config.lags)"},
        {"--set config.horizon=3", "lag 1 is below the horizon 3"},
        {"--set config.time_column=day", "time_column 'day' is not a column of the data (did you mean 'date'?)"},
        {"predict --set config.predict_data=" LOLPOP_TEST_DATA "/csv/ragged.csv", "ragged.csv:3"},
    };
    for (const bad_case& c : cases) {
        const auto r = run_binary("seattle_weather", SEATTLE_WEATHER_DEV, c.args, home);
        INFO(c.args, "\n", r.output);
        CHECK(r.exit_code != 0);
        CHECK(r.output.rfind("error: ", 0) == 0);
        CHECK(line_count(r.output) == 1);
        CHECK(r.output.find(c.message) != std::string::npos);
        CHECK(lolpop_test::home_contents(home) == stored);
    }
}
