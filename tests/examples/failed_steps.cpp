// A failed step stores nothing. Every bad input below, given to an example's profile binary the
// way a user gives it, must end with one line "error: ...", a non-zero exit, and every file of
// the home byte-identical to before (logs aside); every step on an empty home leaves it empty;
// and processes killed at any moment leave a store that the next step repairs.
// covers: lolpop/pipelines/services.hpp
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/atomic_file.hpp>

#include "profile_binary.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace lolpop;
using lolpop_test::home_contents;
using lolpop_test::line_count;
using lolpop_test::run_binary;
using lolpop_test::temp_directory;
namespace fs = std::filesystem;

namespace {

const std::string example_dir = LOLPOP_SOURCE_DIR "/examples/breast_cancer/";

using table = std::vector<std::vector<std::string>>;  // a CSV without quotes, as the example's

table rows_of(const std::string& file) {
    table rows;
    std::istringstream in(read_file(example_dir + file));
    for (std::string line; std::getline(in, line);) {
        rows.emplace_back();
        std::istringstream fields(line);
        for (std::string field; std::getline(fields, field, ',');) rows.back().push_back(field);
    }
    return rows;
}

std::string text_of(const table& rows) {
    std::string text;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) text += (i ? "," : "") + row[i];
        text += '\n';
    }
    return text;
}

std::size_t index_of(const table& rows, const std::string& column) {
    const auto at = std::find(rows[0].begin(), rows[0].end(), column);
    REQUIRE(at != rows[0].end());
    return static_cast<std::size_t>(at - rows[0].begin());
}

// The example's data with the field at `line` (1 is the header) of `column` replaced.
std::string with_field(std::size_t line, const std::string& column, const std::string& value,
                       const std::string& file = "data/breast_cancer.csv") {
    table rows = rows_of(file);
    rows.at(line - 1).at(index_of(rows, column)) = value;
    return text_of(rows);
}

std::string without_column(const std::string& column, const std::string& file) {
    table rows = rows_of(file);
    const std::size_t index = index_of(rows, column);
    for (auto& row : rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(index));
    return text_of(rows);
}

std::string header_only() { return text_of({rows_of("data/breast_cancer.csv").front()}); }

struct bad_case {
    std::string args;
    std::string message;                   // a part of the one line of output
    std::function<void()> setup = nullptr;  // changes the home before its snapshot
};

// Runs each case on `home` and checks the one-line error, the exit code and the home's bytes.
void check_bad_cases(const char* binary, const temp_directory& home, const std::vector<bad_case>& cases) {
    for (const bad_case& c : cases) {
        if (c.setup) c.setup();
        const auto before = home_contents(home);
        const auto r = run_binary("breast_cancer", binary, c.args, home);
        INFO(c.args, "\n", r.output);
        CHECK(r.exit_code != 0);
        // The error is the last line, and the only one; lines before it are what the step logged
        // (info, warnings) before it failed.
        const std::string last = r.output.substr(r.output.rfind('\n', r.output.size() - 2) + 1);
        CHECK(last.rfind("error: ", 0) == 0);
        CHECK(line_count(last) == 1);
        CHECK(r.output.find("\nerror: ") == r.output.rfind("\nerror: "));
        CHECK(last.find(c.message) != std::string::npos);
        CHECK(home_contents(home) == before);
    }
}

// Overwrites a few bytes in the middle of `file`.
void corrupt(const fs::path& file) {
    std::string bytes = read_file(file);
    REQUIRE(bytes.size() > 64);
    bytes.replace(bytes.size() / 2, 7, "garbage");
    write_file_atomically(file, bytes);
}

fs::path deployed_model(const temp_directory& home) {
    for (const auto& entry : fs::directory_iterator(home / "deployments/breast_cancer"))
        if (entry.path().extension() == ".model") return entry.path();
    FAIL("no deployed model");
    return {};
}

// The bad inputs, written as files.
struct bad_files {
    temp_directory dir;
    std::string path(const std::string& name, const std::string& text) const {
        write_file_atomically(dir / name, text);
        return (dir / name).string();
    }
};

std::string integrity_of(const fs::path& db) {
    sqlite3* handle = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(handle);
    return result;
}

}  // namespace

