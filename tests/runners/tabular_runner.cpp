// A workflow composed by hand in C++ (what a generated profile header does), run end to end on
// real data with every real backend.
// covers: lolpop/pipelines/offline_process.hpp
// covers: lolpop/pipelines/offline_train.hpp
// covers: lolpop/pipelines/offline_deploy.hpp
// covers: lolpop/pipelines/offline_predict.hpp
// covers: lolpop/runners/classification_runner.hpp
// covers: lolpop/runners/regression_runner.hpp
// covers: lolpop/composition/settings_tree.hpp
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/data_splitter/stratified_splitter.hpp>
#include <lolpop/components/data_transformer/column_transformer.hpp>
#include <lolpop/components/feature_transformer/feature_chain.hpp>
#include <lolpop/components/feature_transformer/median_imputer.hpp>
#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/components/metadata_tracker/postgres_metadata_tracker.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_explainer/xgboost_explainer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/model_bundle.hpp>
#include <lolpop/composition/settings_tree.hpp>
#include <lolpop/runners/classification_runner.hpp>
#include <lolpop/runners/regression_runner.hpp>

#include "../postgres_server.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace lolpop;
namespace fs = std::filesystem;

namespace {

using csv_process = offline_process<bind<role::data_connector, csv_data_connector>>;
using csv_predict = offline_predict<bind<role::data_connector, csv_data_connector>>;
using local_deploy = offline_deploy<bind<role::model_repository, local_model_repository>,
                                    bind<role::model_deployer, local_model_deployer>>;
template <class Splitter>
using xgboost_train = offline_train<bind<role::data_splitter, Splitter>, bind<role::model_trainer, xgboost_trainer>>;

template <template <class...> class Runner, class Process, class Train, class Predict>
using local_workflow = Runner<bind<role::metadata_tracker, sqlite_metadata_tracker>,
                              bind<role::metrics_tracker, sqlite_metrics_tracker>,
                              bind<role::resource_version_control, local_artifact_store>, bind<role::process, Process>,
                              bind<role::train, Train>, bind<role::deploy, local_deploy>, bind<role::predict, Predict>>;

using breast_cancer_workflow =
    local_workflow<classification_runner, csv_process, xgboost_train<stratified_splitter>, csv_predict>;

const profile_info test_profile{"test", "0123", "tabular_runner.cpp", ""};
const std::string examples = LOLPOP_SOURCE_DIR "/examples/";

template <class Workflow>
void point_stores_at(typename Workflow::settings& s, const lolpop_test::temp_directory& home) {
    if constexpr (requires { part<role::metadata_tracker>(s).path; }) {
        part<role::metadata_tracker>(s).path = home / "metadata.db";
        part<role::metrics_tracker>(s).path = home / "metadata.db";
    }
    part<role::resource_version_control>(s).path = home / "artifacts";
    part<role::model_repository>(part<role::deploy>(s)).path = home / "registry";
    part<role::model_deployer>(part<role::deploy>(s)).path = home / "deployments";
    s.config.predictions_path = home / "predictions.csv";
}

template <class Workflow = breast_cancer_workflow>
typename Workflow::settings breast_cancer_settings(const lolpop_test::temp_directory& home) {
    typename Workflow::settings s{};
    s.config.train_data = examples + "breast_cancer/data/breast_cancer.csv";
    s.config.predict_data = examples + "breast_cancer/data/breast_cancer_new.csv";
    s.config.model_target = "target";
    s.config.model_index = "id";
    s.config.model_name = "breast_cancer";
    point_stores_at<Workflow>(s, home);
    auto& trainer = part<role::model_trainer>(part<role::train>(s));
    trainer.max_depth = 3;
    trainer.num_boost_round = 50;
    return s;
}

template <class Workflow>
typename Workflow::settings cars_settings(const lolpop_test::temp_directory& home) {
    typename Workflow::settings s{};
    s.config.train_data = examples + "cars/data/cars.csv";
    s.config.predict_data = examples + "cars/data/cars_new.csv";
    s.config.model_target = "Miles_per_Gallon";
    s.config.model_name = "cars";
    point_stores_at<Workflow>(s, home);
    part<role::data_transformer>(part<role::process>(s)).drop = {"Name"};
    part<role::data_transformer>(part<role::predict>(s)).drop = {"Name"};
    return s;
}

// What the metadata store holds, to compare before and after a failing step.
struct store_counts {
    std::size_t runs, model_versions, prediction_jobs;
    bool operator==(const store_counts&) const = default;
};
template <class Tracker>
store_counts count(Tracker& t, const std::string& model) {
    return {t.list_runs().size(), t.list_model_versions(model).size(), t.list_prediction_jobs().size()};
}

// Every file under `dir` with its bytes: the stores as they are on disk.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out[fs::relative(entry.path(), dir).generic_string()] = bytes.str();
    }
    return out;
}

}  // namespace

