// timeseries_runner composed by hand in C++ (what a generated profile header does), run end to end
// on the Seattle weather series with every real backend.
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/components/data_splitter/time_ordered_splitter.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/composition/settings_tree.hpp>
#include <lolpop/runners/timeseries_runner.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace lolpop;

namespace {

using csv_process = offline_process<bind<role::data_connector, csv_data_connector>>;
using csv_predict = offline_predict<bind<role::data_connector, csv_data_connector>>;
using local_deploy = offline_deploy<bind<role::model_repository, local_model_repository>,
                                    bind<role::model_deployer, local_model_deployer>>;
using forecast_train = offline_train<bind<role::data_splitter, time_ordered_splitter>, bind<role::model_trainer, xgboost_trainer>>;
using weather_workflow =
    timeseries_runner<bind<role::metadata_tracker, sqlite_metadata_tracker>, bind<role::metrics_tracker, sqlite_metrics_tracker>,
                      bind<role::resource_version_control, local_artifact_store>, bind<role::process, csv_process>,
                      bind<role::train, forecast_train>, bind<role::deploy, local_deploy>, bind<role::predict, csv_predict>>;

const profile_info test_profile{"test", "0123", "timeseries_runner.cpp", ""};
const std::string data_dir = LOLPOP_SOURCE_DIR "/examples/seattle_weather/data/";

weather_workflow::settings weather_settings(const lolpop_test::temp_directory& home) {
    weather_workflow::settings s{};
    s.config.train_data = data_dir + "seattle_weather.csv";
    s.config.predict_data = data_dir + "seattle_weather_new.csv";
    s.config.model_target = "temp_max";
    s.config.time_column = "date";
    s.config.lags = {1, 2, 7};
    s.config.rolling_windows = {7};
    s.config.model_name = "temp_max";
    s.config.predictions_path = home / "predictions.csv";
    part<role::metadata_tracker>(s).path = home / "metadata.db";
    part<role::metrics_tracker>(s).path = home / "metadata.db";
    part<role::resource_version_control>(s).path = home / "artifacts";
    part<role::model_repository>(part<role::deploy>(s)).path = home / "registry";
    part<role::model_deployer>(part<role::deploy>(s)).path = home / "deployments";
    auto& trainer = part<role::model_trainer>(part<role::train>(s));
    trainer.booster = "gblinear";
    trainer.num_boost_round = 200;
    trainer.eta = 0.5;
    trainer.nthread = 1;
    return s;
}

std::vector<std::string> texts(const column& c) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.to_string(r));
    return out;
}

// "Tomorrow is like today" on the last `count` days that have a tomorrow in the file.
metric_values naive_forecast(const frame& data, std::size_t count, std::size_t horizon) {
    const column& y = data["temp_max"];
    const std::size_t end = y.size() - horizon;
    std::vector<double> truth, guess;
    for (std::size_t t = end - count; t < end; ++t) {
        truth.push_back(y.as_double(t + horizon));
        guess.push_back(y.as_double(t));
    }
    return evaluate(problem_type::regression, column::numeric("y", truth), column::numeric("y", guess), {});
}

}  // namespace

TEST_CASE("build_all forecasts tomorrow's temp_max better than 'tomorrow is like today' on the most recent days") {
    lolpop_test::temp_directory home;
    const auto settings = weather_settings(home);
    weather_workflow workflow(settings, test_profile);
    CHECK(weather_workflow::name == "timeseries_runner");
    const build_all_outcome out = workflow.build_all();

    CHECK(out.data.rows == 1401);  // the process step stores the series as it came
    CHECK(out.data.cols == 6);
    CHECK(out.trained.perf_metric == "rmse");
    // 1401 days, 6 of history, the last without a tomorrow: 1394 labeled origins, the last 279 test.
    const metric_values naive = naive_forecast(read_csv_file(settings.config.train_data), 279, 1);
    INFO("model rmse ", out.trained.metrics.at("rmse"), ", naive rmse ", naive.at("rmse"));
    CHECK(out.trained.metrics.at("rmse") < naive.at("rmse"));
    CHECK(out.trained.metrics.at("mae") < naive.at("mae"));
    CHECK(out.trained.metrics.at("r2") > 0.75);

    // 60 predict days: 6 of history, 54 forecasts, the last for a day the data does not hold.
    REQUIRE(out.deployed.has_value());
    CHECK(out.predicted.rows == 54);
    CHECK(out.predicted.job.rows == 54);
    CHECK(out.predicted.metrics.count("rmse") == 1);
    const frame predictions = read_csv_file(settings.config.predictions_path);
    CHECK(predictions.names() == std::vector<std::string>{"date", "forecast_date", "temp_max"});
    REQUIRE(predictions.rows() == 54);
    CHECK(texts(predictions["date"]).front() == "2015-11-08");
    CHECK(texts(predictions["forecast_date"]).front() == "2015-11-09");
    CHECK(texts(predictions["date"]).back() == "2015-12-31");
    CHECK(texts(predictions["forecast_date"]).back() == "2016-01-01");
    CHECK(predictions["temp_max"].missing_count() == 0);
    for (double v : predictions["temp_max"].numeric_values()) CHECK((v > -5 && v < 20));  // a Seattle winter

    // evaluate scores the same forecasts against the days that have happened.
    const metric_values truth = weather_workflow(settings, test_profile).evaluate_ground_truth();
    CHECK(truth.at("rmse") == doctest::Approx(out.predicted.metrics.at("rmse")));
    CHECK(truth.at("rmse") < 4.0);

    auto& tracker = workflow.metadata();
    CHECK(tracker.list_runs().size() == 5);
    for (const run& r : tracker.list_runs()) CHECK(r.status == lolpop::run_status::ok);
    CHECK(tracker.get_lineage(out.trained.version).size() == 1);
}

