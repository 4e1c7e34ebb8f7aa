#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>
#include <lolpop/data/sha256.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

lolpop::frame breast_cancer() {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
    data.remove("id");
    return data;
}

lolpop::frame penguins() { return lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv"); }

// The model year (the "Year" column holds dates like 1970-01-01) explains much of the mileage.
lolpop::frame cars() {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/cars/data/cars.csv");
    data.remove("Name");
    const auto dates = data.extract("Year");
    std::vector<std::int64_t> years;
    for (std::size_t i = 0; i < dates.size(); ++i) years.push_back(std::stoll(dates.to_string(i).substr(0, 4)));
    data.add(lolpop::column::integer("Year", years));
    std::vector<std::size_t> labeled;
    for (std::size_t i = 0; i < data.rows(); ++i)
        if (!data["Miles_per_Gallon"].is_missing(i)) labeled.push_back(i);
    return data.take(labeled);
}

// A seeded shuffle cut into train and test (and valid, when asked) parts.
lolpop::data_split split(lolpop::frame data, const std::string& target, double test_fraction = 0.2,
                         double valid_fraction = 0.0) {
    lolpop::column y = data.extract(target);
    std::vector<std::size_t> rows(data.rows());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    std::mt19937_64 rng(20240601);
    std::shuffle(rows.begin(), rows.end(), rng);
    const auto n_test = static_cast<std::size_t>(static_cast<double>(rows.size()) * test_fraction);
    const auto n_valid = static_cast<std::size_t>(static_cast<double>(rows.size()) * valid_fraction);
    const std::vector<std::size_t> test(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n_test));
    const std::vector<std::size_t> valid(rows.begin() + static_cast<std::ptrdiff_t>(n_test),
                                         rows.begin() + static_cast<std::ptrdiff_t>(n_test + n_valid));
    const std::vector<std::size_t> train(rows.begin() + static_cast<std::ptrdiff_t>(n_test + n_valid), rows.end());
    lolpop::data_split s;
    s.train = {data.take(train), y.take(train)};
    s.test = {data.take(test), y.take(test)};
    if (n_valid > 0) s.valid = {data.take(valid), y.take(valid)};
    return s;
}

lolpop::metric_values evaluate(const lolpop::xgboost_trainer& trainer, const lolpop::xgboost_model& model,
                               const lolpop::labeled_data& part) {
    const auto proba = model.problem() == lolpop::problem_type::regression ? lolpop::class_probabilities{}
                                                                          : trainer.predict_proba(model, part.X);
    return lolpop::evaluate(model.problem(), part.y, trainer.predict(model, part.X), proba);
}

lolpop::column relabeled(const lolpop::column& c, const std::vector<std::optional<std::string>>& labels) {
    return lolpop::column::categorical(c.name(), labels);
}

std::vector<std::optional<std::string>> labels_of(const lolpop::column& c) {
    std::vector<std::optional<std::string>> out(c.size());
    for (std::size_t i = 0; i < c.size(); ++i)
        if (!c.is_missing(i)) out[i] = c.to_string(i);
    return out;
}

// X as the dense matrix XGBoost reads: numbers as they are, categories as their codes.
lolpop::dense_matrix dense_of(const lolpop::frame& X) {
    lolpop::dense_matrix out(X.rows(), lolpop::layout_of(X));
    for (std::size_t c = 0; c < X.cols(); ++c) {
        const auto values = lolpop::row_values(X.columns()[c]);
        for (std::size_t r = 0; r < X.rows(); ++r) out.row(r)[c] = static_cast<float>(values[r]);
    }
    return out;
}

lolpop::frame replaced(lolpop::frame X, lolpop::column c) {
    X.remove(c.name());
    X.add(std::move(c));
    return X;
}

}  // namespace

