#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>

#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

// tests/fixtures/metrics_reference.py wrote both files with scikit-learn.
struct reference {
    lolpop::frame inputs = lolpop::read_csv_file(LOLPOP_TEST_DATA "/metrics_reference_inputs.csv");
    std::map<std::string, double> expected;

    reference() {
        const auto values = lolpop::read_csv_file(LOLPOP_TEST_DATA "/metrics_reference.csv");
        for (std::size_t i = 0; i < values.rows(); ++i)
            expected[values["problem"].to_string(i) + "." + values["metric"].to_string(i)] = values["value"].as_double(i);
    }

    std::vector<int> ints(std::string_view name) const {
        const auto& c = inputs[name];
        std::vector<int> out(c.size());
        for (std::size_t i = 0; i < c.size(); ++i) out[i] = static_cast<int>(c.as_double(i));
        return out;
    }
    std::vector<double> doubles(std::string_view name) const {
        const auto& c = inputs[name];
        std::vector<double> out(c.size());
        for (std::size_t i = 0; i < c.size(); ++i) out[i] = c.as_double(i);
        return out;
    }
    std::vector<double> multi_proba() const {
        std::vector<double> out;
        for (std::size_t i = 0; i < inputs.rows(); ++i)
            for (auto name : {"multi_p0", "multi_p1", "multi_p2"}) out.push_back(inputs[name].as_double(i));
        return out;
    }
    std::vector<double> binary_proba() const {
        std::vector<double> out;
        for (double s : doubles("binary_score")) {
            out.push_back(1 - s);
            out.push_back(s);
        }
        return out;
    }
    double at(const std::string& key) const {
        auto it = expected.find(key);
        REQUIRE_MESSAGE(it != expected.end(), "no reference value for " << key);
        return it->second;
    }
};

void check_close(double ours, double sklearn, const std::string& what) {
    INFO(what << ": lolpop " << ours << ", scikit-learn " << sklearn);
    CHECK(std::abs(ours - sklearn) < 1e-9);
}

lolpop::column labels(const std::string& name, const std::vector<int>& codes, const std::vector<std::string>& names) {
    std::vector<std::optional<std::string>> values;
    for (int c : codes) values.emplace_back(names[static_cast<std::size_t>(c)]);
    return lolpop::column::categorical(name, values);
}

lolpop::column integers(const std::string& name, const std::vector<int>& v) {
    return lolpop::column::integer(name, std::vector<std::int64_t>(v.begin(), v.end()));
}

}  // namespace

TEST_CASE("binary metrics agree with scikit-learn") {
    const reference ref;
    const auto t = ref.ints("binary_true"), p = ref.ints("binary_pred");
    const auto score = ref.doubles("binary_score");
    check_close(lolpop::accuracy(t, p), ref.at("binary.accuracy"), "accuracy");
    check_close(lolpop::precision(t, p), ref.at("binary.precision"), "precision");
    check_close(lolpop::recall(t, p), ref.at("binary.recall"), "recall");
    check_close(lolpop::f1(t, p), ref.at("binary.f1"), "f1");
    check_close(lolpop::roc_auc(t, score), ref.at("binary.roc_auc"), "roc_auc");
    check_close(lolpop::pr_auc(t, score), ref.at("binary.pr_auc"), "pr_auc");
    check_close(lolpop::log_loss(t, ref.binary_proba(), 2), ref.at("binary.log_loss"), "log_loss");
}

TEST_CASE("multiclass metrics agree with scikit-learn") {
    const reference ref;
    const auto t = ref.ints("multi_true"), p = ref.ints("multi_pred");
    const auto proba = ref.multi_proba();
    check_close(lolpop::accuracy(t, p), ref.at("multiclass.accuracy"), "accuracy");
    check_close(lolpop::precision_macro(t, p), ref.at("multiclass.precision"), "precision");
    check_close(lolpop::recall_macro(t, p), ref.at("multiclass.recall"), "recall");
    check_close(lolpop::f1_macro(t, p), ref.at("multiclass.f1"), "f1");
    check_close(lolpop::roc_auc_ovr_macro(t, proba, 3), ref.at("multiclass.roc_auc"), "roc_auc");
    check_close(lolpop::log_loss(t, proba, 3), ref.at("multiclass.log_loss"), "log_loss");
}