TEST_CASE("build_all runs process, train, deploy and predict on breast_cancer and records lineage") {
    lolpop_test::temp_directory home;
    const auto settings = breast_cancer_settings(home);
    breast_cancer_workflow workflow(settings, test_profile);
    const build_all_outcome out = workflow.build_all();

    CHECK(out.data.rows == 500);
    CHECK(out.data.cols == 32);
    CHECK(out.trained.metrics.at("roc_auc") >= 0.97);
    CHECK(out.trained.metrics.at("accuracy") >= 0.9);
    CHECK(out.trained.version.version == 1);
    REQUIRE(out.deployed.has_value());
    CHECK(out.deployed->model_version_id == out.trained.version.id);
    CHECK(out.predicted.rows == 69);
    CHECK(out.predicted.metrics.at("accuracy") >= 0.9);  // breast_cancer_new.csv holds the truth

    auto& tracker = workflow.metadata();
    const auto lineage = tracker.get_lineage(out.trained.version);
    REQUIRE(lineage.size() == 1);
    CHECK(lineage[0].id == out.data.id);
    CHECK(tracker.list_runs().size() == 4);
    for (const run& r : tracker.list_runs()) CHECK(r.status == lolpop::run_status::ok);
    CHECK(workflow.metrics().get_metric(out.trained.version.id, "roc_auc") == out.trained.metrics.at("roc_auc"));

    const frame predictions = read_csv_file(settings.config.predictions_path);
    CHECK(predictions.rows() == 69);
    CHECK(predictions.names() == std::vector<std::string>{"id", "probability_0", "probability_1", "target"});
    CHECK(predictions["id"].to_string(0) == "501");
}

TEST_CASE("the runner works as well on the PostgreSQL trackers: build_all twice, then a step that fails stores nothing") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    using postgres_workflow =
        classification_runner<bind<role::metadata_tracker, postgres_metadata_tracker>,
                              bind<role::metrics_tracker, postgres_metrics_tracker>,
                              bind<role::resource_version_control, local_artifact_store>, bind<role::process, csv_process>,
                              bind<role::train, xgboost_train<stratified_splitter>>, bind<role::deploy, local_deploy>,
                              bind<role::predict, csv_predict>>;
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings<postgres_workflow>(home);
    const auto schema = lolpop_test::fresh_postgres_schema();
    part<role::metadata_tracker>(settings) = {*dsn, schema};
    part<role::metrics_tracker>(settings) = {*dsn, schema};

    const build_all_outcome first = postgres_workflow(settings, test_profile).build_all();
    CHECK(first.trained.version.version == 1);
    postgres_workflow workflow(settings, test_profile);
    const build_all_outcome second = workflow.build_all();
    CHECK(second.trained.version.version == 2);
    auto& tracker = workflow.metadata();
    CHECK(tracker.list_runs().size() == 8);
    for (const run& r : tracker.list_runs()) CHECK(r.status == lolpop::run_status::ok);
    const auto lineage = tracker.get_lineage(second.trained.version);
    REQUIRE(lineage.size() == 1);
    CHECK(lineage[0].id == second.data.id);
    CHECK(workflow.metrics().get_metric(second.trained.version.id, "roc_auc") == second.trained.metrics.at("roc_auc"));
    CHECK(tracker.list_prediction_jobs().size() == 2);

    settings.config.model_target = "targte";
    postgres_workflow failing(settings, test_profile);
    const auto before = count(failing.metadata(), "breast_cancer");
    CHECK_THROWS_WITH_AS(failing.process_data(), doctest::Contains("model_target 'targte' is not a column"), error);
    CHECK(count(failing.metadata(), "breast_cancer") == before);
}

