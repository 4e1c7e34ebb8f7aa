#include <lolpop/components/model_visualizer/svg_model_visualizer.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"
#include "../../xml_check.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace lolpop;
namespace fs = std::filesystem;

namespace {

struct xy {
    double x, y;
};

// The points of every <polyline> of class `css_class`, in document order.
std::vector<std::vector<xy>> polylines(const std::string& svg, const std::string& css_class) {
    std::vector<std::vector<xy>> out;
    const std::string open = "<polyline points=\"";
    for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
        const std::size_t begin = at + open.size(), end = svg.find('"', begin);
        const std::size_t tag_end = svg.find("/>", end);
        if (svg.substr(end, tag_end - end).find("class=\"" + css_class + "\"") == std::string::npos) continue;
        std::vector<xy> points;
        std::istringstream in(svg.substr(begin, end - begin));
        std::string pair;
        while (in >> pair) {
            const auto comma = pair.find(',');
            points.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});
        }
        out.push_back(points);
    }
    return out;
}

// Area under a polyline by trapezoids: for a ROC curve that is the AUC; for precision-recall
// steps, whose rises are vertical, it is the average precision.
double area(const std::vector<xy>& points) {
    double a = 0;
    for (std::size_t i = 1; i < points.size(); ++i) a += (points[i].x - points[i - 1].x) * (points[i].y + points[i - 1].y) / 2;
    return a;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// The numbers the confusion matrix shows, row by row (true label), column by column (predicted).
std::vector<int> cell_counts(const std::string& svg) {
    const std::size_t begin = svg.find("<g class=\"cells\">"), end = svg.find("</g>", begin);
    std::vector<int> counts;
    const std::string cells = svg.substr(begin, end - begin);
    for (std::size_t at = cells.find("<text"); at != std::string::npos; at = cells.find("<text", at + 1)) {
        const std::size_t value = cells.find('>', at) + 1;
        counts.push_back(std::stoi(cells.substr(value, cells.find('<', value) - value)));
    }
    return counts;
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

// tests/fixtures/metrics_reference.py wrote these inputs; the expected values below are what
// scikit-learn computes from them.
const frame& reference_inputs() {
    static const frame inputs = read_csv_file(LOLPOP_TEST_DATA "/metrics_reference_inputs.csv");
    return inputs;
}

evaluation binary_reference() {
    const frame& reference = reference_inputs();
    evaluation e;
    e.problem = problem_type::binary;
    e.part = "test";
    e.y_true = reference["binary_true"];
    e.y_pred = reference["binary_pred"];
    e.proba.classes = {"0", "1"};
    for (std::size_t r = 0; r < reference.rows(); ++r) {
        const double score = reference["binary_score"].as_double(r);
        e.proba.values.insert(e.proba.values.end(), {1 - score, score});
    }
    return e;
}

evaluation multiclass_reference() {
    const frame& reference = reference_inputs();
    evaluation e;
    e.problem = problem_type::multiclass;
    e.part = "test";
    e.y_true = reference["multi_true"];
    e.y_pred = reference["multi_pred"];
    e.proba.classes = {"0", "1", "2"};
    for (std::size_t r = 0; r < reference.rows(); ++r)
        for (const char* p : {"multi_p0", "multi_p1", "multi_p2"}) e.proba.values.push_back(reference[p].as_double(r));
    return e;
}

evaluation regression_reference() {
    const frame& reference = reference_inputs();
    evaluation e;
    e.problem = problem_type::regression;
    e.part = "test";
    e.y_true = reference["reg_true"];
    e.y_pred = reference["reg_pred"];
    return e;
}

std::string read(const std::string& path) { return read_file(path); }

}  // namespace

TEST_CASE("binary: ROC, precision-recall and confusion matrix agree with scikit-learn") {
    lolpop_test::temp_directory tmp;
    context ctx;
    const svg_model_visualizer visualizer({}, ctx);
    const auto files = visualizer.generate_viz(binary_reference(), (tmp / "plots").string());
    REQUIRE(files.size() == 3);
    CHECK(fs::path(files[0]).filename() == "test_roc_curve.svg");
    CHECK(fs::path(files[1]).filename() == "test_precision_recall_curve.svg");
    CHECK(fs::path(files[2]).filename() == "test_confusion_matrix.svg");
    // Written atomically: no temporary file is left next to them.
    CHECK(files_in(tmp / "plots") ==
          std::set<std::string>{"test_roc_curve.svg", "test_precision_recall_curve.svg", "test_confusion_matrix.svg"});
    for (const std::string& f : files) {
        INFO(f);
        CHECK(lolpop_test::xml_problem(read(f)) == "");
    }

    // sklearn.metrics.roc_curve(binary_true, binary_score, drop_intermediate=False)
    const std::vector<xy> expected{{0, 0},           {0, 0.106796},        {0, 0.135922},        {0, 0.194175},
                                   {0, 0.31068},     {0, 0.359223},        {0, 0.417476},        {0.0618557, 0.485437},
                                   {0.113402, 0.543689}, {0.195876, 0.631068}, {0.257732, 0.708738}, {0.340206, 0.757282},
                                   {0.412371, 0.776699}, {0.463918, 0.854369}, {0.536082, 0.941748}, {0.597938, 1},
                                   {0.639175, 1},    {0.752577, 1},        {0.824742, 1},        {0.907216, 1},
                                   {0.948454, 1},    {1, 1}};
    const std::string roc = read(files[0]);
    const auto roc_curves = polylines(roc, "curve");
    REQUIRE(roc_curves.size() == 1);
    REQUIRE(roc_curves[0].size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("point ", i);
        CHECK(roc_curves[0][i].x == doctest::Approx(expected[i].x).epsilon(1e-6));
        CHECK(roc_curves[0][i].y == doctest::Approx(expected[i].y).epsilon(1e-6));
    }
    CHECK(area(roc_curves[0]) == doctest::Approx(0.8290961865679112).epsilon(1e-5));  // roc_auc_score
    CHECK(roc.find("class 1 (AUC 0.829)") != std::string::npos);
    CHECK(polylines(roc, "reference").size() == 1);  // the chance diagonal
    CHECK(roc.find("<title>ROC curve (test)</title>") != std::string::npos);
    CHECK(roc.find(">false positive rate<") != std::string::npos);
    CHECK(roc.find(">0.2<") != std::string::npos);  // a tick label, rounded to its step

    const std::string pr = read(files[1]);
    const auto pr_curves = polylines(pr, "curve");
    REQUIRE(pr_curves.size() == 1);
    CHECK(pr_curves[0].front().x == 0);
    CHECK(pr_curves[0].back().x == 1);
    CHECK(area(pr_curves[0]) == doctest::Approx(0.8449130525232794).epsilon(1e-5));  // average_precision_score
    CHECK(pr.find("class 1 (AP 0.845)") != std::string::npos);
    CHECK(pr.find("positive share (0.515)") != std::string::npos);  // 103 of 200 rows

    // sklearn.metrics.confusion_matrix(binary_true, binary_pred)
    CHECK(cell_counts(read(files[2])) == std::vector<int>{64, 33, 25, 78});
}

TEST_CASE("multiclass: one curve per class, one-vs-rest") {
    lolpop_test::temp_directory tmp;
    context ctx;
    const svg_model_visualizer visualizer({}, ctx);
    const auto files = visualizer.generate_viz(multiclass_reference(), tmp.path().string());
    REQUIRE(files.size() == 3);
    const auto roc = polylines(read(files[0]), "curve");
    const auto pr = polylines(read(files[1]), "curve");
    REQUIRE(roc.size() == 3);
    REQUIRE(pr.size() == 3);
    // roc_auc_score(multi_true == k, multi_pk) and average_precision_score(...) for k = 0, 1, 2
    const double auc[] = {0.9248809523809525, 0.9132647416749641, 0.9459002074462278};
    const double ap[] = {0.8094176012265304, 0.8924853932518075, 0.9097776084835909};
    for (std::size_t k = 0; k < 3; ++k) {
        INFO("class ", k);
        CHECK(area(roc[k]) == doctest::Approx(auc[k]).epsilon(1e-5));
        CHECK(area(pr[k]) == doctest::Approx(ap[k]).epsilon(1e-5));
    }
    CHECK(polylines(read(files[1]), "reference").empty());  // no single positive share to draw
    CHECK(cell_counts(read(files[2])) == std::vector<int>{51, 6, 3, 9, 54, 6, 8, 6, 57});
    for (const std::string& f : files) CHECK(lolpop_test::xml_problem(read(f)) == "");
}

TEST_CASE("classes without both outcomes get no curve, and labels outside the model's classes join the matrix") {
    lolpop_test::temp_directory tmp;
    std::vector<std::string> warnings;
    context ctx;
    ctx.set_logger([&](log_level level, std::string_view m) {
        if (level == log_level::warn) warnings.emplace_back(m);
    });
    const svg_model_visualizer visualizer({}, ctx);

    evaluation e;
    e.problem = problem_type::multiclass;
    e.part = "valid";
    e.y_true = column::categorical("species", {"Adelie", "Gentoo", "Adelie", "Chinstrap", std::nullopt});
    e.y_pred = column::categorical("species", {"Adelie", "Gentoo", "Gentoo", "Adelie", "Adelie"});
    e.proba = {{"Adelie", "Gentoo", "Emperor"},
               {0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.4, 0.5, 0.1, 0.6, 0.3, 0.1, 0.5, 0.4, 0.1}};
    const auto files = visualizer.generate_viz(e, tmp.path().string());
    REQUIRE(files.size() == 3);
    CHECK(polylines(read(files[0]), "curve").size() == 2);  // Adelie and Gentoo; no row is an Emperor
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("class 'Emperor'") != std::string::npos);
    const std::string matrix = read(files[2]);
    // Adelie, Gentoo, Emperor, then Chinstrap, which the model does not know; the row without a
    // truth is left out.
    CHECK(cell_counts(matrix) == std::vector<int>{1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0});
    CHECK(matrix.find(">Chinstrap<") != std::string::npos);

    warnings.clear();
    evaluation single = e;
    single.problem = problem_type::binary;
    single.y_true = column::categorical("species", {"Adelie", "Adelie", "Adelie", "Adelie", "Adelie"});
    single.proba = {{"Gentoo", "Adelie"}, {0.3, 0.7, 0.2, 0.8, 0.6, 0.4, 0.5, 0.5, 0.1, 0.9}};
    lolpop_test::temp_directory only_matrix;
    const auto single_files = visualizer.generate_viz(single, only_matrix.path().string());
    REQUIRE(single_files.size() == 1);
    CHECK(fs::path(single_files[0]).filename() == "valid_confusion_matrix.svg");
    CHECK(warnings.size() == 1);
}

