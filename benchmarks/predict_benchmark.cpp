// The predict path of a profile binary against XGBoost's C API called directly, on the same
// 1 M rows. The profile is breast_cancer's dev.toml (its generated header is compiled in): the
// model is trained with its trainer and settings on examples/breast_cancer/data, saved and loaded
// back as the predict step loads the deployed model, and scores 1 M rows resampled from that data
// (each value jittered by 1%, seeded), the index and target columns included, as the predict step
// reads them:
//   predict/profile_predict_all    what the predict step computes: labels and probabilities,
//                                  through the profile's feature transformer, from the frame;
//   predict/profile_predict_proba  the probabilities alone;
//   predict/c_api                  XGBoosterPredictFromDense on the row-major float matrix of the
//                                  same features, made beforehand, and the labels from its output;
//   predict/c_api_chunks           the same in the predict step's chunks (reported, not in the table).
#include "lolpop_profile.hpp"

#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <xgboost/c_api.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using train_pipeline = lolpop_profile::train_pipeline;
using features_type = train_pipeline::features_type;
using trainer_type = train_pipeline::trainer_type;
using predictor_type = train_pipeline::predictor_type;
using explainer_type = train_pipeline::explainer_type;

constexpr std::size_t rows = 1'000'000;
const std::string target = "target", index_column = "id";

// `n` rows drawn from `data` with replacement, every number times (1 + 0.01 z), z standard normal.
lolpop::frame resampled(const lolpop::frame& data, std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, data.rows() - 1);
    std::vector<std::size_t> picked(n);
    for (auto& r : picked) r = pick(rng);
    lolpop::frame out = data.take(picked);
    std::normal_distribution<double> jitter(0.0, 0.01);
    std::vector<lolpop::column> columns;
    for (const lolpop::column& c : out.columns()) {
        if (c.name() == target || c.name() == index_column || c.type() != lolpop::column_type::numeric) {
            columns.push_back(c);
            continue;
        }
        std::vector<double> values(c.numeric_values().begin(), c.numeric_values().end());
        for (double& v : values) v *= 1 + jitter(rng);
        columns.push_back(lolpop::column::numeric(c.name(), std::move(values)));
    }
    return lolpop::frame(std::move(columns));
}

// The model the training step makes: on the features as the fitted transformer makes them.
template <class Features>
trainer_type::model_type fit_model(const trainer_type& trainer, const Features& fitted, const lolpop::data_split& split) {
    if constexpr (std::is_same_v<Features, lolpop::null_feature_transformer>)
        return trainer.fit(split, lolpop::problem_type::binary);
    else
        return trainer.fit(fitted.transform_dense(split.train.X), split.train.y, lolpop::problem_type::binary);
}

// The row-major float matrix of `X` as the model reads it, and its number of columns.
template <class Features>
std::pair<std::vector<float>, std::size_t> model_matrix(const Features& fitted, const lolpop::frame& X) {
    if constexpr (std::is_same_v<Features, lolpop::null_feature_transformer>) {
        const std::size_t n = X.rows(), cols = X.cols();
        std::vector<float> out(n * cols);
        for (std::size_t j = 0; j < cols; ++j)
            for (std::size_t i = 0; i < n; ++i) out[i * cols + j] = static_cast<float>(X.columns()[j].as_double(i));
        return {std::move(out), cols};
    } else {
        const lolpop::dense_matrix dense = fitted.transform_dense(X);
        return {std::vector<float>(dense.data(), dense.data() + dense.rows() * dense.cols()), dense.cols()};
    }
}

struct fixture {
    lolpop::context ctx;
    lolpop_profile::workflow::settings settings = lolpop_profile::make_settings();
    trainer_type trainer{lolpop::part<lolpop::role::model_trainer>(lolpop::part<lolpop::role::train>(settings)), ctx};
    explainer_type explainer{lolpop::part<lolpop::role::model_explainer>(lolpop::part<lolpop::role::train>(settings)), ctx};
    predictor_type predictor{trainer, lolpop::part<lolpop::role::feature_transformer>(lolpop::part<lolpop::role::train>(settings)),
                             explainer, ctx};
    std::unique_ptr<predictor_type::model_type> model;
    lolpop::frame X;
    std::vector<float> matrix;  // what the C API reads: X's features, row-major, as the model was trained
    std::size_t features = 0;