TEST_CASE("retrain_all refits the chosen model on all rows for the rounds early stopping kept") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings(home);
    auto& splitter = part<role::data_splitter>(part<role::train>(settings));
    splitter.train_ratio = 0.7;
    splitter.valid_ratio = 0.1;
    auto& trainer = part<role::model_trainer>(part<role::train>(settings));
    trainer.eta = 0.3;
    trainer.num_boost_round = 300;
    trainer.early_stopping_rounds = 10;
    part<role::train>(settings).config.retrain_all = true;
    breast_cancer_workflow workflow(settings, test_profile);
    const build_all_outcome out = workflow.build_all();

    // The refit's settings are recorded with the version: as many rounds as the chosen model
    // predicts with, well short of 300, and nothing left to stop early on.
    const std::string& params = out.trained.version.params;
    const auto at = params.find("num_boost_round = ");
    REQUIRE(at != std::string::npos);
    const int rounds = std::stoi(params.substr(at + 18));
    CHECK(rounds >= 1);
    CHECK(rounds < 300);
    CHECK(params.find("early_stopping_rounds = 0") != std::string::npos);
    context ctx;
    const local_artifact_store store({home / "artifacts"}, ctx);
    const auto stored = xgboost_trainer({}, ctx).load_model(store.get_model(out.trained.version.content_hash));
    CHECK(stored.boosted_rounds() == rounds);
    CHECK(out.predicted.metrics.at("accuracy") >= 0.9);
}

TEST_CASE("explain saves each row's feature contributions with the prediction job; they add up to its log-odds") {
    using explained_train = offline_train<bind<role::data_splitter, stratified_splitter>,
                                          bind<role::model_trainer, xgboost_trainer>,
                                          bind<role::model_explainer, xgboost_explainer>>;
    using explained_workflow = local_workflow<classification_runner, csv_process, explained_train, csv_predict>;
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings<explained_workflow>(home);
    part<role::predict>(settings).config.explain = true;
    explained_workflow workflow(settings, test_profile);
    const build_all_outcome out = workflow.build_all();

    const std::string path = explanations_target(settings.config.predictions_path);
    CHECK(path == (home / "predictions_explanations.csv").string());
    CHECK(workflow.metadata().get_tag(out.predicted.job.id, "explanations") == path);
    CHECK(workflow.metadata().get_tag(out.predicted.job.id, "explanations_hash").value_or("").size() == 64);
    const frame contributions = read_csv_file(path);
    const frame predictions = read_csv_file(settings.config.predictions_path);
    REQUIRE(contributions.rows() == 69);
    REQUIRE(contributions.cols() == 32);  // id, 30 features, bias
    CHECK(contributions.names().front() == "id");
    CHECK(contributions.names()[1] == "mean_radius");
    CHECK(contributions.names().back() == "bias");
    CHECK(contributions["id"] == predictions["id"]);
    for (std::size_t r = 0; r < contributions.rows(); ++r) {
        double margin = 0;
        for (std::size_t j = 1; j < contributions.cols(); ++j) margin += contributions.columns()[j].as_double(r);
        CHECK(1 / (1 + std::exp(-margin)) == doctest::Approx(predictions["probability_1"].as_double(r)).epsilon(1e-5));
    }
}