TEST_CASE("regression: residuals and predicted vs actual, one dot per row") {
    lolpop_test::temp_directory tmp;
    context ctx;
    const svg_model_visualizer visualizer({}, ctx);
    const auto files = visualizer.generate_viz(regression_reference(), tmp.path().string());
    REQUIRE(files.size() == 2);
    CHECK(fs::path(files[0]).filename() == "test_residuals.svg");
    CHECK(fs::path(files[1]).filename() == "test_predicted_vs_actual.svg");
    for (const std::string& f : files) {
        const std::string svg = read(f);
        CHECK(lolpop_test::xml_problem(svg) == "");
        CHECK(occurrences(svg, "<circle") == 200 + 1);  // and the legend's marker
        CHECK(polylines(svg, "reference").size() == 1);
    }
    CHECK(read(files[1]).find(">actual reg_true<") != std::string::npos);

    // The diagonal of predicted vs actual spans the same range on both axes.
    const auto diagonal = polylines(read(files[1]), "reference")[0];
    CHECK(diagonal[0].x == diagonal[0].y);
    CHECK(diagonal[1].x == diagonal[1].y);

    lolpop_test::temp_directory thinned;
    const svg_model_visualizer few({.width = 640, .height = 480, .max_points = 50}, ctx);
    for (const std::string& f : few.generate_viz(regression_reference(), thinned.path().string())) {
        const std::string svg = read(f);
        CHECK(occurrences(svg, "<circle") == 50 + 1);
        CHECK(svg.find("(test, 50 of 200 rows)</title>") != std::string::npos);
    }
}

