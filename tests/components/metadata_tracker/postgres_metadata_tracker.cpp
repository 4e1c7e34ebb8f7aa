// postgres_metadata_tracker against the tests' PostgreSQL server, each test in a schema of its own.
#include <lolpop/components/metadata_tracker/postgres_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>
#include <lolpop/testing/metadata_tracker_laws.hpp>

#include "../../message_of.hpp"
#include "../../postgres_server.hpp"

#include <doctest/doctest.h>
#include <libpq-fe.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {

using lolpop::postgres_metadata_tracker;

lolpop::context& test_context() {
    static lolpop::context ctx;  // trackers keep it, to log with
    return ctx;
}

postgres_metadata_tracker open_tracker(const std::string& dsn, const std::string& schema) {
    return postgres_metadata_tracker({dsn, schema}, test_context());
}

// SQL as another program (an older lolpop, an administrator) runs it, outside the tracker.
std::string run_sql(const std::string& dsn, const std::string& sql) {
    PGconn* conn = PQconnectdb(dsn.c_str());
    PGresult* r = PQexec(conn, sql.c_str());
    std::string out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
    else if (PQresultStatus(r) != PGRES_COMMAND_OK) out = std::string("error: ") + PQerrorMessage(conn);
    PQclear(r);
    PQfinish(conn);
    return out;
}

lolpop::model_version draft(const std::string& model_name) {
    lolpop::model_version mv;
    mv.model_name = model_name;
    mv.trainer = "xgboost_trainer";
    mv.content_hash = "c0ffee";
    mv.uri = "models/" + model_name;
    return mv;
}

}  // namespace

TEST_CASE("postgres_metadata_tracker keeps the metadata tracker laws") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    const auto make = [&] { return open_tracker(*dsn, schema); };
    CHECK_NOTHROW(lolpop::testing::check_metadata_tracker_laws(make));
    CHECK_NOTHROW(lolpop::testing::check_metadata_tracker_laws(make));  // on a store in use
    // Instances in other threads have connections of their own, as other processes do.
    std::string failure;
    std::thread([&] {
        try {
            lolpop::testing::check_metadata_tracker_laws(make);
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }).join();
    CHECK(failure == "");
}

TEST_CASE("postgres_metadata_tracker writes ids and times as sqlite_metadata_tracker does, in the schema it names") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    auto tracker = open_tracker(*dsn, schema);
    const auto r = tracker.start_run("dev", "build-1", "train");
    CHECK(std::regex_match(r.id, std::regex("run-[0-9a-f]{16}")));
    CHECK(std::regex_match(r.started_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    const auto listed = tracker.list_runs();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].status == lolpop::run_status::running);
    tracker.end_run(r, lolpop::run_status::ok);
    CHECK(tracker.list_runs()[0].status == lolpop::run_status::ok);
    lolpop::run unknown = r;
    unknown.id = "run-0000000000000000";
    CHECK(message_of([&] { tracker.end_run(unknown, lolpop::run_status::ok); }).starts_with(
        "unknown run 'run-0000000000000000' (postgresql host="));
    CHECK(run_sql(*dsn, "SELECT count(*) FROM " + schema + ".runs") == "1");
    // A run under way outside a step, in another thread (as another process), is not abandoned.
    const auto open_run = tracker.start_run("dev", "build-1", "serve");
    std::string failure;
    std::thread([&] {
        try {
            auto other = open_tracker(*dsn, schema);
            other.begin_step();
            other.end_run(other.start_run("dev", "build-1", "train"), lolpop::run_status::ok);
            other.commit_step();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }).join();
    CHECK(failure == "");
    CHECK(tracker.list_runs()[1].id == open_run.id);
    CHECK(tracker.list_runs()[1].status == lolpop::run_status::running);
    tracker.end_run(open_run, lolpop::run_status::ok);
    CHECK(tracker.list_runs().size() == 3);
    // Another schema of the same database is another store.
    CHECK(open_tracker(*dsn, lolpop_test::fresh_postgres_schema()).list_runs().empty());
}