TEST_CASE("xgboost_trainer classifies breast cancer and its saved model predicts the same") {
    lolpop::context ctx;
    std::vector<std::string> log;
    ctx.set_logger([&](lolpop::log_level, std::string_view m) { log.emplace_back(m); });
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto s = split(breast_cancer(), "target");
    const auto model = trainer.fit(s, lolpop::problem_type::binary);

    CHECK(model.problem() == lolpop::problem_type::binary);
    CHECK(model.classes() == std::vector<std::string>{"0", "1"});
    CHECK(model.features().size() == 30);
    CHECK(model.features().front().name == "mean_radius");
    CHECK(model.boosted_rounds() == 100);
    CHECK(model.best_iteration() == 99);
    REQUIRE(log.size() == 1);
    CHECK(log[0] == "xgboost_trainer: 100 rounds");

    const auto yhat = trainer.predict(model, s.test.X);
    CHECK(yhat.name() == "target");
    CHECK(yhat.type() == lolpop::column_type::integer);
    CHECK(yhat.size() == s.test.X.rows());
    const auto proba = trainer.predict_proba(model, s.test.X);
    REQUIRE(proba.rows() == s.test.X.rows());
    for (std::size_t i = 0; i < proba.rows(); ++i) {
        CHECK(proba(i, 0) + proba(i, 1) == doctest::Approx(1.0));
        CHECK(yhat.to_string(i) == (proba(i, 1) > 0.5 ? "1" : "0"));
    }

    const auto m = evaluate(trainer, model, s.test);
    CHECK(m.at("accuracy") >= 0.93);
    CHECK(m.at("roc_auc") >= 0.97);

    const std::string bytes = trainer.save_model(model);
    const auto loaded = trainer.load_model(bytes);
    CHECK(loaded.classes() == model.classes());
    CHECK(loaded.target_type() == lolpop::column_type::integer);
    CHECK(loaded.best_iteration() == model.best_iteration());
    CHECK(trainer.predict(loaded, s.test.X) == yhat);
    CHECK(trainer.predict_proba(loaded, s.test.X).values == proba.values);
    CHECK(trainer.save_model(loaded) == bytes);

    // Labels and probabilities from one prediction are those of the two calls.
    const auto both = trainer.predict_all(model, s.test.X);
    CHECK(both.predicted == yhat);
    CHECK(both.proba.classes == proba.classes);
    CHECK(both.proba.values == proba.values);

    CHECK(trainer.predict(model, s.test.X.take(std::vector<std::size_t>{})).size() == 0);
    CHECK(trainer.predict_proba(model, s.test.X.take(std::vector<std::size_t>{})).rows() == 0);

    // Columns the model was not trained on are ignored, wherever they are.
    auto wider = s.test.X;
    wider.add(lolpop::column::numeric("noise", std::vector<double>(wider.rows(), 42.0)));
    CHECK(trainer.predict(model, wider) == yhat);
}