TEST_CASE("breast_cancer dev: bad settings, data and stores fail with one line and leave the home as it was") {
    temp_directory home;
    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_DEV, "build-all", home).exit_code == 0);
    const bad_files in;
    const std::string nul = in.path("nul.csv", with_field(6, "mean_texture", std::string("1\0", 2)));
    check_bad_cases(BREAST_CANCER_DEV, home, {
        // settings
        {"--set config.train_data=data/missing.csv", "cannot read file"},
        {"--set config.model_target=diagnosis", "model_target 'diagnosis' is not a column"},
        {"--set train.model_trainer.max_dept=3", "unknown setting 'max_dept' (did you mean 'max_depth'?)"},
        {"--set train.model_trainer.max_depth=deep", "max_depth"},
        {"--set train.model_trainer.max_depth=99999999999999999999", "expects an integer from -2147483648 to 2147483647"},
        {"--set train.model_trainer.max_depth.deeper=1", "is a setting and has no sub-settings"},
        {"--set train.model_trainer.eta=nan", "expects a number, got nan"},
        {"--set train.model_trainer.eta=inf", "eta = inf is outside its range [0, 1]"},
        {"--set train.model_trainer.eta=-1e300", "is outside its range [0, 1]"},
        {"--set train.data_splitter.train_ratio=0.9", "ratio"},
        {"--set trian.model_trainer.max_depth=3", "did you mean 'train'?"},
        {"--set train.config.perf_metric=accuracy_score", "perf_metric"},
        {"frobnicate", "frobnicate"},
        // the training data
        {"--set config.train_data=" LOLPOP_TEST_DATA "/csv/ragged.csv", "ragged.csv:3"},
        {"--set config.train_data=" + in.path("huge.csv", with_field(6, "mean_texture", "1e400")),
         "'1e400' in column 'mean_texture' is not a finite number a double can hold (" + in.dir.path().string() + "/huge.csv:6)"},
        {"--set config.train_data=" + in.path("inf.csv", with_field(9, "mean_radius", "inf")), "'inf' in column 'mean_radius'"},
        {"--set config.train_data=" + in.path("digits.csv", with_field(6, "mean_area", std::string(400, '9'))),
         "in column 'mean_area' is not a finite number"},
        {"--set config.train_data=" + nul, "a NUL byte in a field of column 'mean_texture' (" + nul + ":6)"},
        {"process --set config.train_data=" + in.path("text.csv", with_field(6, "mean_texture", "n/a")),
         "column 'mean_texture' is categorical now but was numeric in the previous version"},
        {"process --set config.train_data=" + in.path("gone.csv", without_column("mean_texture", "data/breast_cancer.csv")),
         "column 'mean_texture' (numeric in the previous version"},
        {"--set process.data_connector.max_field_bytes=1000 --set config.train_data=" +
             in.path("long.csv", with_field(6, "mean_texture", std::string(2000, '7'))),
         "a field of column 'mean_texture' is more than max_field_bytes = 1000 bytes"},
        {"--set config.train_data=" + in.path("empty.csv", ""), "no header row"},
        {"--set config.train_data=" + in.path("header.csv", header_only()), "the data has no rows"},
        {"--set config.train_data=" + in.path("quote.csv", "id,target\n\"1,2\n"), "unterminated quoted field"},
        // the data to predict
        {"predict --set config.predict_data=" + in.path("missing_feature.csv", without_column("mean_texture", "data/breast_cancer_new.csv")),
         "missing feature 'mean_texture'"},
        {"predict --set config.predict_data=" + in.path("text_feature.csv", with_field(3, "mean_texture", "n/a", "data/breast_cancer_new.csv")),
         "feature 'mean_texture' is categorical but the model was trained on it as numeric"},
        {"predict --set config.predict_data=" + in.path("huge_feature.csv", with_field(3, "mean_texture", "-1e999", "data/breast_cancer_new.csv")),
         "is not a finite number"},
        {"predict --set config.predict_data=data/missing.csv", "cannot read file"},
        // a target with a class that the metric does not fit: process stores it, train refuses it
        {"train --set train.config.perf_metric=pr_auc", "perf_metric 'pr_auc' is for two classes, but target 'target' has 3",
         [&] {
             const std::string three = in.path("three.csv", with_field(6, "target", "2"));
             REQUIRE(run_binary("breast_cancer", BREAST_CANCER_DEV, "process --set config.train_data=" + three, home).exit_code == 0);
         }},
        // stores whose files were damaged
        {"predict", "not a lolpop xgboost model", [&] { corrupt(deployed_model(home)); }},
        {"deploy", "is corrupted",
         [&] {
             for (const auto& entry : fs::recursive_directory_iterator(home / "artifacts/objects"))
                 if (entry.is_regular_file()) corrupt(entry.path());
         }},
        {"train", "is corrupted"},
    });
}

TEST_CASE("breast_cancer prod: a failed step writes its log but stores nothing") {
    temp_directory home;
    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_PROD, "build-all", home).exit_code == 0);
    const bad_files in;
    check_bad_cases(BREAST_CANCER_PROD, home, {
        {"--set train.model_trainer.eta=nan", "expects a number, got nan"},
        {"--set config.train_data=" + in.path("inf.csv", with_field(40, "worst_area", "-inf")), "'-inf' in column 'worst_area'"},
        {"predict --set config.predict_data=" + in.path("missing_feature.csv", without_column("worst_area", "data/breast_cancer_new.csv")),
         "missing feature 'worst_area'"},
        {"deploy", "is corrupted",
         [&] {
             for (const auto& entry : fs::recursive_directory_iterator(home / "artifacts/objects"))
                 if (entry.is_regular_file()) corrupt(entry.path());
         }},
    });
    // The log, written for machines, and the notifier have the failure too.
    const std::string log = read_file(home / "lolpop.log");
    CHECK(log.find("\"level\":\"error\"") != std::string::npos);
    CHECK(log.find("deploy failed: artifact ") != std::string::npos);
}