TEST_CASE("each step runs in its own runner and finds what the earlier steps stored") {
    lolpop_test::temp_directory home;
    const auto settings = breast_cancer_settings(home);
    const auto data = breast_cancer_workflow(settings, test_profile).process_data();
    const auto trained = breast_cancer_workflow(settings, test_profile).train_model();
    CHECK(trained.version.dataset_versions == std::vector<std::string>{data.id});
    const auto deployed = breast_cancer_workflow(settings, test_profile).deploy_model();
    REQUIRE(deployed.has_value());
    CHECK(deployed->model_version_id == trained.version.id);
    const auto predicted = breast_cancer_workflow(settings, test_profile).predict_data();
    CHECK(predicted.job.model_version_id == trained.version.id);
    const auto truth = breast_cancer_workflow(settings, test_profile).evaluate_ground_truth();
    CHECK(truth.at("accuracy") == predicted.metrics.at("accuracy"));
}

TEST_CASE("a weaker challenger does not replace the deployed champion") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings(home);
    breast_cancer_workflow(settings, test_profile).build_all();

    auto& trainer = part<role::model_trainer>(part<role::train>(settings));
    trainer.max_depth = 1;
    trainer.num_boost_round = 1;
    breast_cancer_workflow weaker(settings, test_profile);
    const auto out = weaker.build_all();
    CHECK(out.trained.version.version == 2);
    REQUIRE(out.trained.deployed_score.has_value());
    CHECK(out.trained.verdict == lolpop::champion_verdict::loses);
    CHECK_FALSE(out.deployed.has_value());
    CHECK(out.predicted.job.model_version_id != out.trained.version.id);
    CHECK(weaker.metadata().get_tag(out.trained.version.id, "champion_verdict") == "loses");

    // A verdict no train step writes stops the deploy step rather than deploying.
    weaker.metadata().set_tag(out.trained.version.id, "champion_verdict", "maybe");
    CHECK_THROWS_WITH_AS(breast_cancer_workflow(settings, test_profile).deploy_model(),
                         doctest::Contains("unknown verdict 'maybe'"), lolpop::error);
}

TEST_CASE("bad input stops the step with a clear error and leaves the stores as they were") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings(home);
    breast_cancer_workflow(settings, test_profile).build_all();
    const auto artifacts_before = std::distance(fs::recursive_directory_iterator(home / "artifacts"), {});

    SUBCASE("a target column that does not exist") {
        settings.config.model_target = "targte";
        breast_cancer_workflow w(settings, test_profile);
        const auto before = count(w.metadata(), "breast_cancer");
        CHECK_THROWS_WITH_AS(w.process_data(), doctest::Contains("model_target 'targte' is not a column of the data (did you mean 'target'?)"), error);
        CHECK(count(w.metadata(), "breast_cancer") == before);
    }
    SUBCASE("explanations asked for where the train pipeline binds no explainer") {
        part<role::predict>(settings).config.explain = true;
        breast_cancer_workflow w(settings, test_profile);
        const auto before = count(w.metadata(), "breast_cancer");
        CHECK_THROWS_WITH_AS(w.predict_data(), doctest::Contains("explain is on, but the train pipeline binds no model_explainer"), error);
        CHECK(count(w.metadata(), "breast_cancer") == before);
        CHECK_FALSE(fs::exists(home / "predictions_explanations.csv"));
    }
    SUBCASE("a missing data file") {
        settings.config.train_data = home / "no_such.csv";
        breast_cancer_workflow w(settings, test_profile);
        const auto before = count(w.metadata(), "breast_cancer");
        CHECK_THROWS_WITH_AS(w.process_data(), doctest::Contains("no_such.csv"), error);
        CHECK(count(w.metadata(), "breast_cancer") == before);
    }
    CHECK(std::distance(fs::recursive_directory_iterator(home / "artifacts"), {}) == artifacts_before);
}