TEST_CASE("xgboost_trainer predicts a frame larger than its layout chunks as row by row") {
    // The predict path lays a frame's rows out a chunk (about 4 MB) at a time, in tiles of 256
    // rows: 100 003 rows of 30 features cross both kinds of boundary, and each row must get the
    // prediction it gets alone.
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 20;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(breast_cancer(), "target");
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    const std::size_t n = s.test.X.rows();
    std::vector<std::size_t> rows(100'003);
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = (i * 7919) % n;
    const auto large = trainer.predict_all(model, s.test.X.take(rows));
    const auto alone = trainer.predict_all(model, s.test.X);
    REQUIRE(large.proba.rows() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        REQUIRE(large.proba(i, 1) == alone.proba(rows[i], 1));
        REQUIRE(large.predicted.to_string(i) == alone.predicted.to_string(rows[i]));
    }
}

TEST_CASE("xgboost_trainer with tree_method hist reads the rows a chunk at a time and trains as on one block") {
    // A frame is laid out for XGBoost's quantile matrix a chunk (about 4 MB) at a time; 60 001
    // rows of 30 features make two chunks and a bit. The same rows as one dense block, read in one
    // batch, must grow the same trees, with a validation part binned on the training part's cuts.
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.tree_method = "hist";
    c.num_boost_round = 200;
    c.early_stopping_rounds = 5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    auto s = split(breast_cancer(), "target", 0.2, 0.2);
    std::vector<std::size_t> rows(60'001);
    std::mt19937_64 rng(7);
    for (auto& r : rows) r = rng() % s.train.X.rows();
    s.train = {s.train.X.take(rows), s.train.y.take(rows)};
    const auto from_frames = trainer.fit(s, lolpop::problem_type::binary);
    const auto from_dense = trainer.fit(dense_of(s.train.X), s.train.y, dense_of(s.valid.X), s.valid.y,
                                        lolpop::problem_type::binary);
    CHECK(from_frames.boosted_rounds() < 200);
    CHECK(from_frames.best_iteration() == from_dense.best_iteration());
    CHECK(trainer.predict_proba(from_frames, s.test.X).values == trainer.predict_proba(from_dense, s.test.X).values);
    CHECK(evaluate(trainer, from_frames, s.test).at("roc_auc") > 0.95);
}

TEST_CASE("xgboost_trainer stops early on the validation part and predicts with the best round") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 500;
    c.early_stopping_rounds = 10;
    c.eval_metric = "error, logloss";
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(breast_cancer(), "target", 0.2, 0.2);
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    CHECK(model.boosted_rounds() < 500);
    CHECK(model.boosted_rounds() == model.best_iteration() + 1 + 10);

    // The same training stopped at the best round by hand grows the same trees.
    lolpop::xgboost_trainer::config fixed;
    fixed.num_boost_round = model.best_iteration() + 1;
    fixed.eval_metric = c.eval_metric;
    const lolpop::xgboost_trainer reference(fixed, ctx);
    const auto expected = reference.predict_proba(reference.fit(s, lolpop::problem_type::binary), s.test.X);
    CHECK(trainer.predict_proba(model, s.test.X).values == expected.values);
    const auto loaded = trainer.load_model(trainer.save_model(model));
    CHECK(trainer.predict_proba(loaded, s.test.X).values == expected.values);
}

TEST_CASE("xgboost_trainer classifies penguins with categorical features and missing values") {
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto s = split(penguins(), "Species");
    REQUIRE(s.train.X["Island"].type() == lolpop::column_type::categorical);
    REQUIRE(s.train.X["Sex"].missing_count() > 0);
    const auto model = trainer.fit(s, lolpop::problem_type::multiclass);
    CHECK(model.classes() == std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"});

    const auto yhat = trainer.predict(model, s.test.X);
    CHECK(yhat.type() == lolpop::column_type::categorical);
    CHECK(yhat.name() == "Species");
    CHECK(yhat.categories() == model.classes());
    const auto proba = trainer.predict_proba(model, s.test.X);
    for (std::size_t i = 0; i < proba.rows(); ++i)
        CHECK(proba(i, 0) + proba(i, 1) + proba(i, 2) == doctest::Approx(1.0).epsilon(1e-6));
    const auto m = evaluate(trainer, model, s.test);
    CHECK(m.at("accuracy") >= 0.95);
    CHECK(m.at("roc_auc") >= 0.98);

    const auto loaded = trainer.load_model(trainer.save_model(model));
    CHECK(loaded.features()[0].categories == model.features()[0].categories);
    CHECK(trainer.predict(loaded, s.test.X) == yhat);
    CHECK(trainer.predict_proba(loaded, s.test.X).values == proba.values);
}

TEST_CASE("xgboost_trainer reads categorical features by label, whatever the order of the categories") {
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto s = split(penguins(), "Species");
    const auto model = trainer.fit(s, lolpop::problem_type::multiclass);
    const auto expected = trainer.predict_proba(model, s.test.X);

    // The same rows with Island and Sex rebuilt from labels met in reverse order.
    const auto& X = s.test.X;
    auto reversed_labels = [](std::vector<std::optional<std::string>> v) {
        std::reverse(v.begin(), v.end());
        return v;
    };
    std::vector<std::size_t> reverse_rows(X.rows());
    std::iota(reverse_rows.rbegin(), reverse_rows.rend(), std::size_t{0});
    auto shuffled = X.take(reverse_rows);
    for (auto name : {"Island", "Sex"})
        shuffled = replaced(shuffled, relabeled(X[name], reversed_labels(labels_of(X[name]))));
    REQUIRE(shuffled["Island"].categories() != X["Island"].categories());
    const auto got = trainer.predict_proba(model, shuffled);
    const std::size_t k = 3;
    for (std::size_t i = 0; i < X.rows(); ++i)
        for (std::size_t c = 0; c < k; ++c) CHECK(got(X.rows() - 1 - i, c) == expected(i, c));

    // A label training never saw is a missing value.
    const std::vector<std::optional<std::string>> atlantis(X.rows(), "Atlantis");
    const std::vector<std::optional<std::string>> nowhere(X.rows(), std::nullopt);
    CHECK(trainer.predict_proba(model, replaced(X, relabeled(X["Island"], atlantis))).values ==
          trainer.predict_proba(model, replaced(X, relabeled(X["Island"], nowhere))).values);
}

TEST_CASE("xgboost_trainer matches a categorical feature by label when new data holds it as numbers") {
    std::vector<std::int64_t> grade, y;
    for (int i = 0; i < 60; ++i) {
        grade.push_back(i % 3 + 1);
        y.push_back(i % 3 == 0 ? 1 : 0);
    }
    const auto grades = lolpop::column::integer("grade", grade);
    lolpop::data_split s;
    s.train = {lolpop::frame({grades.cast(lolpop::column_type::categorical)}), lolpop::column::integer("y", y)};
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto model = trainer.fit(s, lolpop::problem_type::binary);
    REQUIRE(model.features()[0].type == lolpop::column_type::categorical);
    CHECK(trainer.predict(model, s.train.X) == s.train.y);
    CHECK(trainer.predict(model, lolpop::frame({grades})) == s.train.y);
}

TEST_CASE("xgboost_trainer sorts numeric classes by value and predicts them with the target's type") {
    std::vector<double> x;
    std::vector<std::int64_t> y;
    for (int i = 0; i < 90; ++i) {
        x.push_back(i);
        y.push_back(i < 30 ? 10 : i < 60 ? 9 : 2);
    }
    lolpop::data_split s;
    s.train = {lolpop::frame({lolpop::column::numeric("x", x)}), lolpop::column::integer("y", y)};
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto model = trainer.fit(s, lolpop::problem_type::multiclass);
    CHECK(model.classes() == std::vector<std::string>{"2", "9", "10"});
    const auto yhat = trainer.predict(model, s.train.X);
    CHECK(yhat == s.train.y);
    CHECK(trainer.predict(trainer.load_model(trainer.save_model(model)), s.train.X) == s.train.y);

    // A numeric (not integer) target keeps its exact values through save and load.
    std::vector<double> yd;
    for (auto v : y) yd.push_back(static_cast<double>(v) + 0.1);
    s.train.y = lolpop::column::numeric("y", yd);
    const auto numeric_model = trainer.fit(s, lolpop::problem_type::multiclass);
    CHECK(numeric_model.classes() == std::vector<std::string>{"2.1", "9.1", "10.1"});
    const auto loaded = trainer.load_model(trainer.save_model(numeric_model));
    CHECK(trainer.predict(loaded, s.train.X) == s.train.y);
}

TEST_CASE("xgboost_trainer regresses miles per gallon on cars") {
    lolpop::context ctx;
    // Shallower trees, learnt slowly: the defaults overfit 300 cars.
    lolpop::xgboost_trainer::config c;
    c.max_depth = 3;
    c.eta = 0.05;
    c.num_boost_round = 300;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(cars(), "Miles_per_Gallon");
    REQUIRE(s.train.X["Origin"].type() == lolpop::column_type::categorical);
    const auto model = trainer.fit(s, lolpop::problem_type::regression);
    CHECK(model.classes().empty());

    const auto yhat = trainer.predict(model, s.test.X);
    CHECK(yhat.type() == lolpop::column_type::numeric);
    CHECK(yhat.name() == "Miles_per_Gallon");
    const auto m = evaluate(trainer, model, s.test);
    CHECK(m.at("r2") >= 0.8);

    const auto loaded = trainer.load_model(trainer.save_model(model));
    CHECK(trainer.predict(loaded, s.test.X) == yhat);
    const auto both = trainer.predict_all(model, s.test.X);
    CHECK(both.predicted == yhat);
    CHECK(both.proba.values.empty());
    CHECK_THROWS_WITH_AS(trainer.predict_proba(model, s.test.X),
                         "a regression model has no class probabilities (xgboost_trainer.predict_proba)",
                         lolpop::error);
}

TEST_CASE("xgboost_trainer passes its settings to XGBoost") {
    lolpop::context ctx;
    const auto s = split(breast_cancer(), "target");
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 20;
    c.max_depth = 2;
    c.eta = 0.1;
    c.subsample = 0.8;
    c.seed = 7;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto a = trainer.predict_proba(trainer.fit(s, lolpop::problem_type::binary), s.test.X);
    // Same seed, same model; another seed samples other rows.
    CHECK(trainer.predict_proba(trainer.fit(s, lolpop::problem_type::binary), s.test.X).values == a.values);
    c.seed = 8;
    const lolpop::xgboost_trainer other(c, ctx);
    CHECK(other.predict_proba(other.fit(s, lolpop::problem_type::binary), s.test.X).values != a.values);

}

TEST_CASE("xgboost_trainer trains linear boosters, which predict with their last round") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.booster = "gblinear";
    c.extra_params = {{"updater", "coord_descent"}, {"feature_selector", "cyclic"}};
    c.num_boost_round = 200;
    c.early_stopping_rounds = 5;
    const lolpop::xgboost_trainer linear(c, ctx);
    const auto s = split(breast_cancer(), "target", 0.2, 0.2);
    const auto model = linear.fit(s, lolpop::problem_type::binary);
    CHECK(model.booster_type() == "gblinear");
    CHECK(model.best_iteration() == model.boosted_rounds() - 1);
    const auto m = evaluate(linear, model, s.test);
    CHECK(m.at("roc_auc") >= 0.9);
    const auto loaded = linear.load_model(linear.save_model(model));
    CHECK(loaded.booster_type() == "gblinear");
    CHECK(linear.predict_proba(loaded, s.test.X).values == linear.predict_proba(model, s.test.X).values);
}

TEST_CASE("xgboost_trainer rejects what it cannot train on") {
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer({}, ctx);
    const auto s = split(penguins(), "Species");

    SUBCASE("a missing target value") {
        auto bad = s;
        auto labels = labels_of(bad.train.y);
        labels[4] = std::nullopt;
        bad.train.y = lolpop::column::categorical("Species", labels);
        CHECK_THROWS_WITH_AS(trainer.fit(bad, lolpop::problem_type::multiclass),
                             "the target has a missing value (training target 'Species', row 5)", lolpop::error);
    }
    SUBCASE("a single class") {
        auto bad = s;
        bad.train.y = lolpop::column::categorical(
            "Species", std::vector<std::optional<std::string>>(bad.train.X.rows(), "Adelie"));
        CHECK_THROWS_WITH_AS(trainer.fit(bad, lolpop::problem_type::binary),
                             "classification needs at least 2 classes, the target has 1 (training target 'Species')",
                             lolpop::error);
    }
    SUBCASE("three classes for a binary problem") {
        CHECK_THROWS_WITH_AS(trainer.fit(s, lolpop::problem_type::binary),
                             doctest::Contains("a binary problem needs 2 classes, the target has 3"), lolpop::error);
    }
    SUBCASE("a categorical regression target") {
        CHECK_THROWS_WITH_AS(trainer.fit(s, lolpop::problem_type::regression),
                             "a regression target must be numeric, not categorical (training target 'Species')",
                             lolpop::error);
    }
    SUBCASE("no columns or no rows") {
        CHECK_THROWS_WITH_AS(trainer.fit(lolpop::data_split{}, lolpop::problem_type::binary),
                             "there are no feature columns (xgboost_trainer.fit)", lolpop::error);
        auto empty = s;
        empty.train = {s.train.X.take(std::vector<std::size_t>{}), s.train.y.take(std::vector<std::size_t>{})};
        CHECK_THROWS_WITH_AS(trainer.fit(empty, lolpop::problem_type::binary),
                             "there are no training rows (xgboost_trainer.fit)", lolpop::error);
    }
    SUBCASE("features and target of different lengths") {
        auto bad = s;
        bad.train.y = s.test.y;
        CHECK_THROWS_WITH_AS(trainer.fit(bad, lolpop::problem_type::multiclass),
                             doctest::Contains("the training target has 68 rows but the features have 276"),
                             lolpop::error);
    }
    SUBCASE("a validation class that training never saw") {
        lolpop::xgboost_trainer::config c;
        c.early_stopping_rounds = 5;
        auto bad = s;
        auto labels = labels_of(s.test.y);
        labels[0] = "Emperor";
        bad.valid = {s.test.X, lolpop::column::categorical("Species", labels)};
        CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(bad, lolpop::problem_type::multiclass),
                             "class 'Emperor' does not occur in the training target (validation target 'Species', row 1)",
                             lolpop::error);
    }
}

