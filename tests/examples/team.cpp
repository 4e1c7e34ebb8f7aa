// breast_cancer's team profile against a real PostgreSQL server (the tests' postgres fixture) and a
// webhook listener: the whole workflow with the store and the data in PostgreSQL, credentials that
// never show, and eight trains at once on one store, for PostgreSQL and for SQLite.
#include <lolpop/components/data_connector/postgres_data_connector.hpp>
#include <lolpop/components/metadata_tracker/postgres_metadata_tracker.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>

#include "../http_listener.hpp"
#include "../postgres_server.hpp"
#include "profile_binary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>
#include <sys/wait.h>

using namespace lolpop;
using lolpop_test::run_binary;
namespace fs = std::filesystem;

namespace {

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string fresh_schema() {
    std::random_device entropy;
    return "team_test_" + std::to_string(entropy() % 1000000000u);
}

// The value of `password=` in a keyword/value connection string.
std::string password_of(const std::string& dsn) {
    const std::size_t at = dsn.find("password=");
    REQUIRE(at != std::string::npos);
    const std::size_t begin = at + 9;
    return dsn.substr(begin, dsn.find(' ', begin) - begin);
}

// The tables data/load_postgres.sql makes, loaded the way the example's README says.
void load_tables(const std::string& dsn) {
    const std::string command = "cd '" LOLPOP_SOURCE_DIR "/examples/breast_cancer' && psql '" + dsn +
                                "' -q -v ON_ERROR_STOP=1 -f data/load_postgres.sql 2>&1";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
}

// The environment of a team binary: the store, its schema, the webhook.
std::string team_env(const std::string& dsn, const std::string& schema, const std::string& webhook) {
    return "LOLPOP_PG_DSN='" + dsn + "' LOLPOP_PG_SCHEMA='" + schema + "' LOLPOP_WEBHOOK_URL='" + webhook + "'";
}

struct concurrent_result {
    int succeeded = 0;
    double seconds = 0;
    std::string outputs;
};

// `processes` runs of `args` started at once; each failure must be one clear error line.
concurrent_result run_at_once(const std::string& binary, const std::string& args, const lolpop_test::temp_directory& home,
                              const std::string& env, int processes) {
    concurrent_result result;
    const auto start = std::chrono::steady_clock::now();
    std::vector<FILE*> pipes;
    for (int i = 0; i < processes; ++i) {
        pipes.push_back(popen(lolpop_test::profile_command("breast_cancer", binary, args, home, env).c_str(), "r"));
        REQUIRE(pipes.back() != nullptr);
    }
    for (FILE* pipe : pipes) {
        const std::string output = lolpop_test::read_all(pipe);
        const int status = pclose(pipe);
        result.outputs += output;
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            ++result.succeeded;
        } else {
            INFO(output);
            CHECK(std::count(output.begin(), output.end(), '\n') >= 1);
            CHECK(output.find("error: ") != std::string::npos);
        }
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

// What every store must show after concurrent trains: one train run per successful process, each
// ok, one model version each, numbered 1..n, every one's model in the artifact store.
template <class Tracker>
void check_trains(Tracker& tracker, const lolpop_test::temp_directory& home, int succeeded) {
    int train_runs = 0;
    for (const run& r : tracker.list_runs()) {
        if (r.step != "train") continue;
        ++train_runs;
        CHECK(r.status == run_status::ok);
    }
    CHECK(train_runs == succeeded);
    const std::vector<model_version> versions = tracker.list_model_versions("breast_cancer");
    REQUIRE(versions.size() == static_cast<std::size_t>(succeeded));
    std::set<int> numbers;
    for (const model_version& v : versions) {
        numbers.insert(static_cast<int>(v.version));
        CHECK_MESSAGE(fs::exists(home / "artifacts" / v.uri), v.uri);
    }
    CHECK(numbers.size() == versions.size());
    CHECK(*numbers.begin() == 1);
    CHECK(*numbers.rbegin() == succeeded);
}

}  // namespace

TEST_CASE("breast_cancer team: build-all with the store and the data in PostgreSQL, notifications on a webhook") {
    const std::optional<std::string> dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    load_tables(*dsn);
    const std::string schema = fresh_schema();
    lolpop_test::http_listener webhook;
    lolpop_test::temp_directory home;
    const std::string env = team_env(*dsn, schema, webhook.url("/hooks/team"));

    const auto r = run_binary("breast_cancer", BREAST_CANCER_TEAM, "build-all", home, env);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);