TEST_CASE("breast_cancer dev: a step that fails on an empty home leaves it empty") {
    const bad_files in;
    for (const std::string& args : std::vector<std::string>{"train", "deploy", "predict", "evaluate", "process --set config.train_data=data/missing.csv",
                                   "process --set config.train_data=" + in.path("huge.csv", with_field(6, "mean_texture", "1e400")),
                                   "build-all --set train.model_trainer.eta=nan"}) {
        temp_directory home;
        const auto r = run_binary("breast_cancer", BREAST_CANCER_DEV, args, home);
        INFO(args, "\n", r.output);
        CHECK(r.exit_code != 0);
        CHECK(r.output.find("error: ") != std::string::npos);
        CHECK(home_contents(home).empty());
    }
}

TEST_CASE("breast_cancer dev: processes killed at any moment leave a store the next step repairs") {
    // Kills spread evenly over a build-all's duration: in reading, training, between the writes
    // of a step and inside them. After each, the database is intact; the next step records the
    // killed runs as abandoned, and a later build-all leaves no temporary file behind.
    temp_directory home;
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_DEV, "build-all", home).exit_code == 0);
    const auto duration = std::chrono::steady_clock::now() - started;

    constexpr int kills = 40;
    int killed_running = 0;
    for (int i = 0; i < kills; ++i) {
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            const int null = ::open("/dev/null", O_WRONLY);
            ::dup2(null, 1);
            ::dup2(null, 2);
            if (::chdir(example_dir.c_str()) != 0 || ::setenv("LOLPOP_HOME", home.path().c_str(), 1) != 0) _exit(127);
            ::execl(BREAST_CANCER_DEV, BREAST_CANCER_DEV, "build-all", static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(duration * (i + 0.5) / kills);
        ::kill(pid, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        if (WIFSIGNALED(status)) ++killed_running;
        INFO("kill ", i);
        REQUIRE(integrity_of(home / "metadata.db") == "ok");
    }
    MESSAGE(killed_running << " of " << kills << " build-alls killed while running");
    CHECK(killed_running > kills / 2);

    REQUIRE(run_binary("breast_cancer", BREAST_CANCER_DEV, "process", home).exit_code == 0);
    context ctx;
    std::size_t abandoned = 0;
    {
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        for (const run& r : tracker.list_runs()) {
            CHECK(r.status != run_status::running);
            abandoned += r.status == run_status::abandoned;
        }
    }
    MESSAGE(abandoned << " runs recorded as abandoned");
    CHECK(abandoned > 0);

    const auto r = run_binary("breast_cancer", BREAST_CANCER_DEV, "build-all", home);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK(integrity_of(home / "metadata.db") == "ok");
    for (const auto& entry : home_contents(home)) CHECK_MESSAGE(entry.first.find(".tmp-") == std::string::npos, entry.first);
    for (const auto& lease : fs::directory_iterator(home / "metadata.db-runs")) CHECK_MESSAGE(false, "a lease is left: " << lease.path());
    sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
    for (const model_version& v : tracker.list_model_versions("breast_cancer")) CHECK_MESSAGE(fs::exists(home / "artifacts" / v.uri), v.uri);
    CHECK(fs::exists(deployed_model(home)));
}

TEST_CASE("breast_cancer dev: a stray class and a ground truth of other classes are warned of; no metric is NaN") {
    temp_directory home;
    const bad_files in;
    // One row's target is 2 among 0 and 1: trained as three classes, with a warning naming it.
    const auto stray = run_binary("breast_cancer", BREAST_CANCER_DEV,
                                  "build-all --set config.train_data=" + in.path("three.csv", with_field(6, "target", "2")), home);
    INFO(stray.output);
    REQUIRE(stray.exit_code == 0);
    CHECK(stray.output.find("warn: class '2' of target 'target' has 1 row of 500 (classes: 0, 1, 2)") != std::string::npos);

    // A model of "no" and "yes" (on a new home: the target's type changed) scored against data
    // whose truth is 0 and 1.
    const temp_directory words_home;
    table rows = rows_of("data/breast_cancer.csv");
    const std::size_t target = index_of(rows, "target");
    for (std::size_t r = 1; r < rows.size(); ++r) rows[r][target] = rows[r][target] == "1" ? "yes" : "no";
    const auto other = run_binary("breast_cancer", BREAST_CANCER_DEV, "build-all --set config.train_data=" + in.path("words.csv", text_of(rows)), words_home);
    INFO(other.output);
    REQUIRE(other.exit_code == 0);
    CHECK(other.output.find("holds classes the model was not trained on (1, 0): they count as wrong predictions") != std::string::npos);
    CHECK(other.output.find("roc_auc is undefined on the ground truth in 'target'") != std::string::npos);
    CHECK(other.output.find("nan") == std::string::npos);
}