TEST_CASE("a target or index column the data lacks stops process first: no dataset version, no run, the stores byte for byte") {
    lolpop_test::temp_directory home, input;
    auto settings = breast_cancer_settings(home);
    breast_cancer_workflow(settings, test_profile).build_all();
    const auto before = snapshot(home.path());
    REQUIRE(before.count("metadata.db") == 1);
    std::string expected;

    SUBCASE("the target") {
        settings.config.model_target = "targte";
        expected =
            "model_target 'targte' is not a column of the data (did you mean 'target'?) (" + settings.config.train_data + ")";
    }
    SUBCASE("the index") {
        settings.config.model_index = "idx";
        expected = "model_index 'idx' is not a column of the data (did you mean 'id'?) (" + settings.config.train_data + ")";
    }
    SUBCASE("a large file is judged by its header, before its rows are read") {
        // Its last record is broken: reading the rows first would report that instead.
        const std::string rows = read_file(settings.config.train_data);
        std::string text = rows;
        for (int i = 0; i < 20; ++i) text += rows.substr(rows.find('\n') + 1);
        text += "1,2\n";
        settings.config.train_data = input / "large.csv";
        write_file_atomically(settings.config.train_data, text);
        settings.config.model_target = "Target";
        expected = "model_target 'Target' is not a column of the data (did you mean 'target'?) (" + settings.config.train_data + ")";
    }
    {
        breast_cancer_workflow w(settings, test_profile);
        CHECK_THROWS_WITH_AS(w.process_data(), expected.c_str(), error);
    }
    CHECK(snapshot(home.path()) == before);
}

TEST_CASE("predict reads, scores and writes in chunks as it would the whole input, and bad input late in it stores nothing") {
    static_assert(chunked_data_connector<csv_data_connector> && streams_data_versions<local_artifact_store>);
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings(home);
    // 1 234 rows: the example's new rows again and again under new ids, so that chunks of 100
    // rows end anywhere in a record of theirs.
    const frame fresh = read_csv_file(settings.config.predict_data);
    std::vector<std::size_t> rows(1234);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i % fresh.rows();
    frame many = fresh.take(rows);
    many.remove("id");
    std::vector<std::int64_t> ids(rows.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::int64_t>(1000 + i);
    many.add(column::integer("id", ids));
    settings.config.predict_data = home / "many.csv";
    write_file_atomically(settings.config.predict_data, to_csv(many));

    part<role::predict>(settings).config.chunk_rows = 0;
    const build_all_outcome whole = breast_cancer_workflow(settings, test_profile).build_all();
    const std::string whole_predictions = read_file(settings.config.predictions_path);
    part<role::predict>(settings).config.chunk_rows = 100;
    breast_cancer_workflow chunked(settings, test_profile);
    const predict_outcome in_chunks = chunked.predict_data();

    CHECK(in_chunks.rows == 1234);
    CHECK(read_file(settings.config.predictions_path) == whole_predictions);
    CHECK(in_chunks.metrics == whole.predicted.metrics);
    const auto whole_input = chunked.metadata().get_dataset_version(whole.predicted.job.dataset_version_id);
    const auto chunked_input = chunked.metadata().get_dataset_version(in_chunks.job.dataset_version_id);
    REQUIRE(whole_input.has_value());
    REQUIRE(chunked_input.has_value());
    CHECK(chunked_input->content_hash == whole_input->content_hash);
    CHECK(chunked_input->rows == 1234);

    // Row 1 101 (line 1 102) cannot be read: the chunks before it were scored, but nothing is kept.
    std::string text = read_file(settings.config.predict_data);
    std::size_t at = 0;
    for (int line = 1; line < 1102; ++line) at = text.find('\n', at) + 1;
    text.insert(at, "oops");
    write_file_atomically(settings.config.predict_data, text);
    const auto before = count(chunked.metadata(), "breast_cancer");
    const auto artifacts_before = std::distance(fs::recursive_directory_iterator(home / "artifacts"), {});
    CHECK_THROWS_WITH_AS(breast_cancer_workflow(settings, test_profile).predict_data(),
                         doctest::Contains("many.csv:1102"), error);
    CHECK(count(chunked.metadata(), "breast_cancer") == before);
    CHECK(std::distance(fs::recursive_directory_iterator(home / "artifacts"), {}) == artifacts_before);
    CHECK(read_file(settings.config.predictions_path) == whole_predictions);
    for (const auto& entry : fs::directory_iterator(home.path())) CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);

    // A header alone: zero rows, the same predictions file as read whole.
    write_file_atomically(settings.config.predict_data, text.substr(0, text.find('\n') + 1));
    CHECK(breast_cancer_workflow(settings, test_profile).predict_data().rows == 0);
    const std::string empty_in_chunks = read_file(settings.config.predictions_path);
    part<role::predict>(settings).config.chunk_rows = 0;
    CHECK(breast_cancer_workflow(settings, test_profile).predict_data().rows == 0);
    CHECK(read_file(settings.config.predictions_path) == empty_in_chunks);
    CHECK(empty_in_chunks == "id,probability_0,probability_1,target\n");
}