TEST_CASE("xgboost_trainer rejects settings that cannot work") {
    lolpop::context ctx;
    const auto s = split(breast_cancer(), "target");
    lolpop::xgboost_trainer::config c;

    c.num_boost_round = 0;
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx), doctest::Contains("num_boost_round must be at least 1"),
                         lolpop::error);
    c = {};
    c.early_stopping_rounds = -1;
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx), doctest::Contains("(xgboost_trainer.early_stopping_rounds)"),
                         lolpop::error);
    c = {};
    c.objective = "binary:hinge";
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(s, lolpop::problem_type::binary),
                         "objective 'binary:hinge' gives no class probabilities; a binary problem needs "
                         "binary:logistic (xgboost_trainer.objective)",
                         lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(s, lolpop::problem_type::regression),
                         "objective 'binary:hinge' is not a regression objective (xgboost_trainer.objective)",
                         lolpop::error);
    c = {};
    c.extra_params = {{"learning_rate", "0.1"}};
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(s, lolpop::problem_type::binary),
                         "'learning_rate' cannot be an extra parameter: use the setting 'eta' "
                         "(xgboost_trainer.extra_params)",
                         lolpop::error);
    c = {};
    c.booster = "gbtreee";
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(s, lolpop::problem_type::binary),
                         doctest::Contains("XGBoost: Unknown gbm type gbtreee"), lolpop::error);
    c = {};
    c.max_depth = -2;
    CHECK_THROWS_WITH_AS(lolpop::xgboost_trainer(c, ctx).fit(s, lolpop::problem_type::binary),
                         doctest::Contains("(xgboost_trainer.fit)"), lolpop::error);
}

