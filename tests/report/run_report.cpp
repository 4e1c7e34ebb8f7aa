#include <lolpop/components/model_visualizer/svg_model_visualizer.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/report/run_report.hpp>

#include "../temp_directory.hpp"
#include "../xml_check.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

using namespace lolpop;
namespace fs = std::filesystem;

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// The part of the page from the section with `id` up to the next section.
std::string section(const std::string& page, const std::string& id) {
    const std::size_t begin = page.find("<section id=\"" + id + "\">");
    REQUIRE(begin != std::string::npos);
    return page.substr(begin, page.find("</section>", begin) - begin);
}

run_report_data sample(const lolpop_test::temp_directory& tmp) {
    const std::string plot = (tmp / "plots" / "importance.svg").string();
    write_feature_importance_svg({{"radius", 0.6}, {"texture", 0.4}}, plot);
    write_file_atomically(tmp / "plots" / "notes.txt", "not a plot");

    run_report_data d;
    d.profile = {"prod", "4e79858357f55df4", "profiles/prod.toml", "runner = \"classification_runner\"\n# <&>\n"};
    d.workflow = {{"", "classification_runner", {{"model_target", "\"target\""}}},
                  {"train", "offline_train", {{"perf_metric", "\"roc_auc\""}}},
                  {"train.model_trainer", "xgboost_trainer", {{"max_depth", "4"}, {"eta", "0.05"}}}};
    d.data = {"dataset_version-1", "train", "hash", "uri", 500, 32, "run-1", "2026-01-01T00:00:00.000Z"};
    d.model.id = "model_version-2";
    d.model.model_name = "breast_cancer";
    d.model.version = 2;
    d.model.trainer = "xgboost_trainer";
    d.split = {.train = 350, .valid = 50, .test = 100};
    d.test_metrics = {{"accuracy", 0.96}, {"roc_auc", 0.99712345}, {"log_loss", std::nan("")}};
    d.perf_metric = "roc_auc";
    d.deployed_score = 0.999;
    d.verdict = lolpop::champion_verdict::loses;
    d.prediction = {"prediction_job-3", "model_version-1", "dataset_version-4", "out/predictions.csv", 69, "run-4", ""};
    d.prediction_metrics = {{"accuracy", 1.0}};
    d.reports = {report{"data_checker", {}},
                 report{"model_checker", {{check_status::warn, "roc_auc", "below <0.995> & falling"}}},
                 report{"data drift", {{check_status::ok, "radius", "PSI 0.01"}, {check_status::error, "texture", "PSI 0.4"}}},
                 report{"data comparison", {{check_status::ok, "rows", "500 -> 69"}}}};
    d.files = {plot, (tmp / "plots" / "notes.txt").string(), (tmp / "plots" / "gone.svg").string()};
    return d;
}

}  // namespace