TEST_CASE("regression on cars: a column transformer, missing values and a categorical feature") {
    using process = offline_process<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using predict = offline_predict<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using cars_workflow = local_workflow<regression_runner, process, xgboost_train<random_splitter>, predict>;
    lolpop_test::temp_directory home;
    cars_workflow::settings s{};
    s.config.train_data = examples + "cars/data/cars.csv";
    s.config.predict_data = examples + "cars/data/cars_new.csv";
    s.config.model_target = "Miles_per_Gallon";
    s.config.model_name = "cars";
    point_stores_at<cars_workflow>(s, home);
    part<role::data_transformer>(part<role::process>(s)).drop = {"Name"};
    part<role::data_transformer>(part<role::predict>(s)).drop = {"Name"};

    cars_workflow workflow(s, test_profile);
    const auto out = workflow.build_all();
    CHECK(out.trained.perf_metric == "rmse");
    CHECK(out.trained.metrics.at("r2") >= 0.75);
    CHECK(out.trained.metrics.at("rmse") < 4.5);
    CHECK(out.predicted.rows == 46);
    CHECK(out.predicted.metrics.count("rmse") == 1);
    const frame predictions = read_csv_file(s.config.predictions_path);
    CHECK(predictions.names() == std::vector<std::string>{"Miles_per_Gallon"});
    CHECK(predictions["Miles_per_Gallon"].missing_count() == 0);
}

TEST_CASE("infinity in the data stops process, naming the column and the row: no dataset version, no run") {
    using process = offline_process<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using predict = offline_predict<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using cars_workflow = local_workflow<regression_runner, process, xgboost_train<random_splitter>, predict>;
    lolpop_test::temp_directory home, input;
    auto s = cars_settings<cars_workflow>(home);
    std::string expected;
    SUBCASE("a derived column that is -inf where its input is 0") {
        part<role::data_transformer>(part<role::process>(s)).derive = {{"log_gap", "log(Cylinders - Cylinders)"}};
        expected = "column 'log_gap' of the transformed data is -inf at row 1: numeric features must be finite (process " +
                   s.config.train_data + ")";
    }
    SUBCASE("an inf cell in the file") {
        std::string text = read_file(s.config.train_data);
        const std::size_t third_line = text.find('\n', text.find('\n') + 1) + 1;
        const std::string header = text.substr(0, text.find('\n'));
        // The target is the column whose cell becomes "inf".
        const std::size_t before = static_cast<std::size_t>(std::count(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(header.find("Miles_per_Gallon")), ','));
        std::size_t at = third_line;
        for (std::size_t k = 0; k < before; ++k) at = text.find(',', at) + 1;
        text.replace(at, text.find_first_of(",\n", at) - at, "inf");
        s.config.train_data = input / "cars_inf.csv";
        write_file_atomically(s.config.train_data, text);
        expected = "'inf' in column 'Miles_per_Gallon' is not a finite number a double can hold (" + s.config.train_data + ":3)";
    }
    cars_workflow w(s, test_profile);
    CHECK_THROWS_WITH_AS(w.process_data(), expected.c_str(), error);
    CHECK(w.metadata().list_runs().empty());
    const bool stored = fs::exists(home / "artifacts") && !fs::is_empty(home / "artifacts");
    CHECK_FALSE(stored);
}

