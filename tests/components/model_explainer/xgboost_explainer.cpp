#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/model_explainer/xgboost_explainer.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>
#include <xgboost/c_api.h>

#include <cmath>
#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <numeric>
#include <regex>
#include <string>
#include <vector>

namespace {

lolpop::frame breast_cancer() {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
    data.remove("id");
    return data;
}

// Penguins whose `target` is known; `numeric_only` drops the categorical features.
lolpop::frame penguins(const std::string& target, bool numeric_only = false) {
    auto data = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < data.rows(); ++i)
        if (!data[target].is_missing(i)) rows.push_back(i);
    data = data.take(rows);
    if (numeric_only)
        for (const std::string name : {"Island", "Sex", "Species"})
            if (name != target) data.remove(name);
    return data;
}

lolpop::data_split split(const lolpop::frame& data, const std::string& target, double valid = 0.0) {
    lolpop::context ctx;
    return lolpop::random_splitter({0.8 - valid, valid, 0.2, 9}, ctx).split_data(data, target);
}

double row_sum(const lolpop::frame& f, std::size_t row) {
    double sum = 0;
    for (const auto& c : f.columns()) sum += c.numeric_values()[row];
    return sum;
}

// Per feature index, the splits XGBoost's own text dump lists in the first `trees` trees: their
// count and their gains and covers, an account independent of XGBoosterFeatureScore.
struct split_stats {
    double count = 0, gain = 0, cover = 0;
};
std::map<std::size_t, split_stats> splits_in_dump(const lolpop::xgboost_model& model, std::size_t trees) {
    bst_ulong n = 0;
    const char** dump = nullptr;
    REQUIRE(XGBoosterDumpModelEx(model.booster(), "", 1, "text", &n, &dump) == 0);
    REQUIRE(trees <= n);
    const std::regex split(R"(\[f(\d+)<[^\]]*\][^\n]*gain=([-+0-9.eE]+),cover=([-+0-9.eE]+))");
    std::map<std::size_t, split_stats> out;
    for (std::size_t t = 0; t < trees; ++t) {
        const std::string text = dump[t];
        for (std::sregex_iterator it(text.begin(), text.end(), split), end; it != end; ++it) {
            auto& s = out[std::stoul((*it)[1])];
            s.count += 1;
            s.gain += std::stod((*it)[2]);
            s.cover += std::stod((*it)[3]);
        }
    }
    return out;
}

std::map<std::string, double> importance_of(const lolpop::xgboost_trainer& trainer, const lolpop::xgboost_model& model,
                                            const std::string& type) {
    lolpop::context ctx;
    std::map<std::string, double> out;
    for (const auto& f : lolpop::xgboost_explainer({type}, ctx).get_feature_importance(trainer, model))
        out[f.feature] = f.importance;
    return out;
}

}  // namespace

TEST_CASE("xgboost_explainer: per-row contributions and bias add up to the log-odds on breast cancer") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(breast_cancer(), "target");
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    const lolpop::xgboost_explainer explainer({}, ctx);

    const lolpop::frame contributions = explainer.get_explanations(trainer, model, s.test.X);
    REQUIRE(contributions.cols() == 31);
    REQUIRE(contributions.rows() == s.test.X.rows());
    CHECK(contributions.columns().front().name() == "mean_radius");
    CHECK(contributions.columns().back().name() == "bias");
    const auto proba = trainer.predict_proba(model, s.test.X);
    for (std::size_t i = 0; i < contributions.rows(); ++i) {
        CAPTURE(i);
        CHECK(1 / (1 + std::exp(-row_sum(contributions, i))) == doctest::Approx(proba(i, 1)).epsilon(1e-5));
    }
    // The bias is the same for every row: the margin of a row nothing is known about.
    const auto bias = contributions["bias"].numeric_values();
    CHECK(std::adjacent_find(bias.begin(), bias.end(), std::not_equal_to<>()) == bias.end());

    const auto none = explainer.get_explanations(trainer, model, s.test.X.take(std::vector<std::size_t>{}));
    CHECK(none.cols() == 31);
    CHECK(none.rows() == 0);
}