TEST_CASE("the run report is one well-formed page with the run's metrics, plots, checks, drift and workflow") {
    lolpop_test::temp_directory tmp;
    const run_report_data d = sample(tmp);
    const std::string path = (tmp / "out" / "report.html").string();
    write_run_report(path, d);
    const std::string page = read_file(path);

    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(lolpop_test::xml_problem(page) == "");
    // Self-contained: nothing is fetched.
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("href=") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);

    const std::string summary = section(page, "summary");
    CHECK(summary.find("<span class=\"profile-name\">prod</span>") != std::string::npos);
    CHECK(summary.find("4e79858357f55df4") != std::string::npos);
    CHECK(summary.find("500 rows &#215; 32 columns") != std::string::npos);
    CHECK(summary.find("'breast_cancer' version 2") != std::string::npos);
    CHECK(summary.find("<dt>split</dt><dd><span class=\"split\">train 350 rows, validation 50, test 100</span></dd>") !=
          std::string::npos);
    CHECK(summary.find("not deployed: the deployed model scored better and stays") != std::string::npos);
    CHECK(summary.find("prediction_job-3") != std::string::npos);
    // The worst status of all reports.
    CHECK(summary.find("<dt>checks</dt><dd><span class=\"status error\">error</span>") != std::string::npos);

    const std::string metrics = section(page, "metrics");
    CHECK(metrics.find("<tr class=\"metric perf\"><td>roc_auc (perf_metric)</td><td class=\"number\">0.9971</td>") !=
          std::string::npos);
    CHECK(metrics.find("<td>accuracy</td><td class=\"number\">0.9600</td><td class=\"number\">1.0000</td>") != std::string::npos);
    CHECK(metrics.find("<td>log_loss</td><td class=\"number\">undefined</td><td class=\"number\">&#8212;</td>") !=
          std::string::npos);
    CHECK(metrics.find("scores roc_auc = 0.9990 on the same test rows; the new model scores 0.9971 and loses") !=
          std::string::npos);

    const std::string plots = section(page, "plots");
    CHECK(occurrences(plots, "<svg ") == 1);
    CHECK(plots.find("<figcaption>importance.svg</figcaption>") != std::string::npos);
    CHECK(plots.find(">radius<") != std::string::npos);
    CHECK(plots.find("notes.txt</code></li>") != std::string::npos);
    CHECK(plots.find("gone.svg</code> <span class=\"note\">(cannot read file: No such file or directory)</span>") !=
          std::string::npos);

    const std::string checks = section(page, "checks");
    CHECK(occurrences(checks, "<tr class=\"check\"") == 2);
    CHECK(checks.find("<tr class=\"check\" data-status=\"ok\"><td>data_checker</td>") != std::string::npos);
    CHECK(checks.find("<tr class=\"check\" data-status=\"warn\"><td>model_checker</td>") != std::string::npos);
    CHECK(checks.find("below &lt;0.995&gt; &amp; falling") != std::string::npos);
    CHECK(checks.find("<details open=\"open\">") != std::string::npos);  // a report that is not ok shows its findings

    const std::string drift = section(page, "drift");
    CHECK(occurrences(drift, "<tr class=\"check\"") == 2);
    CHECK(drift.find("data-status=\"error\"><td>data drift</td>") != std::string::npos);
    CHECK(drift.find("data-status=\"ok\"><td>data comparison</td>") != std::string::npos);
    CHECK(drift.find("<td>texture</td><td>PSI 0.4</td>") != std::string::npos);

    const std::string workflow = section(page, "workflow");
    CHECK(workflow.find("<td style=\"padding-left: 0em\">runner</td><td><code>classification_runner</code></td>") !=
          std::string::npos);
    CHECK(workflow.find("<td style=\"padding-left: 3em\">train.model_trainer</td><td><code>xgboost_trainer</code></td>"
                        "<td><code>max_depth = 4</code><br/><code>eta = 0.05</code></td>") != std::string::npos);
    CHECK(workflow.find("# &lt;&amp;&gt;") != std::string::npos);  // the resolved profile, escaped
}

TEST_CASE("the champion's score is shown on the test rows it never learned from, with the new model's there") {
    lolpop_test::temp_directory tmp;
    run_report_data d = sample(tmp);
    d.challenger_score = 0.9875;
    d.compared_rows = 80;
    d.verdict = lolpop::champion_verdict::wins;
    const std::string path = (tmp / "report.html").string();
    write_run_report(path, d);
    const std::string metrics = section(read_file(path), "metrics");
    CHECK(metrics.find("On the 80 test rows the model deployed before this run never learned from, it scores roc_auc = "
                       "0.9990; the new model, as evaluated, scores 0.9875 and wins.") != std::string::npos);
}

TEST_CASE("a run without plots or reports says what to bind") {
    lolpop_test::temp_directory tmp;
    run_report_data d;
    d.profile = {"dev", "0123", "", ""};
    d.deployed = deployment{"m", "model_version-1", "deployments/m.model", "2026-01-01T00:00:00.000Z"};
    const std::string path = (tmp / "report.html").string();
    write_run_report(path, d);
    const std::string page = read_file(path);
    CHECK(lolpop_test::xml_problem(page) == "");
    CHECK(section(page, "summary").find("version <code>model_version-1</code> deployed at <code>deployments/m.model</code>") !=
          std::string::npos);
    CHECK(section(page, "summary").find("<span class=\"status ok\">ok</span>") != std::string::npos);
    CHECK(section(page, "plots").find("No plots: bind a model_visualizer") != std::string::npos);
    CHECK(section(page, "checks").find("No check reports") != std::string::npos);
    CHECK(section(page, "drift").find("No drift reports") != std::string::npos);
    CHECK(page.find("Resolved profile") == std::string::npos);
}

TEST_CASE("a report that cannot be written is an error naming its path") {
    lolpop_test::temp_directory tmp;
    write_file_atomically(tmp / "taken", "x");
    const std::string path = (tmp / "taken" / "report.html").string();
    CHECK_THROWS_WITH_AS(write_run_report(path, {}), doctest::Contains(("(" + path + ")").c_str()), error);
    CHECK_THROWS_WITH_AS(write_run_report((tmp / "dir/").string(), {}), doctest::Contains("the path names no file"), error);
    CHECK(read_file(tmp / "taken") == "x");
}