TEST_CASE("labels are escaped, whatever bytes the data holds") {
    lolpop_test::temp_directory tmp;
    context ctx;
    const svg_model_visualizer visualizer({}, ctx);
    evaluation e;
    e.problem = problem_type::binary;
    e.y_true = column::categorical("y", {"<b>&\"a\"", "caf\xc3\xa9", "bad\xff\x01", "<b>&\"a\""});
    e.y_pred = e.y_true;
    e.proba = {{"caf\xc3\xa9", "<b>&\"a\""}, {0.2, 0.8, 0.9, 0.1, 0.5, 0.5, 0.3, 0.7}};
    const auto files = visualizer.generate_viz(e, tmp.path().string());
    REQUIRE(files.size() == 3);
    CHECK(fs::path(files[0]).filename() == "roc_curve.svg");  // no part, no prefix
    for (const std::string& f : files) {
        const std::string svg = read(f);
        INFO(f);
        CHECK(lolpop_test::xml_problem(svg) == "");
        CHECK(svg.find("&lt;b&gt;&amp;&quot;a&quot;") != std::string::npos);
    }
    const std::string matrix = read(files[2]);
    CHECK(matrix.find("caf\xc3\xa9") != std::string::npos);     // valid UTF-8 stays
    CHECK(matrix.find("bad&#xFFFD;&#xFFFD;") != std::string::npos);  // the rest is replaced
}