TEST_CASE("xgboost_explainer: feature importance agrees with XGBoost's tree dump, over the rounds that predict") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.num_boost_round = 300;
    c.early_stopping_rounds = 5;
    c.eta = 0.5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(breast_cancer(), "target", 0.2);
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    const auto trees = static_cast<std::size_t>(model.best_iteration() + 1);
    REQUIRE(trees < static_cast<std::size_t>(model.boosted_rounds()));  // the rounds after the best must not count

    const auto dump = splits_in_dump(model, trees);
    const auto weight = importance_of(trainer, model, "weight");
    const auto gain = importance_of(trainer, model, "gain");
    const auto total_gain = importance_of(trainer, model, "total_gain");
    const auto cover = importance_of(trainer, model, "cover");
    const auto total_cover = importance_of(trainer, model, "total_cover");
    REQUIRE(weight.size() == 30);
    const auto& features = model.features();
    for (std::size_t j = 0; j < features.size(); ++j) {
        const std::string& name = features[j].name;
        CAPTURE(name);
        const auto it = dump.find(j);
        if (it == dump.end()) {
            CHECK(weight.at(name) == 0);
            CHECK(gain.at(name) == 0);
            continue;
        }
        const split_stats& d = it->second;
        CHECK(weight.at(name) == d.count);
        CHECK(total_gain.at(name) == doctest::Approx(d.gain).epsilon(1e-4));
        CHECK(gain.at(name) == doctest::Approx(d.gain / d.count).epsilon(1e-4));
        CHECK(total_cover.at(name) == doctest::Approx(d.cover).epsilon(1e-4));
        CHECK(cover.at(name) == doctest::Approx(d.cover / d.count).epsilon(1e-4));
    }

    // Most important first, every feature listed once.
    const auto ranked = lolpop::xgboost_explainer({}, ctx).get_feature_importance(trainer, model);
    REQUIRE(ranked.size() == 30);
    for (std::size_t k = 1; k < ranked.size(); ++k) CHECK(ranked[k - 1].importance >= ranked[k].importance);
    CHECK(ranked.front().importance > 0);

    // Early stopping: the contributions explain the prediction of the best round too.
    const auto contributions = lolpop::xgboost_explainer({}, ctx).get_explanations(trainer, model, s.test.X);
    const auto proba = trainer.predict_proba(model, s.test.X);
    for (std::size_t i = 0; i < contributions.rows(); ++i)
        CHECK(1 / (1 + std::exp(-row_sum(contributions, i))) == doctest::Approx(proba(i, 1)).epsilon(1e-5));
}

TEST_CASE("xgboost_explainer: regression contributions add up to the prediction, categorical features included") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.num_boost_round = 50;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(penguins("Body Mass (g)"), "Body Mass (g)");
    const auto model = trainer.fit(s, lolpop::problem_type::regression);
    const auto contributions = lolpop::xgboost_explainer({}, ctx).get_explanations(trainer, model, s.test.X);
    CHECK(contributions.names() ==
          std::vector<std::string>{"Species", "Island", "Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Sex", "bias"});
    const auto predicted = trainer.predict(model, s.test.X);
    for (std::size_t i = 0; i < contributions.rows(); ++i)
        CHECK(row_sum(contributions, i) == doctest::Approx(predicted.as_double(i)).epsilon(1e-5));
    // Species tells much about a penguin's mass.
    double species = 0;
    for (double v : contributions["Species"].numeric_values()) species += std::abs(v);
    CHECK(species > 0);
}