TEST_CASE("postgres_metadata_tracker refuses a store of a newer lolpop, bad settings and a wrong password") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    open_tracker(*dsn, schema);
    CHECK(run_sql(*dsn, "UPDATE " + schema + ".schema_versions SET version = 99 WHERE component = 'postgres_metadata_tracker'") == "");
    std::string newer;
    std::thread([&] { newer = message_of([&] { open_tracker(*dsn, schema); }); }).join();  // a new connection
    CHECK(newer.starts_with("the database schema '" + schema +
                            "' holds schema version 99 of postgres_metadata_tracker, newer than version 1 that this "
                            "lolpop knows (postgresql host="));

    CHECK(message_of([&] { open_tracker("", "lolpop"); }) ==
          "the connection string is empty (postgres_metadata_tracker.dsn)");
    CHECK(message_of([&] { open_tracker(*dsn, "Team-A"); }) ==
          "the schema name 'Team-A' is not 1 to 63 lowercase letters, digits and '_' that start with a letter or '_' "
          "(postgres_metadata_tracker.schema)");
    const std::string secret = "N0tTheRightOne";
    const auto wrong = std::regex_replace(*dsn, std::regex("password=[^ ]*"), "password=" + secret);
    const auto message = message_of([&] { open_tracker(wrong, schema); });
    CHECK(message.starts_with("cannot connect to PostgreSQL: password authentication failed for user"));
    CHECK(message.find(secret) == std::string::npos);
}

TEST_CASE("postgres_metadata_tracker and postgres_metrics_tracker on one schema write a step as one transaction") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    auto tracker = open_tracker(*dsn, schema);
    lolpop::postgres_metrics_tracker metrics({*dsn, schema}, test_context());
    CHECK(run_sql(*dsn, "SELECT string_agg(component || ' ' || version, ', ' ORDER BY component) FROM " + schema +
                            ".schema_versions") == "postgres_metadata_tracker 1, postgres_metrics_tracker 1");

    tracker.begin_step();
    metrics.begin_step();
    auto r = tracker.start_run("dev", "b", "train");
    const auto mv = tracker.create_model_version(r, draft("churn"));
    metrics.log_metric(mv.id, "auc", 0.9);
    // Nothing of the step is visible outside it but its run, running.
    CHECK(run_sql(*dsn, "SELECT count(*) FROM " + schema + ".metrics") == "0");
    CHECK(run_sql(*dsn, "SELECT status FROM " + schema + ".runs") == "running");
    metrics.rollback_step();  // the first to roll back drops the shared transaction
    tracker.rollback_step();
    CHECK(run_sql(*dsn, "SELECT count(*) FROM " + schema + ".runs") == "0");
    CHECK(!tracker.latest_model_version("churn").has_value());
    CHECK(!metrics.get_metric(mv.id, "auc").has_value());

    tracker.begin_step();
    metrics.begin_step();
    r = tracker.start_run("dev", "b", "train");
    const auto kept = tracker.create_model_version(r, draft("churn"));
    metrics.log_metric(kept.id, "auc", 0.9);
    tracker.end_run(r, lolpop::run_status::ok);
    metrics.commit_step();
    CHECK(run_sql(*dsn, "SELECT count(*) FROM " + schema + ".metrics") == "0");  // the tracker commits last
    tracker.commit_step();
    CHECK(run_sql(*dsn, "SELECT value FROM " + schema + ".metrics") == "0.9");
    CHECK(run_sql(*dsn, "SELECT version || ' ' || status FROM " + schema + ".model_versions, " + schema + ".runs") ==
          "1 ok");
}