    context ctx;
    postgres_metadata_tracker tracker({*dsn, schema}, ctx);
    postgres_metrics_tracker metrics({*dsn, schema}, ctx);
    const auto version = tracker.latest_model_version("breast_cancer");
    REQUIRE(version.has_value());
    CHECK(metrics.get_metric(version->id, "roc_auc").value_or(0) >= 0.97);
    const auto lineage = tracker.get_lineage(*version);
    REQUIRE(lineage.size() == 1);
    CHECK(lineage.front().rows == 500);  // the table's rows
    CHECK(tracker.list_runs().size() == 4);
    REQUIRE(tracker.list_prediction_jobs().size() == 1);
    CHECK(tracker.list_prediction_jobs().front().rows == 69);
    CHECK(tracker.get_tag(version->id, "deployed_at").has_value());
    // The scores went back to the database, in the store's schema.
    postgres_data_connector scores({*dsn, {}}, ctx);
    const frame predictions = scores.get_data(schema + ".breast_cancer_predictions");
    CHECK(predictions.rows() == 69);
    CHECK(predictions.has("probability_1"));
    // The store is PostgreSQL: no database file in the home.
    CHECK_FALSE(fs::exists(home / "metadata.db"));

    // prod's notifications (level info) reached the webhook as Slack-compatible JSON.
    const auto requests = webhook.requests();
    REQUIRE_FALSE(requests.empty());
    for (const auto& request : requests) {
        CHECK(request.method == "POST");
        CHECK(request.target == "/hooks/team");
        CHECK(request.body.find("\"text\":") != std::string::npos);
    }

    // The password is in none of what the workflow shows or keeps.
    const std::string password = password_of(*dsn);
    const auto describe = run_binary("breast_cancer", BREAST_CANCER_TEAM, "--describe", home, env);
    REQUIRE(describe.exit_code == 0);
    CHECK(describe.output.find("dsn = \"(secret)\"") != std::string::npos);
    CHECK(describe.output.find("url = \"(secret)\"") != std::string::npos);
    for (const std::string& shown : {r.output, describe.output, read_bytes(home / "report.html"), read_bytes(home / "lolpop.log"),
                                     read_bytes(BREAST_CANCER_TEAM)})
        CHECK(shown.find(password) == std::string::npos);
    const std::string dump_command = "pg_dump '" + *dsn + "' --schema='" + schema + "' --data-only 2>&1";
    FILE* dump = popen(dump_command.c_str(), "r");
    REQUIRE(dump != nullptr);
    const std::string stored = lolpop_test::read_all(dump);
    REQUIRE(pclose(dump) == 0);
    CHECK(stored.find("breast_cancer") != std::string::npos);  // the dump holds the store's rows
    CHECK(stored.find(password) == std::string::npos);
    CHECK(stored.find("/hooks/team") == std::string::npos);
}

TEST_CASE("breast_cancer: eight trains at once on one store, PostgreSQL (team) and SQLite (prod)") {
    constexpr int processes = 8;
    lolpop_test::http_listener webhook;

    SUBCASE("SQLite") {
        lolpop_test::temp_directory home;
        REQUIRE(run_binary("breast_cancer", BREAST_CANCER_PROD, "process", home).exit_code == 0);
        const concurrent_result r = run_at_once(BREAST_CANCER_PROD, "train", home, "", processes);
        INFO(r.outputs);
        MESSAGE("SQLite: " << r.succeeded << " of " << processes << " trains at once succeeded, "
                           << r.succeeded / r.seconds << " runs/s");
        CHECK(r.succeeded >= 1);
        context ctx;
        sqlite_metadata_tracker tracker({home / "metadata.db"}, ctx);
        check_trains(tracker, home, r.succeeded);
    }
    SUBCASE("PostgreSQL") {
        const std::optional<std::string> dsn = lolpop_test::postgres_dsn();
        if (!dsn) return;
        load_tables(*dsn);
        const std::string schema = fresh_schema();
        const std::string env = team_env(*dsn, schema, webhook.url("/hooks/team"));
        lolpop_test::temp_directory home;
        REQUIRE(run_binary("breast_cancer", BREAST_CANCER_TEAM, "process", home, env).exit_code == 0);
        const concurrent_result r = run_at_once(BREAST_CANCER_TEAM, "train", home, env, processes);
        INFO(r.outputs);
        MESSAGE("PostgreSQL: " << r.succeeded << " of " << processes << " trains at once succeeded, "
                               << r.succeeded / r.seconds << " runs/s");
        CHECK(r.succeeded == processes);  // a server takes concurrent writers without a busy timeout
        context ctx;
        postgres_metadata_tracker tracker({*dsn, schema}, ctx);
        check_trains(tracker, home, r.succeeded);
    }
}