TEST_CASE("a binary-only perf_metric on a target with a third class stops train before a model is stored") {
    lolpop_test::temp_directory home, input;
    auto settings = breast_cancer_settings(home);
    // One row's target is 2 where every other is 0 or 1.
    std::string text = read_file(settings.config.train_data);
    const std::size_t second_row_end = text.find('\n', text.find('\n') + 1);
    text[second_row_end - 1] = '2';
    settings.config.train_data = input / "three_classes.csv";
    write_file_atomically(settings.config.train_data, text);
    part<role::train>(settings).config.perf_metric = "pr_auc";
    breast_cancer_workflow w(settings, test_profile);
    (void)w.process_data();
    const auto before = count(w.metadata(), "breast_cancer");
    CHECK_THROWS_WITH_AS(w.train_model(),
                         "perf_metric 'pr_auc' is for two classes, but target 'target' has 3 (0, 1, 2) (train.config.perf_metric)",
                         error);
    CHECK(count(w.metadata(), "breast_cancer").model_versions == before.model_versions);
}

TEST_CASE("a column whose type changed since the dataset's previous version stops process before it is stored") {
    lolpop_test::temp_directory home, input;
    auto settings = breast_cancer_settings(home);
    const dataset_version first = breast_cancer_workflow(settings, test_profile).process_data();
    // One stray text cell makes mean_radius categorical (with a warning at read).
    std::string text = read_file(settings.config.train_data);
    const std::size_t second_row = text.find('\n') + 1;
    const std::size_t radius = text.find(',', second_row) + 1;
    text.replace(radius, text.find(',', radius) - radius, "n/a");
    settings.config.train_data = input / "stray.csv";
    write_file_atomically(settings.config.train_data, text);
    breast_cancer_workflow w(settings, test_profile);
    const auto runs = w.metadata().list_runs().size();
    CHECK_THROWS_WITH_AS(w.process_data(),
                         ("column 'mean_radius' is categorical now but was numeric in the previous version " + first.id +
                          ": declare its type (column_types) or cast it in the data transformer (process " +
                          settings.config.train_data + ")")
                             .c_str(),
                         error);
    CHECK(w.metadata().list_runs().size() == runs);
    CHECK(w.metadata().latest_dataset_version("train")->id == first.id);
}