TEST_CASE("postgres_metadata_tracker: hosts storing versions of one model at once get 1..N, each once") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    open_tracker(*dsn, schema);
    constexpr int per_writer = 25;
    std::vector<std::string> failures(2);
    std::vector<std::vector<int>> numbers(2);
    std::vector<std::thread> writers;
    for (int w = 0; w < 2; ++w)
        writers.emplace_back([&, w] {
            try {
                auto tracker = open_tracker(*dsn, schema);  // a connection of this thread's own
                for (int i = 0; i < per_writer; ++i) {
                    // Every other version in a step, the others each a transaction of its own.
                    const bool step = i % 2 == 0;
                    if (step) tracker.begin_step();
                    const auto r = tracker.start_run("dev", "b", "train");
                    numbers[w].push_back(tracker.create_model_version(r, draft("churn")).version);
                    tracker.end_run(r, lolpop::run_status::ok);
                    if (step) tracker.commit_step();
                }
            } catch (const std::exception& e) {
                failures[w] = e.what();
            }
        });
    for (auto& t : writers) t.join();
    CHECK(failures[0] == "");
    CHECK(failures[1] == "");
    std::set<int> all(numbers[0].begin(), numbers[0].end());
    all.insert(numbers[1].begin(), numbers[1].end());
    CHECK(all.size() == 2 * per_writer);
    CHECK(*all.begin() == 1);
    CHECK(*all.rbegin() == 2 * per_writer);
    CHECK(std::is_sorted(numbers[0].begin(), numbers[0].end()));
    const auto stored = open_tracker(*dsn, schema).list_model_versions("churn");
    REQUIRE(stored.size() == 2 * per_writer);
    for (std::size_t i = 0; i < stored.size(); ++i) CHECK(stored[i].version == static_cast<int>(i) + 1);
    // No run was taken for abandoned: each was held by its writer while it ran.
    for (const auto& r : open_tracker(*dsn, schema).list_runs()) CHECK(r.status == lolpop::run_status::ok);
}

TEST_CASE("postgres_metadata_tracker: the run of a killed process is recorded abandoned by the next step") {
    const auto dsn = lolpop_test::postgres_dsn();
    if (!dsn) return;
    const auto schema = lolpop_test::fresh_postgres_schema();
    // The schema is made before the child starts; the parent holds no connection while it forks.
    open_tracker(*dsn, schema);
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(ready[0]);
        try {
            auto tracker = open_tracker(*dsn, schema);
            tracker.begin_step();
            const auto r = tracker.start_run("dev", "b", "train");
            tracker.create_model_version(r, draft("churn"));  // in the step's transaction, never committed
            const std::string id = r.id + "\n";
            if (::write(ready[1], id.data(), id.size()) < 0) ::_exit(2);
            ::pause();
        } catch (...) {
        }
        ::_exit(1);
    }
    ::close(ready[1]);
    char buffer[64] = {};
    const auto n = ::read(ready[0], buffer, sizeof buffer - 1);
    ::close(ready[0]);
    REQUIRE(n > 0);
    const std::string child_run(buffer, static_cast<std::size_t>(n) - 1);

    // While the child lives, its run is under way, not abandoned.
    {
        auto tracker = open_tracker(*dsn, schema);
        tracker.begin_step();
        const auto r = tracker.start_run("dev", "b", "process");
        tracker.end_run(r, lolpop::run_status::ok);
        tracker.commit_step();
        const auto runs = tracker.list_runs();
        REQUIRE(runs.size() == 2);
        CHECK(runs[0].id == child_run);
        CHECK(runs[0].status == lolpop::run_status::running);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    // The server notices the dead connection at once (the socket closes), and frees its lock.
    auto tracker = open_tracker(*dsn, schema);
    std::string held = "t";
    for (int i = 0; i < 100 && held == "t"; ++i) {
        held = run_sql(*dsn, "SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()");
        if (held == "t") std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    tracker.begin_step();
    const auto r = tracker.start_run("dev", "b", "process");
    tracker.end_run(r, lolpop::run_status::ok);
    tracker.commit_step();
    const auto runs = tracker.list_runs();
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].id == child_run);
    CHECK(runs[0].status == lolpop::run_status::abandoned);
    CHECK(runs[0].ended_at.size() == 24);
    CHECK(runs[2].status == lolpop::run_status::ok);
    CHECK(!tracker.latest_model_version("churn").has_value());  // the killed step's writes are gone
}