    fixture() {
        const auto& train = lolpop::part<lolpop::role::train>(settings);
        lolpop::frame data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
        lolpop::data_split split;
        split.train.y = data[target];
        split.train.X = data.drop(std::vector<std::string>{index_column, target});
        features_type fitted(lolpop::part<lolpop::role::feature_transformer>(train), ctx);
        fitted.fit(split.train.X);
        const auto trained = fit_model(trainer, fitted, split);
        model = std::make_unique<predictor_type::model_type>(predictor.load_model(predictor.save_model(fitted, trained)));

        X = resampled(data, rows, 42);
        std::tie(matrix, features) = model_matrix(model->features, X.drop(std::vector<std::string>{index_column, target}));
    }
};

void counters(benchmark::State& state) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
    state.counters["rows"] = static_cast<double>(rows);
}

void profile_predict_all(benchmark::State& state, const fixture& f) {
    for (auto _ : state) {
        auto out = f.predictor.predict_all(*f.model, f.X, true);
        benchmark::DoNotOptimize(out);
    }
    counters(state);
}

void profile_predict_proba(benchmark::State& state, const fixture& f) {
    for (auto _ : state) {
        auto out = f.predictor.predict_proba(*f.model, f.X);
        benchmark::DoNotOptimize(out);
    }
    counters(state);
}

// XGBoost's prediction settings: the rounds the model predicts with, up to the best one when early
// stopping kept later ones.
std::string prediction_config(const lolpop::xgboost_model& m) {
    const int end = m.best_iteration() + 1 < m.boosted_rounds() ? m.best_iteration() + 1 : 0;
    return fmt::format(
        R"({{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": {}, "strict_shape": false, "missing": NaN, "cache_id": 0}})",
        end);
}

// XGBoosterPredictFromDense on rows [begin, begin + n) of the fixture's matrix, and their labels.
void predict_labels(const fixture& f, const std::string& config, std::size_t begin, std::size_t n, int* labels) {
    const std::string array =
        fmt::format(R"({{"data": [{}, true], "shape": [{}, {}], "strides": null, "typestr": "<f4", "version": 3}})",
                    reinterpret_cast<std::uintptr_t>(f.matrix.data() + begin * f.features), n, f.features);
    const bst_ulong* shape = nullptr;
    bst_ulong dims = 0;
    const float* result = nullptr;
    if (XGBoosterPredictFromDense(f.model->model.booster(), array.c_str(), config.c_str(), nullptr, &shape, &dims,
                                  &result) != 0)
        throw lolpop::error(XGBGetLastError(), "XGBoosterPredictFromDense");
    for (std::size_t i = 0; i < n; ++i) labels[i] = result[i] > 0.5f ? 1 : 0;
}

void c_api(benchmark::State& state, const fixture& f) {
    const std::string config = prediction_config(f.model->model);
    for (auto _ : state) {
        std::vector<int> labels(rows);
        predict_labels(f, config, 0, rows, labels.data());
        benchmark::DoNotOptimize(labels);
    }
    counters(state);
}

// c_api in the chunks the predict step uses (4 MB of features per call): what XGBoost's cost per
// call adds, apart from laying the features out.
void c_api_chunks(benchmark::State& state, const fixture& f) {
    const std::string config = prediction_config(f.model->model);
    const std::size_t chunk = (std::size_t{1} << 22) / (sizeof(float) * f.features);
    for (auto _ : state) {
        std::vector<int> labels(rows);
        for (std::size_t begin = 0; begin < rows; begin += chunk)
            predict_labels(f, config, begin, std::min(chunk, rows - begin), labels.data() + begin);
        benchmark::DoNotOptimize(labels);
    }
    counters(state);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    // A local, not a static: XGBoost's per-thread state is gone by the time statics are destroyed,
    // and freeing a booster needs it.
    const fixture f;
    for (auto [name, run] : {std::pair{"predict/profile_predict_all", &profile_predict_all},
                             std::pair{"predict/profile_predict_proba", &profile_predict_proba}, std::pair{"predict/c_api", &c_api}, std::pair{"predict/c_api_chunks", &c_api_chunks}})
        benchmark::RegisterBenchmark(name, run, std::cref(f))->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(5);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