TEST_CASE("a feature chain is fitted on the training part, stored with the model and applied at predict time") {
    using process = offline_process<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using predict = offline_predict<bind<role::data_connector, csv_data_connector>,
                                    bind<role::data_transformer, column_transformer>>;
    using chain = feature_chain<median_imputer, one_hot_encoder, standard_scaler>;
    using chained_train = offline_train<bind<role::data_splitter, random_splitter>, bind<role::model_trainer, xgboost_trainer>,
                                        bind<role::feature_transformer, chain>>;
    using chained_workflow = local_workflow<regression_runner, process, chained_train, predict>;
    using plain_workflow = local_workflow<regression_runner, process, xgboost_train<random_splitter>, predict>;
    lolpop_test::temp_directory home;
    auto plain = cars_settings<plain_workflow>(home);
    auto chained = cars_settings<chained_workflow>(home);
    part<chain_step<one_hot_encoder>>(part<role::feature_transformer>(part<role::train>(chained))).columns = {"Origin"};
    context ctx;
    local_artifact_store store({home / "artifacts"}, ctx);

    // Without a feature transformer the stored model is the trainer's bytes, as before.
    const auto first = plain_workflow(plain, test_profile).build_all();
    CHECK_FALSE(is_model_bundle(store.get_model(first.trained.version.content_hash)));

    chained_workflow workflow(chained, test_profile);
    const auto out = workflow.build_all();
    CHECK(out.trained.metrics.at("r2") >= 0.75);
    CHECK(out.predicted.rows == 46);
    CHECK(out.predicted.metrics.count("rmse") == 1);  // cars_new.csv holds the truth
    REQUIRE(out.deployed.has_value());
    const std::string bytes = store.get_model(out.trained.version.content_hash);
    REQUIRE(is_model_bundle(bytes));
    const model_bundle_parts parts = unpack_model_bundle(bytes);
    CHECK(parts.transformer == "feature_chain");
    // The model reads the chain's features: Origin one-hot encoded, the rest imputed and scaled.
    const xgboost_model model = xgboost_trainer({}, ctx).load_model(parts.model);
    std::vector<std::string> features;
    for (const auto& f : model.features()) features.push_back(f.name);
    CHECK(features == std::vector<std::string>{"Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration",
                                               "Year", "Origin_Europe", "Origin_Japan", "Origin_USA"});
    chain fitted({}, ctx);
    fitted.load_state(parts.state);
    CHECK(fitted.output_layout().size() == features.size());
    // The predictions are the model's on the chain's dense output of the new data.
    const frame new_cars = read_csv_file(examples + "cars/data/cars_new.csv");
    const column expected = xgboost_trainer({}, ctx).predict(model, fitted.transform_dense(new_cars));
    CHECK(read_csv_file(chained.config.predictions_path)["Miles_per_Gallon"].numeric_values()[0] ==
          doctest::Approx(expected.numeric_values()[0]).epsilon(1e-6));

    // A workflow without the chain cannot apply it, and says so.
    CHECK_THROWS_WITH_AS(plain_workflow(plain, test_profile).predict_data(),
                         "the model was saved with fitted feature transformers, but this profile binds none; train and "
                         "deploy a model with this profile (stored model)",
                         error);
}

TEST_CASE("settings are reached by their profile paths, with did-you-mean for mistakes") {
    breast_cancer_workflow::settings s{};
    set_by_path(s, std::vector<std::string>{"train", "model_trainer", "max_depth"}, setting_value{std::int64_t{8}}, "");
    CHECK(part<role::model_trainer>(part<role::train>(s)).max_depth == 8);
    set_by_path(s, std::vector<std::string>{"train", "config", "perf_metric"}, setting_value{std::string("f1")}, "");
    CHECK(part<role::train>(s).config.perf_metric == "f1");
    CHECK_THROWS_WITH_AS(set_by_path(s, std::vector<std::string>{"train", "model_trainer", "max_dept"},
                                     setting_value{std::int64_t{8}}, ""),
                         doctest::Contains("unknown setting 'max_dept' (did you mean 'max_depth'?)"), error);
    CHECK_THROWS_WITH_AS(set_by_path(s, std::vector<std::string>{"trian", "model_trainer", "max_depth"},
                                     setting_value{std::int64_t{8}}, ""),
                         doctest::Contains("unknown role 'trian' (did you mean 'train'?)"), error);
    CHECK_THROWS_AS(set_by_path(s, std::vector<std::string>{"train", "model_trainer", "max_depth"},
                                setting_value{8.5}, ""),
                    error);

    std::vector<described_part> parts;
    describe_tree<breast_cancer_workflow>(s, "", parts);
    REQUIRE(parts.size() >= 10);
    CHECK(parts[0].type == "classification_runner");
    CHECK(parts[0].depth() == 0);
    const auto trainer = std::find_if(parts.begin(), parts.end(), [](auto& p) { return p.path == "train.model_trainer"; });
    REQUIRE(trainer != parts.end());
    CHECK(trainer->type == "xgboost_trainer");
    CHECK(trainer->depth() == 2);
}

TEST_CASE("a runner without a report_path is an error before any step runs") {
    lolpop_test::temp_directory home;
    auto settings = breast_cancer_settings(home);
    settings.config.report_path = "";
    CHECK_THROWS_WITH_AS(breast_cancer_workflow(settings, test_profile), "report_path is not set (config.report_path)", error);
}