TEST_CASE("regression metrics agree with scikit-learn") {
    const reference ref;
    const auto t = ref.doubles("reg_true"), p = ref.doubles("reg_pred");
    check_close(lolpop::mse(t, p), ref.at("regression.mse"), "mse");
    check_close(lolpop::rmse(t, p), ref.at("regression.rmse"), "rmse");
    check_close(lolpop::mae(t, p), ref.at("regression.mae"), "mae");
    check_close(lolpop::mape(t, p), ref.at("regression.mape"), "mape");
    check_close(lolpop::r2(t, p), ref.at("regression.r2"), "r2");
}

TEST_CASE("evaluate reports every metric of the problem from the pipelines' columns") {
    const reference ref;

    SUBCASE("binary with integer labels: the positive class is classes[1]") {
        auto m = lolpop::evaluate(lolpop::problem_type::binary, integers("y", ref.ints("binary_true")),
                                  integers("y", ref.ints("binary_pred")), {{"0", "1"}, ref.binary_proba()});
        CHECK(m.size() == 7);
        for (auto name : {"accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss"})
            check_close(m.at(name), ref.at(std::string("binary.") + name), name);
    }

    SUBCASE("binary with text labels") {
        const std::vector<std::string> names{"benign", "malignant"};
        auto m = lolpop::evaluate(lolpop::problem_type::binary, labels("y", ref.ints("binary_true"), names),
                                  labels("y", ref.ints("binary_pred"), names), {names, ref.binary_proba()});
        check_close(m.at("f1"), ref.at("binary.f1"), "f1");
        check_close(m.at("pr_auc"), ref.at("binary.pr_auc"), "pr_auc");
    }

    SUBCASE("multiclass with categorical labels reports macro averages") {
        const std::vector<std::string> names{"Adelie", "Chinstrap", "Gentoo"};
        auto m = lolpop::evaluate(lolpop::problem_type::multiclass, labels("Species", ref.ints("multi_true"), names),
                                  labels("Species", ref.ints("multi_pred"), names), {names, ref.multi_proba()});
        CHECK(m.size() == 6);
        for (auto name : {"accuracy", "precision", "recall", "f1", "roc_auc", "log_loss"})
            check_close(m.at(name), ref.at(std::string("multiclass.") + name), name);
    }

    SUBCASE("regression") {
        auto m = lolpop::evaluate(lolpop::problem_type::regression,
                                  lolpop::column::numeric("mpg", ref.doubles("reg_true")),
                                  lolpop::column::numeric("mpg", ref.doubles("reg_pred")), {});
        CHECK(m.size() == 5);
        for (auto name : {"mse", "rmse", "mae", "mape", "r2"})
            check_close(m.at(name), ref.at(std::string("regression.") + name), name);
    }
}

TEST_CASE("evaluate leaves out rows without a truth and counts unseen labels as wrong") {
    auto t = lolpop::column::categorical("y", {"a", std::nullopt, "b", "c"});
    auto p = lolpop::column::categorical("y", {"a", "b", "b", "a"});
    lolpop::class_probabilities proba{{"a", "b"}, {0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.6, 0.4}};
    auto m = lolpop::evaluate(lolpop::problem_type::binary, t, p, proba);
    // Rows 0, 2, 3 remain; "c" is neither class, so it is a wrong prediction and a negative.
    CHECK(m.at("accuracy") == doctest::Approx(2.0 / 3));
    CHECK(m.at("precision") == 1.0);
    CHECK(m.at("recall") == 1.0);
    CHECK(m.at("roc_auc") == 1.0);
    // The unseen class has probability 0, clipped to DBL_EPSILON.
    const double expected = -(std::log(0.9) + std::log(0.7) + std::log(DBL_EPSILON)) / 3;
    CHECK(m.at("log_loss") == doctest::Approx(expected).epsilon(1e-12));

    auto r = lolpop::evaluate(lolpop::problem_type::regression, lolpop::column::numeric("y", {1, NAN, 3}),
                              lolpop::column::numeric("y", {2, 100, 3}), {});
    CHECK(r.at("mae") == 0.5);
}