TEST_CASE("xgboost_trainer rejects frames and bytes it cannot predict from") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(breast_cancer(), "target");
    const auto model = trainer.fit(s, lolpop::problem_type::binary);

    auto X = s.test.X;
    auto radius = X.extract("mean_radius");
    CHECK_THROWS_WITH_AS(trainer.predict(model, X),
                         "missing feature 'mean_radius' (xgboost_trainer.predict)", lolpop::error);
    radius.rename("mean_radus");
    X.add(radius);
    CHECK_THROWS_WITH_AS(trainer.predict_proba(model, X),
                         "missing feature 'mean_radius' (did you mean 'mean_radus'?) (xgboost_trainer.predict_proba)",
                         lolpop::error);
    auto categorical = replaced(s.test.X, s.test.X["mean_radius"].cast(lolpop::column_type::categorical));
    CHECK_THROWS_WITH_AS(trainer.predict(model, categorical),
                         doctest::Contains("feature 'mean_radius' is categorical but the model was trained on it as numeric"),
                         lolpop::error);

    const std::string bytes = trainer.save_model(model);
    const auto not_a_model = doctest::Contains("not a lolpop xgboost model");
    CHECK_THROWS_WITH_AS(trainer.load_model("garbage bytes, not a model"), not_a_model, lolpop::error);
    CHECK_THROWS_WITH_AS(trainer.load_model(""), not_a_model, lolpop::error);
    CHECK_THROWS_WITH_AS(trainer.load_model(bytes.substr(0, bytes.size() / 2)), not_a_model, lolpop::error);
    CHECK_THROWS_WITH_AS(trainer.load_model(bytes.substr(0, 40)), not_a_model, lolpop::error);
    std::string wrong_metadata = bytes;
    wrong_metadata.replace(wrong_metadata.find("problem = 'binary'"), 18, "problem = 'banana'");
    CHECK_THROWS_WITH_AS(trainer.load_model(wrong_metadata), doctest::Contains("unknown problem 'banana'"),
                         lolpop::error);
    std::string cut = bytes;
    cut.resize(cut.size() - 10);
    CHECK_THROWS_WITH_AS(trainer.load_model(cut), doctest::Contains("the booster is damaged or cut short"),
                         lolpop::error);
    // Intact metadata around a booster XGBoost cannot read.
    const std::string fake_booster = R"({"learner": {}})";
    const auto metadata_start = bytes.find('\n', bytes.find('\n') + 1) + 1;
    const auto metadata_size = std::stoull(bytes.substr(bytes.find('\n') + 1));
    std::string metadata = bytes.substr(metadata_start, metadata_size);
    const auto size_at = metadata.find("booster_size = ");
    metadata.replace(size_at, metadata.find('\n', size_at) - size_at,
                     "booster_size = " + std::to_string(fake_booster.size()));
    const auto hash_at = metadata.find("booster_sha256 = ");
    metadata.replace(hash_at, metadata.find('\n', hash_at) - hash_at,
                     "booster_sha256 = '" + lolpop::sha256_hex(fake_booster) + "'");
    const std::string unreadable =
        "lolpop-xgboost-model\n" + std::to_string(metadata.size()) + "\n" + metadata + fake_booster;
    CHECK_THROWS_WITH_AS(trainer.load_model(unreadable), doctest::Contains("the booster does not load: "),
                         lolpop::error);
    std::string flipped = bytes;
    flipped[flipped.size() - 20] ^= 0x55;
    CHECK_THROWS_WITH_AS(trainer.load_model(flipped), doctest::Contains("the booster is damaged or cut short"),
                         lolpop::error);
}

