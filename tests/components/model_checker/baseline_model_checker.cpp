// covers: lolpop/core/evaluation.hpp
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/model_checker/baseline_model_checker.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/analysis/metrics.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using lolpop::check_status;

lolpop::frame breast_cancer() {
    auto data = lolpop::read_csv_file(LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv");
    data.remove("id");
    return data;
}

// Penguins whose `target` is known.
lolpop::frame penguins(const std::string& target) {
    const auto data = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < data.rows(); ++i)
        if (!data[target].is_missing(i)) rows.push_back(i);
    return data.take(rows);
}

struct fitted {
    lolpop::data_split split;
    lolpop::evaluation test;
};

// What the train pipeline hands a model checker: the split and the chosen model's test evaluation.
fitted fit(const lolpop::frame& data, const std::string& target, lolpop::problem_type problem) {
    lolpop::context ctx;
    fitted f;
    f.split = lolpop::random_splitter({0.7, 0.0, 0.3, 5}, ctx).split_data(data, target);
    lolpop::xgboost_trainer::config c;
    c.nthread = 1;  // small data: threads would only wait for each other
    c.num_boost_round = 30;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto model = trainer.fit(f.split, problem);
    lolpop::evaluation& e = f.test;
    e.problem = problem;
    e.part = "test";
    e.X = f.split.test.X;
    e.y_true = f.split.test.y;
    e.y_pred = trainer.predict(model, e.X);
    if (problem != lolpop::problem_type::regression) e.proba = trainer.predict_proba(model, e.X);
    e.metrics = lolpop::evaluate(problem, e.y_true, e.y_pred, e.proba);
    return f;
}

lolpop::report check(const fitted& f, const lolpop::baseline_model_checker::config& c = {}) {
    lolpop::context ctx;
    return lolpop::baseline_model_checker(c, ctx).check_model(f.split, f.test);
}

const lolpop::finding& finding_for(const lolpop::report& r, const std::string& metric) {
    const auto it = std::find_if(r.findings.begin(), r.findings.end(), [&](const auto& f) { return f.subject == metric; });
    REQUIRE_MESSAGE(it != r.findings.end(), "no finding for " << metric);
    return *it;
}

double share(const lolpop::column& y, const std::string& label) {
    double n = 0;
    for (std::size_t i = 0; i < y.size(); ++i) n += y.to_string(i) == label;
    return n / static_cast<double>(y.size());
}

}  // namespace

TEST_CASE("baseline_model_checker: an xgboost model beats the majority class on breast cancer") {
    const auto f = fit(breast_cancer(), "target", lolpop::problem_type::binary);
    const auto r = check(f);
    CHECK(r.title == "baseline model check");
    CHECK(r.status() == check_status::ok);
    REQUIRE(r.findings.size() == 4);

    // The baseline by hand: benign (1) is the training majority, and the class frequencies are
    // its probabilities.
    const double p1 = share(f.split.train.y, "1");
    REQUIRE(p1 > 0.5);
    const double accuracy = share(f.test.y_true, "1");
    double log_loss = 0;
    for (std::size_t i = 0; i < f.test.y_true.size(); ++i)
        log_loss -= std::log(f.test.y_true.to_string(i) == "1" ? p1 : 1 - p1);
    log_loss /= static_cast<double>(f.test.y_true.size());
    const std::string how = "always '1', training class frequencies as probabilities";
    const auto expect = [&](const std::string& metric, double baseline) {
        const double model = f.test.metrics.at(metric);
        const auto& finding = finding_for(r, metric);
        CHECK(finding.status == check_status::ok);
        const double better = metric == "log_loss" ? baseline - model : model - baseline;
        CHECK(finding.message ==
              fmt::format("model {:.6g}, baseline {:.6g} ({}): better by {:.6g}", model, baseline, how, better));
    };
    expect("accuracy", accuracy);
    expect("roc_auc", 0.5);
    expect("pr_auc", accuracy);  // a constant score's average precision is the positive share
    expect("log_loss", log_loss);
}

TEST_CASE("baseline_model_checker: a model worse than the baseline is an error, a small win a warning") {
    auto f = fit(breast_cancer(), "target", lolpop::problem_type::binary);
    // The same model with its classes swapped: confidently wrong.
    lolpop::evaluation& e = f.test;
    std::vector<std::optional<std::string>> flipped;
    for (std::size_t i = 0; i < e.y_pred.size(); ++i) flipped.emplace_back(e.y_pred.to_string(i) == "1" ? "0" : "1");
    e.y_pred = lolpop::column::categorical("target", flipped);
    for (std::size_t i = 0; i < e.proba.rows(); ++i) std::swap(e.proba.values[2 * i], e.proba.values[2 * i + 1]);
    e.metrics = lolpop::evaluate(e.problem, e.y_true, e.y_pred, e.proba);
    const auto r = check(f);
    CHECK(r.status() == check_status::error);
    for (const auto& finding : r.findings) {
        CAPTURE(finding.message);
        CHECK(finding.status == check_status::error);
        CHECK(finding.message.find(": worse by ") != std::string::npos);
        CHECK(finding.message.ends_with(", short of error_margin 0"));
    }

    const auto good = fit(breast_cancer(), "target", lolpop::problem_type::binary);
    const auto warned = check(good, {{"accuracy"}, 0.5, 0.0});
    REQUIRE(warned.findings.size() == 1);
    CHECK(warned.findings[0].status == check_status::warn);
    CHECK(warned.findings[0].message.ends_with(", short of warn_margin 0.5"));
    const auto erred = check(good, {{"accuracy"}, 0.5, 0.45});
    CHECK(erred.findings[0].status == check_status::error);
    CHECK(erred.findings[0].message.ends_with(", short of error_margin 0.45"));
}