TEST_CASE("evaluate rejects inputs it cannot compare") {
    auto y = lolpop::column::categorical("y", {"a", "b"});
    lolpop::class_probabilities two{{"a", "b"}, {0.5, 0.5, 0.5, 0.5}};
    CHECK_THROWS_WITH_AS(lolpop::evaluate(lolpop::problem_type::binary, y, lolpop::column::categorical("y", {"a"}), two),
                         doctest::Contains("y_true has 2 rows but y_pred has 1"), lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::evaluate(lolpop::problem_type::binary, y, y, {}),
                         doctest::Contains("need the model's class probabilities"), lolpop::error);
    lolpop::class_probabilities three{{"a", "b", "c"}, std::vector<double>(6, 1.0 / 3)};
    CHECK_THROWS_WITH_AS(lolpop::evaluate(lolpop::problem_type::binary, y, y, three),
                         doctest::Contains("needs probabilities for 2 classes, got 3"), lolpop::error);
    lolpop::class_probabilities short_rows{{"a", "b"}, {0.5, 0.5}};
    CHECK_THROWS_WITH_AS(lolpop::evaluate(lolpop::problem_type::binary, y, y, short_rows),
                         doctest::Contains("the probabilities have 1"), lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::evaluate(lolpop::problem_type::regression, y, y, {}),
                         doctest::Contains("must be numeric, not categorical"), lolpop::error);
}

TEST_CASE("metrics are NaN where scikit-learn has no value and follow its zero-division rules") {
    const std::vector<int> ones{1, 1, 1}, zeros{0, 0, 0};
    const std::vector<double> score{0.2, 0.5, 0.9};
    CHECK(std::isnan(lolpop::roc_auc(ones, score)));
    CHECK(std::isnan(lolpop::pr_auc(zeros, score)));
    CHECK(std::isnan(lolpop::accuracy({}, {})));
    CHECK(std::isnan(lolpop::mse({}, {})));
    CHECK(lolpop::precision(ones, zeros) == 0.0);
    CHECK(lolpop::f1(zeros, zeros) == 0.0);
    // Class 2 never occurs in y_true, so only classes 0 and 1 are averaged.
    const std::vector<int> t{0, 0, 1, 1};
    const std::vector<double> proba{0.8, 0.1, 0.1, 0.6, 0.3, 0.1, 0.2, 0.7, 0.1, 0.2, 0.4, 0.4};
    CHECK(lolpop::roc_auc_ovr_macro(t, proba, 3) == doctest::Approx(1.0));
    CHECK(lolpop::mape(std::vector<double>{0.0}, std::vector<double>{1.0}) == doctest::Approx(1 / DBL_EPSILON));
    CHECK(lolpop::r2(std::vector<double>{2, 2}, std::vector<double>{2, 2}) == 1.0);
    CHECK(lolpop::r2(std::vector<double>{2, 2}, std::vector<double>{2, 3}) == 0.0);
    CHECK_THROWS_AS(lolpop::mae(std::vector<double>{1, 2}, std::vector<double>{1}), lolpop::error);
}

TEST_CASE("the catalogue names each metric, its direction and where it applies") {
    CHECK(lolpop::metric_catalogue().size() == 12);
    const auto& auc = lolpop::find_metric("roc_auc");
    CHECK(auc.direction == lolpop::metric_direction::higher_is_better);
    CHECK(auc.needs_probabilities);
    CHECK(auc.classification);
    CHECK_FALSE(auc.regression);
    const auto& rmse = lolpop::find_metric("rmse");
    CHECK(rmse.direction == lolpop::metric_direction::lower_is_better);
    CHECK(rmse.regression);
    CHECK_FALSE(lolpop::find_metric("accuracy").needs_probabilities);
    CHECK_THROWS_WITH_AS(lolpop::find_metric("roc_acu"), "unknown metric 'roc_acu' (did you mean 'roc_auc'?)",
                         lolpop::error);
}

TEST_CASE("is_better follows the metric's direction and never prefers an undefined value") {
    const auto& auc = lolpop::find_metric("roc_auc");
    const auto& loss = lolpop::find_metric("log_loss");
    CHECK(lolpop::is_better(auc, 0.9, 0.8));
    CHECK_FALSE(lolpop::is_better(auc, 0.8, 0.8));
    CHECK(lolpop::is_better(loss, 0.2, 0.3));
    CHECK_FALSE(lolpop::is_better(loss, 0.3, 0.2));
    CHECK_FALSE(lolpop::is_better(auc, NAN, 0.1));
    CHECK(lolpop::is_better(loss, 5.0, NAN));
}