TEST_CASE("xgboost_trainer fits on and predicts from dense matrices as from frames") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 30;
    c.early_stopping_rounds = 5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    // Categorical features and missing values, three classes, a validation part.
    const auto s = split(penguins(), "Species", 0.2, 0.2);
    const auto from_frames = trainer.fit(s, lolpop::problem_type::multiclass);
    const auto from_dense = trainer.fit(dense_of(s.train.X), s.train.y, dense_of(s.valid.X), s.valid.y,
                                        lolpop::problem_type::multiclass);
    CHECK(from_dense.best_iteration() == from_frames.best_iteration());
    CHECK(from_dense.features().size() == from_frames.features().size());
    CHECK(from_dense.features()[0].categories == from_frames.features()[0].categories);

    const auto test = dense_of(s.test.X);
    CHECK(trainer.predict(from_dense, test) == trainer.predict(from_frames, s.test.X));
    CHECK(trainer.predict_proba(from_dense, test).values == trainer.predict_proba(from_frames, s.test.X).values);
    CHECK(trainer.predict(from_frames, test) == trainer.predict(from_frames, s.test.X));
    const auto both = trainer.predict_all(from_dense, test);
    CHECK(both.predicted == trainer.predict(from_dense, test));
    CHECK(both.proba.values == trainer.predict_proba(from_dense, test).values);

    lolpop::xgboost_trainer::config linear;
    linear.booster = "gblinear";
    linear.num_boost_round = 5;
    const lolpop::xgboost_trainer linear_trainer(linear, ctx);
    const auto cars_split = split(cars().drop(std::vector<std::string>{"Origin"}), "Miles_per_Gallon");
    const auto model = linear_trainer.fit(dense_of(cars_split.train.X), cars_split.train.y, lolpop::problem_type::regression);
    CHECK(linear_trainer.predict(model, dense_of(cars_split.test.X)) == linear_trainer.predict(model, cars_split.test.X));
}