TEST_CASE("xgboost_explainer: a multiclass model is explained for each row's predicted class") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.num_boost_round = 20;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(penguins("Species", true), "Species");
    const auto model = trainer.fit(s, lolpop::problem_type::multiclass);
    const auto contributions = lolpop::xgboost_explainer({}, ctx).get_explanations(trainer, model, s.test.X);
    REQUIRE(contributions.cols() == 5);

    // XGBoost's own margins, one per class, for the same rows (all numeric: no encoding needed).
    const std::size_t rows = s.test.X.rows(), cols = model.features().size();
    std::vector<float> values(rows * cols);
    for (std::size_t j = 0; j < cols; ++j)
        for (std::size_t i = 0; i < rows; ++i)
            values[i * cols + j] = static_cast<float>(s.test.X[model.features()[j].name].as_double(i));
    DMatrixHandle data = nullptr;
    REQUIRE(XGDMatrixCreateFromMat(values.data(), rows, cols, std::nanf(""), &data) == 0);
    const bst_ulong* shape = nullptr;
    bst_ulong dims = 0;
    const float* result = nullptr;
    const char* request = R"({"type": 1, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": true})";
    REQUIRE(XGBoosterPredictFromDMatrix(model.booster(), data, request, &shape, &dims, &result) == 0);
    REQUIRE(dims == 2);
    REQUIRE(shape[1] == 3);
    // XGBoost reuses its result buffer for the booster's next prediction.
    const std::vector<float> margins(result, result + rows * 3);
    XGDMatrixFree(data);
    const auto predicted = trainer.predict(model, s.test.X);
    for (std::size_t i = 0; i < rows; ++i) {
        const float* row = margins.data() + i * 3;
        const auto k = static_cast<std::size_t>(std::max_element(row, row + 3) - row);
        CHECK(predicted.to_string(i) == model.classes()[k]);
        CHECK(row_sum(contributions, i) == doctest::Approx(row[k]).epsilon(1e-5));
    }
}

TEST_CASE("xgboost_explainer: a linear model's importance is its coefficients") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.booster = "gblinear";
    c.num_boost_round = 30;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(penguins("Body Mass (g)", true), "Body Mass (g)");
    const auto model = trainer.fit(s, lolpop::problem_type::regression);

    // The text dump of a linear booster: "bias:", its value, "weight:", one coefficient a line.
    bst_ulong n = 0;
    const char** dump = nullptr;
    REQUIRE(XGBoosterDumpModelEx(model.booster(), "", 0, "text", &n, &dump) == 0);
    REQUIRE(n == 1);
    std::string text = dump[0];
    text = text.substr(text.find("weight:") + 8);
    std::vector<double> coefficients;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        coefficients.push_back(std::stod(text.substr(at, end - at)));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    REQUIRE(coefficients.size() == 3);  // beak length, beak depth, flipper length
    const auto weight = importance_of(trainer, model, "weight");
    for (std::size_t j = 0; j < 3; ++j)
        CHECK(weight.at(model.features()[j].name) == doctest::Approx(std::abs(coefficients[j])).epsilon(1e-5));

    const auto contributions = lolpop::xgboost_explainer({"weight"}, ctx).get_explanations(trainer, model, s.test.X);
    const auto predicted = trainer.predict(model, s.test.X);
    for (std::size_t i = 0; i < contributions.rows(); ++i)
        CHECK(row_sum(contributions, i) == doctest::Approx(predicted.as_double(i)).epsilon(1e-5));

    CHECK(message_of([&] { (void)lolpop::xgboost_explainer({}, ctx).get_feature_importance(trainer, model); }) ==
          "importance type 'gain' is not defined for a gblinear model; 'weight' (its coefficients) is "
          "(xgboost_explainer.importance_type)");
}

TEST_CASE("xgboost_explainer rejects unknown importance types, missing features and a feature named bias") {
    lolpop::context ctx;
    CHECK(message_of([&] { lolpop::xgboost_explainer({"gian"}, ctx); }) ==
          "unknown importance type 'gian' (did you mean 'gain'?); one of weight, gain, cover, total_gain, total_cover "
          "(xgboost_explainer.importance_type)");

    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.num_boost_round = 5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const lolpop::xgboost_explainer explainer({}, ctx);
    auto s = split(breast_cancer(), "target");
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    auto X = s.test.X;
    X.remove("mean_texture");
    CHECK(message_of([&] { (void)explainer.get_explanations(trainer, model, X); }) ==
          "missing feature 'mean_texture' (xgboost_explainer.get_explanations)");

    s.train.X.add(lolpop::column::numeric("bias", std::vector<double>(s.train.X.rows(), 1.0)));
    const auto biased = trainer.fit(s, lolpop::problem_type::binary);
    CHECK(message_of([&] { (void)explainer.get_explanations(trainer, biased, s.train.X); }) ==
          "a training feature is named 'bias', the name of the constant contribution's column "
          "(xgboost_explainer.get_explanations)");
}