TEST_CASE("a horizon of two days forecasts the day after tomorrow") {
    lolpop_test::temp_directory home;
    auto settings = weather_settings(home);
    set_by_path(settings, std::vector<std::string>{"config", "horizon"}, setting_value{std::int64_t{2}}, "");
    set_by_path(settings, std::vector<std::string>{"config", "lags"}, setting_value{std::vector<double>{2, 3, 8}}, "");
    CHECK(settings.config.horizon == 2);
    weather_workflow workflow(settings, test_profile);
    const build_all_outcome out = workflow.build_all();
    // 1401 days, 6 of history, 2 without a label: 1393 origins, the last 279 test.
    const metric_values naive = naive_forecast(read_csv_file(settings.config.train_data), 279, 2);
    CHECK(out.trained.metrics.at("rmse") < naive.at("rmse"));
    const frame predictions = read_csv_file(settings.config.predictions_path);
    CHECK(texts(predictions["date"]).front() == "2015-11-08");
    CHECK(texts(predictions["forecast_date"]).front() == "2015-11-10");
    CHECK(texts(predictions["forecast_date"]).back() == "2016-01-02");
}

TEST_CASE("the runner's settings are reached and described by their profile paths") {
    weather_workflow::settings s{};
    set_by_path(s, std::vector<std::string>{"config", "rolling_windows"}, setting_value{std::vector<double>{7, 30}}, "");
    set_by_path(s, std::vector<std::string>{"config", "time_column"}, setting_value{std::string("date")}, "");
    set_by_path(s, std::vector<std::string>{"train", "data_splitter", "valid_ratio"}, setting_value{0.1}, "");
    CHECK(s.config.rolling_windows == std::vector<double>{7, 30});
    CHECK(part<role::data_splitter>(part<role::train>(s)).valid_ratio == 0.1);
    CHECK_THROWS_WITH_AS(set_by_path(s, std::vector<std::string>{"config", "horizn"}, setting_value{std::int64_t{2}}, ""),
                         doctest::Contains("unknown setting 'horizn' (did you mean 'horizon'?)"), error);
    CHECK_THROWS_WITH_AS(set_by_path(s, std::vector<std::string>{"config", "lags"}, setting_value{std::string("1")}, ""),
                         doctest::Contains("config.lags"), error);

    std::vector<described_part> parts;
    describe_tree<weather_workflow>(s, "", parts);
    REQUIRE_FALSE(parts.empty());
    CHECK(parts[0].type == "timeseries_runner");
    const auto has = [&](const std::string& key, const std::string& value) {
        return std::find(parts[0].settings.begin(), parts[0].settings.end(), std::pair{key, value}) != parts[0].settings.end();
    };
    CHECK(has("time_column", "\"date\""));
    CHECK(has("horizon", "1"));
    CHECK(has("model_target", "\"\""));
    const auto splitter = std::find_if(parts.begin(), parts.end(), [](auto& p) { return p.path == "train.data_splitter"; });
    REQUIRE(splitter != parts.end());
    CHECK(splitter->type == "time_ordered_splitter");
}

TEST_CASE("bad time series settings stop the runner before it touches a store") {
    lolpop_test::temp_directory home;
    auto settings = weather_settings(home);
    SUBCASE("a lag shorter than the horizon") {
        settings.config.horizon = 3;
        CHECK_THROWS_WITH_AS(weather_workflow(settings, test_profile), doctest::Contains("lag 1 is below the horizon 3"), error);
    }
    SUBCASE("the time column as the index") {
        settings.config.model_index = "date";
        CHECK_THROWS_WITH_AS(weather_workflow(settings, test_profile),
                             "model_index and time_column are both 'date'; leave model_index empty (config.model_index)", error);
    }
    SUBCASE("no time column") {
        settings.config.time_column = "";
        CHECK_THROWS_WITH_AS(weather_workflow(settings, test_profile), "time_column is not set (config.time_column)", error);
    }
    CHECK_FALSE(std::filesystem::exists(home / "metadata.db"));
}

TEST_CASE("bad data stops the step with a clear error and stores nothing") {
    lolpop_test::temp_directory home;
    auto settings = weather_settings(home);
    SUBCASE("a time column the data does not have") {
        settings.config.time_column = "day";
        weather_workflow w(settings, test_profile);
        CHECK_THROWS_WITH_AS(w.process_data(), doctest::Contains("time_column 'day' is not a column of the data (did you mean 'date'?)"),
                             error);
        CHECK(w.metadata().list_runs().empty());
    }
    SUBCASE("predict data shorter than the history the features need") {
        weather_workflow(settings, test_profile).build_all();
        const frame recent = read_csv_file(settings.config.predict_data);
        std::vector<std::size_t> first_week = {0, 1, 2, 3, 4, 5};
        const std::string short_file = (home / "short.csv").string();
        {
            std::ofstream out(short_file);
            write_csv(recent.take(first_week), out);
        }
        settings.config.predict_data = short_file;
        weather_workflow w(settings, test_profile);
        const auto jobs = w.metadata().list_prediction_jobs().size();
        CHECK_THROWS_WITH_AS(w.predict_data(),
                             "6 rows are too few: the lags and rolling windows need 6 rows of history before the first row "
                             "to forecast from, and the step of the series two rows (config.lags, config.rolling_windows)",
                             error);
        CHECK(w.metadata().list_prediction_jobs().size() == jobs);
    }
}