TEST_CASE("xgboost_trainer rejects dense matrices that are not laid out as the model's features") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 3;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = split(penguins(), "Species");
    const auto model = trainer.fit(s, lolpop::problem_type::multiclass);
    const std::string where = " (xgboost_trainer.predict)";

    CHECK_THROWS_WITH_AS(trainer.predict(model, dense_of(s.test.X.drop(std::vector<std::string>{"Sex"}))),
                         ("the matrix has 5 columns, the model 6 features" + where).c_str(), lolpop::error);
    auto swapped = s.test.X.drop(std::vector<std::string>{"Island"});
    swapped.add(s.test.X["Island"]);
    CHECK_THROWS_WITH_AS(trainer.predict(model, dense_of(swapped)),
                         ("column 1 of the matrix is 'Beak Length (mm)', but the model's feature 1 is 'Island'" + where).c_str(),
                         lolpop::error);
    auto islands = labels_of(s.test.X["Island"]);
    for (auto& label : islands)
        if (label == "Torgersen") label = "Torgersen Island";
    std::vector<lolpop::column> in_place;
    for (const auto& col : s.test.X.columns()) in_place.push_back(col.name() == "Island" ? relabeled(col, islands) : col);
    CHECK_THROWS_WITH_AS(trainer.predict_proba(model, dense_of(lolpop::frame(std::move(in_place)))),
                         "feature 'Island' is coded with other categories than the model was trained with "
                         "(xgboost_trainer.predict_proba)",
                         lolpop::error);
    CHECK_THROWS_WITH_AS(trainer.fit(dense_of(s.train.X), s.train.y, dense_of(s.test.X.drop(std::vector<std::string>{"Sex"})),
                                     s.test.y, lolpop::problem_type::multiclass),
                         "the validation matrix has other columns than the training matrix (xgboost_trainer.fit)",
                         lolpop::error);
}