TEST_CASE("baseline_model_checker: regression against the training mean on penguins") {
    const auto data = penguins("Body Mass (g)");
    const auto f = fit(data, "Body Mass (g)", lolpop::problem_type::regression);
    const auto r = check(f);
    CHECK(r.status() == check_status::ok);
    REQUIRE(r.findings.size() == 3);

    const lolpop::column& train = f.split.train.y;
    double mean = 0;
    for (std::size_t i = 0; i < train.size(); ++i) mean += train.as_double(i);
    mean /= static_cast<double>(train.size());
    const lolpop::column& y = f.test.y_true;
    double ss_res = 0, ss_tot = 0, abs = 0, test_mean = 0;
    for (std::size_t i = 0; i < y.size(); ++i) test_mean += y.as_double(i);
    test_mean /= static_cast<double>(y.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
        ss_res += (y.as_double(i) - mean) * (y.as_double(i) - mean);
        ss_tot += (y.as_double(i) - test_mean) * (y.as_double(i) - test_mean);
        abs += std::abs(y.as_double(i) - mean);
    }
    const double n = static_cast<double>(y.size());
    const std::string how = fmt::format("always the training mean {:.6g}", mean);
    CHECK(finding_for(r, "rmse").message.starts_with(
        fmt::format("model {:.6g}, baseline {:.6g} ({}): better by ", f.test.metrics.at("rmse"), std::sqrt(ss_res / n), how)));
    CHECK(finding_for(r, "mae").message.starts_with(
        fmt::format("model {:.6g}, baseline {:.6g} ({}): better by ", f.test.metrics.at("mae"), abs / n, how)));
    CHECK(finding_for(r, "r2").message.starts_with(
        fmt::format("model {:.6g}, baseline {:.6g} ({}): better by ", f.test.metrics.at("r2"), 1 - ss_res / ss_tot, how)));
}

TEST_CASE("baseline_model_checker: multiclass penguins, and an undefined metric is a warning") {
    const auto f = fit(penguins("Species"), "Species", lolpop::problem_type::multiclass);
    const auto r = check(f);
    CHECK(r.status() == check_status::ok);
    REQUIRE(r.findings.size() == 3);  // no pr_auc for multiclass
    CHECK(finding_for(r, "accuracy").message.find("(always 'Adelie', ") != std::string::npos);
    CHECK(finding_for(r, "roc_auc").message.find(", baseline 0.5 (") != std::string::npos);

    // Test rows of one class: an AUC is undefined for model and baseline alike.
    auto one_class = fit(breast_cancer(), "target", lolpop::problem_type::binary);
    std::vector<std::size_t> benign;
    for (std::size_t i = 0; i < one_class.test.y_true.size(); ++i)
        if (one_class.test.y_true.to_string(i) == "1") benign.push_back(i);
    lolpop::evaluation& e = one_class.test;
    e.y_true = e.y_true.take(benign);
    e.y_pred = e.y_pred.take(benign);
    std::vector<double> proba;
    for (std::size_t i : benign) proba.insert(proba.end(), {e.proba(i, 0), e.proba(i, 1)});
    e.proba.values = proba;
    e.metrics = lolpop::evaluate(e.problem, e.y_true, e.y_pred, e.proba);
    const auto undefined = check(one_class, {{"roc_auc"}, 0.01, 0.0});
    REQUIRE(undefined.findings.size() == 1);
    CHECK(undefined.findings[0].status == check_status::warn);
    CHECK(undefined.findings[0].message.ends_with(": undefined on this test part, not compared"));
}

TEST_CASE("baseline_model_checker rejects bad settings and evaluations it cannot judge") {
    lolpop::context ctx;
    CHECK(message_of([&] { lolpop::baseline_model_checker({{"rocauc"}, 0.01, 0.0}, ctx); }) ==
          "unknown metric 'rocauc' (did you mean 'roc_auc'?) (baseline_model_checker.metrics)");
    CHECK(message_of([&] { lolpop::baseline_model_checker({{}, 0.01, 0.02}, ctx); }) ==
          "error_margin 0.02 is above warn_margin 0.01: every warning would already be an error "
          "(baseline_model_checker.error_margin)");
    CHECK(message_of([&] { lolpop::baseline_model_checker({{}, std::nan(""), 0.0}, ctx); }) ==
          "warn_margin and error_margin must be finite numbers (baseline_model_checker.warn_margin)");

    const auto f = fit(breast_cancer(), "target", lolpop::problem_type::binary);
    CHECK(message_of([&] { (void)check(f, {{"rmse"}, 0.01, 0.0}); }) ==
          "metric 'rmse' is not computed for binary problems (baseline_model_checker.metrics)");
    auto no_proba = f;
    no_proba.test.proba = {};
    CHECK(message_of([&] { (void)check(no_proba); }) == "the evaluation has no class probabilities (baseline_model_checker)");
    auto unlabeled = f;
    unlabeled.split.train.y = lolpop::column::categorical("target", std::vector<std::optional<std::string>>(3, "7"));
    CHECK(message_of([&] { (void)check(unlabeled); }) ==
          "the training part has no label among the model's classes (baseline_model_checker)");
}