TEST_CASE("an evaluation without rows to draw writes nothing and says so") {
    lolpop_test::temp_directory tmp;
    std::vector<std::string> warnings;
    context ctx;
    ctx.set_logger([&](log_level level, std::string_view m) {
        if (level == log_level::warn) warnings.emplace_back(m);
    });
    const svg_model_visualizer visualizer({}, ctx);
    evaluation e;
    e.problem = problem_type::regression;
    e.part = "test";
    e.y_true = column::numeric("y", {std::nan(""), 1.0});
    e.y_pred = column::numeric("y", {2.0, std::nan("")});
    CHECK(visualizer.generate_viz(e, (tmp / "none").string()).empty());
    CHECK(!fs::exists(tmp / "none"));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("no plots") != std::string::npos);
}

TEST_CASE("bad settings and bad evaluations are errors naming what is wrong") {
    context ctx;
    CHECK_THROWS_WITH_AS(svg_model_visualizer({.width = 100}, ctx),
                         "width must be between 320 and 4000 pixels, not 100 (model_visualizer.width)", error);
    CHECK_THROWS_WITH_AS(svg_model_visualizer({.height = 5000}, ctx),
                         "height must be between 240 and 4000 pixels, not 5000 (model_visualizer.height)", error);
    CHECK_THROWS_WITH_AS(svg_model_visualizer({.max_points = 0}, ctx),
                         "max_points must be at least 1, not 0 (model_visualizer.max_points)", error);

    lolpop_test::temp_directory tmp;
    const svg_model_visualizer visualizer({}, ctx);
    const std::string dir = tmp.path().string();

    evaluation short_pred = binary_reference();
    short_pred.y_pred = column::integer("p", {0, 1});
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(short_pred, dir),
                         "the test part has 200 true values but 2 predictions (svg_model_visualizer)", error);

    evaluation no_proba = binary_reference();
    no_proba.proba = {};
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(no_proba, dir),
                         "a binary evaluation needs class probabilities (svg_model_visualizer)", error);

    evaluation three = binary_reference();
    three.proba.classes.push_back("2");
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(three, dir),
                         "a binary evaluation needs probabilities of 2 classes, not 3 (svg_model_visualizer)", error);

    evaluation short_proba = multiclass_reference();
    short_proba.proba.values.resize(30);
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(short_proba, dir),
                         "the test part has 200 true values but 30 class probabilities for 3 classes (svg_model_visualizer)",
                         error);

    evaluation nan_proba = binary_reference();
    nan_proba.proba.values[9] = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(nan_proba, dir),
                         "the probability of class '1' in row 5 is not a number (svg_model_visualizer)", error);

    evaluation categorical = regression_reference();
    categorical.y_pred = column::categorical("guess", std::vector<std::optional<std::string>>(200, "a"));
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(categorical, dir),
                         "regression values must be numbers, but column 'guess' is categorical (svg_model_visualizer)", error);

    evaluation escaping = regression_reference();
    escaping.part = "..";
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(escaping, dir),
                         "evaluation part '..' cannot be used as a file name (svg_model_visualizer)", error);

    // A file where the directory should be.
    write_file_atomically(tmp / "taken", "x");
    CHECK_THROWS_WITH_AS(visualizer.generate_viz(regression_reference(), (tmp / "taken").string()),
                         doctest::Contains("cannot create directory"), error);
    CHECK(read_file(tmp / "taken") == "x");
}

TEST_CASE("feature importance: the largest 25 as bars, largest on top") {
    lolpop_test::temp_directory tmp;
    std::vector<feature_importance> importances;
    for (int i = 0; i < 30; ++i) importances.push_back({"feature_" + std::to_string(i), i * 0.5});
    importances.push_back({"a<b & \"c\"", 100});
    const std::string path = (tmp / "importance.svg").string();
    write_feature_importance_svg(importances, path);
    const std::string svg = read(path);
    CHECK(lolpop_test::xml_problem(svg) == "");
    CHECK(svg.find("<title>Feature importance (top 25 of 31)</title>") != std::string::npos);
    const std::size_t bars_begin = svg.find("<g class=\"bars\""), bars_end = svg.find("</g>", bars_begin);
    CHECK(occurrences(svg.substr(bars_begin, bars_end - bars_begin), "<rect") == 25);
    // Largest first: the escaped name, then feature_29 down to feature_6; feature_5 and below are left out.
    const std::size_t first = svg.find(">a&lt;b &amp; &quot;c&quot;<"), second = svg.find(">feature_29<"),
                      last = svg.find(">feature_6<");
    CHECK(first != std::string::npos);
    CHECK(first < second);
    CHECK(second < last);
    CHECK(last != std::string::npos);
    CHECK(svg.find(">feature_5<") == std::string::npos);
    CHECK(files_in(tmp.path()) == std::set<std::string>{"importance.svg"});

    const std::string few = (tmp / "few.svg").string();
    write_feature_importance_svg({{"x", 0.25}, {"y", 0.75}}, few);
    CHECK(read(few).find("<title>Feature importance</title>") != std::string::npos);
    CHECK(read(few).find(">0.75<") != std::string::npos);

    // The visualizer writes the same chart into a model's folder, for the train pipeline.
    context ctx;
    const svg_model_visualizer visualizer({}, ctx);
    const std::string drawn = visualizer.plot_feature_importance({{"x", 0.25}, {"y", 0.75}}, (tmp / "model").string());
    CHECK(drawn == (tmp / "model" / "feature_importance.svg").string());
    CHECK(read(drawn) == read(few));

    const std::string empty_message = "no feature importances to draw (" + few + ")";
    CHECK_THROWS_WITH_AS(write_feature_importance_svg({}, few), empty_message.c_str(), error);
    const std::string nan_message = "the importance of feature 'x' is not a number (" + few + ")";
    CHECK_THROWS_WITH_AS(write_feature_importance_svg({{"x", std::nan("")}}, few), nan_message.c_str(), error);
}
