// covers: lolpop/core/resources.hpp
#include <lolpop/components/data_connector/sqlite_data_connector.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <exception>
#include <fstream>
#include <functional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using lolpop::sqlite_metadata_tracker;

sqlite_metadata_tracker open_tracker(const std::string& path) {
    static lolpop::context ctx;  // the tracker keeps it, to log with
    return sqlite_metadata_tracker({path}, ctx);
}

bool is_timestamp(const std::string& s) {
    // 2024-05-01T12:34:56.789Z
    if (s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
        s[19] != '.' || s[23] != 'Z')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool is_id(const std::string& id, const std::string& kind) {
    if (id.size() != kind.size() + 17 || id.compare(0, kind.size() + 1, kind + "-") != 0) return false;
    return id.find_first_not_of("0123456789abcdef", kind.size() + 1) == std::string::npos;
}

lolpop::model_version draft(const std::string& model_name, std::vector<std::string> lineage = {}) {
    lolpop::model_version mv;
    mv.model_name = model_name;
    mv.trainer = "xgboost_trainer";
    mv.content_hash = "c0ffee";
    mv.uri = "models/" + model_name + ".json";
    mv.params = "max_depth = 6\n";
    mv.dataset_versions = std::move(lineage);
    return mv;
}

bool same(const lolpop::dataset_version& a, const lolpop::dataset_version& b) {
    return a.id == b.id && a.dataset_name == b.dataset_name && a.content_hash == b.content_hash && a.uri == b.uri &&
           a.rows == b.rows && a.cols == b.cols && a.run_id == b.run_id && a.created_at == b.created_at;
}

bool same(const lolpop::model_version& a, const lolpop::model_version& b) {
    return a.id == b.id && a.model_name == b.model_name && a.version == b.version && a.trainer == b.trainer &&
           a.content_hash == b.content_hash && a.uri == b.uri && a.params == b.params &&
           a.dataset_versions == b.dataset_versions && a.run_id == b.run_id && a.created_at == b.created_at;
}

}  // namespace

TEST_CASE("sqlite_metadata_tracker records runs from start to end") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "nested/dir/metadata.db").string();
    auto tracker = open_tracker(path);
    CHECK(!std::filesystem::exists(path));  // made by the first write, so a step that stores nothing leaves nothing
    CHECK(tracker.list_runs().empty());

    auto r = tracker.start_run("dev", "build-1", "train");
    CHECK(std::filesystem::exists(path));
    CHECK(is_id(r.id, "run"));
    CHECK(r.profile == "dev");
    CHECK(r.build_id == "build-1");
    CHECK(r.step == "train");
    CHECK(r.status == lolpop::run_status::running);
    CHECK(is_timestamp(r.started_at));
    CHECK(r.ended_at.empty());

    auto other = tracker.start_run("dev", "build-1", "predict");
    CHECK(other.id != r.id);
    tracker.end_run(r, lolpop::run_status::ok);
    tracker.end_run(other, lolpop::run_status::failed);

    auto runs = tracker.list_runs();
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == r.id);
    CHECK(runs[0].status == lolpop::run_status::ok);
    CHECK(is_timestamp(runs[0].ended_at));
    CHECK(runs[0].ended_at >= runs[0].started_at);
    CHECK(runs[0].started_at == r.started_at);
    CHECK(runs[1].step == "predict");
    CHECK(runs[1].status == lolpop::run_status::failed);
}

TEST_CASE("sqlite_metadata_tracker rejects a bad run status and an unknown run") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "train");
    CHECK_THROWS_WITH_AS(tracker.end_run(r, lolpop::run_status::running), doctest::Contains("ends ok or failed"),
                         lolpop::error);
    CHECK(tracker.list_runs().front().status == lolpop::run_status::running);

    lolpop::run ghost;
    ghost.id = "run-0000000000000000";
    CHECK_THROWS_WITH_AS(tracker.end_run(ghost, lolpop::run_status::ok), doctest::Contains("unknown run 'run-0000000000000000'"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(tracker.create_dataset_version(ghost, "train", "h", "u", 1, 1),
                         doctest::Contains("unknown run"), lolpop::error);
    CHECK_THROWS_WITH_AS(tracker.create_model_version(ghost, draft("m")), doctest::Contains("unknown run"),
                         lolpop::error);
    CHECK_FALSE(tracker.latest_dataset_version("train"));
    CHECK_FALSE(tracker.latest_model_version("m"));
}

TEST_CASE("a run status is stored by name, and a stored name that is no status is an error") {
    for (const auto s : {lolpop::run_status::running, lolpop::run_status::ok, lolpop::run_status::failed})
        CHECK(lolpop::parse_run_status(to_string(s)) == s);
    CHECK_FALSE(lolpop::parse_run_status("done"));

    lolpop_test::temp_directory tmp;
    const std::string path = (tmp / "metadata.db").string();
    {
        auto tracker = open_tracker(path);
        tracker.end_run(tracker.start_run("dev", "b", "train"), lolpop::run_status::failed);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    std::string stored;
    sqlite3_exec(
        db, "SELECT status FROM runs",
        [](void* out, int, char** values, char**) {
            *static_cast<std::string*>(out) = values[0];
            return 0;
        },
        &stored, nullptr);
    CHECK(stored == "failed");
    REQUIRE(sqlite3_exec(db, "UPDATE runs SET status = 'done'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    auto tracker = open_tracker(path);
    CHECK_THROWS_WITH_AS(tracker.list_runs(), doctest::Contains("unknown status 'done'"), lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker keeps dataset versions and finds the latest") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "process");

    auto v1 = tracker.create_dataset_version(r, "train", "hash-1", "data/hash-1.csv", 569, 31);
    auto v2 = tracker.create_dataset_version(r, "train", "hash-2", "data/hash-2.csv", 600, 31);
    auto p1 = tracker.create_dataset_version(r, "predict", "hash-3", "data/hash-3.csv", 10, 30);
    CHECK(is_id(v1.id, "dataset_version"));
    CHECK(v1.run_id == r.id);
    CHECK(is_timestamp(v1.created_at));

    auto latest = tracker.latest_dataset_version("train");
    REQUIRE(latest);
    CHECK(same(*latest, v2));
    REQUIRE(tracker.latest_dataset_version("predict"));
    CHECK(same(*tracker.latest_dataset_version("predict"), p1));
    CHECK_FALSE(tracker.latest_dataset_version("valid"));

    auto got = tracker.get_dataset_version(v1.id);
    REQUIRE(got);
    CHECK(same(*got, v1));
    CHECK(got->rows == 569);
    CHECK(got->cols == 31);
    CHECK_FALSE(tracker.get_dataset_version("dataset_version-0000000000000000"));

    CHECK_THROWS_WITH_AS(tracker.create_dataset_version(r, "", "h", "u", 1, 1),
                         doctest::Contains("the dataset name is empty"), lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker numbers model versions per model name and keeps their lineage") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "train");
    auto train = tracker.create_dataset_version(r, "train", "h1", "u1", 100, 5);
    auto valid = tracker.create_dataset_version(r, "valid", "h2", "u2", 20, 5);

    auto a1 = tracker.create_model_version(r, draft("cancer", {valid.id, train.id}));
    auto a2 = tracker.create_model_version(r, draft("cancer", {train.id}));
    auto b1 = tracker.create_model_version(r, draft("cars"));
    CHECK(a1.version == 1);
    CHECK(a2.version == 2);
    CHECK(b1.version == 1);
    CHECK(is_id(a1.id, "model_version"));
    CHECK(a1.run_id == r.id);
    CHECK(a1.trainer == "xgboost_trainer");
    CHECK(a1.params == "max_depth = 6\n");
    CHECK(a1.dataset_versions == std::vector<std::string>{valid.id, train.id});

    auto latest = tracker.latest_model_version("cancer");
    REQUIRE(latest);
    CHECK(same(*latest, a2));
    CHECK_FALSE(tracker.latest_model_version("iris"));

    auto got = tracker.get_model_version(a1.id);
    REQUIRE(got);
    CHECK(same(*got, a1));
    CHECK_FALSE(tracker.get_model_version("model_version-0000000000000000"));

    auto versions = tracker.list_model_versions("cancer");
    REQUIRE(versions.size() == 2);
    CHECK(same(versions[0], a1));
    CHECK(same(versions[1], a2));
    CHECK(tracker.list_model_versions("iris").empty());

    auto lineage = tracker.get_lineage(a1);
    REQUIRE(lineage.size() == 2);
    CHECK(same(lineage[0], valid));
    CHECK(same(lineage[1], train));
    CHECK(tracker.get_lineage(b1).empty());
}

TEST_CASE("sqlite_metadata_tracker stores nothing of a model version with unknown lineage") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "train");
    auto train = tracker.create_dataset_version(r, "train", "h1", "u1", 100, 5);

    CHECK_THROWS_WITH_AS(tracker.create_model_version(r, draft("cancer", {train.id, "dataset_version-missing"})),
                         doctest::Contains("unknown dataset version 'dataset_version-missing'"), lolpop::error);
    CHECK(tracker.list_model_versions("cancer").empty());
    // The failed write did not use up a version number.
    CHECK(tracker.create_model_version(r, draft("cancer", {train.id})).version == 1);

    CHECK_THROWS_WITH_AS(tracker.create_model_version(r, draft("")), doctest::Contains("model name is empty"),
                         lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker keeps experiments with their metrics") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "train");
    auto mv = tracker.create_model_version(r, draft("cancer"));

    lolpop::experiment trial;
    trial.model_version_id = mv.id;
    trial.name = "trial-1";
    trial.params = "eta = 0.3\n";
    trial.metrics = {{"roc_auc", 0.97}, {"accuracy", 0.9}, {"f1", std::nan("")}};
    auto e1 = tracker.create_experiment(trial);
    trial.name = "trial-2";
    trial.metrics = {{"roc_auc", 0.99}};
    auto e2 = tracker.create_experiment(trial);
    CHECK(is_id(e1.id, "experiment"));
    CHECK(is_timestamp(e1.created_at));

    auto experiments = tracker.get_experiments(mv.id);
    REQUIRE(experiments.size() == 2);
    CHECK(experiments[0].id == e1.id);
    CHECK(experiments[0].name == "trial-1");
    CHECK(experiments[0].params == "eta = 0.3\n");
    CHECK(experiments[0].model_version_id == mv.id);
    CHECK(experiments[0].created_at == e1.created_at);
    REQUIRE(experiments[0].metrics.size() == 3);
    CHECK(experiments[0].metrics.at("roc_auc") == 0.97);
    CHECK(experiments[0].metrics.at("accuracy") == 0.9);
    CHECK(std::isnan(experiments[0].metrics.at("f1")));
    CHECK(experiments[1].id == e2.id);
    CHECK(experiments[1].metrics == lolpop::metric_values{{"roc_auc", 0.99}});
    CHECK(tracker.get_experiments("model_version-0000000000000000").empty());

    trial.model_version_id = "model_version-missing";
    CHECK_THROWS_WITH_AS(tracker.create_experiment(trial),
                         doctest::Contains("unknown model version 'model_version-missing'"), lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker records prediction jobs") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    auto r = tracker.start_run("dev", "b", "predict");
    auto data = tracker.create_dataset_version(r, "predict", "h", "u", 50, 30);
    auto mv = tracker.create_model_version(r, draft("cancer"));

    lolpop::prediction_job job;
    job.model_version_id = mv.id;
    job.dataset_version_id = data.id;
    job.output_uri = "predictions.csv";
    job.rows = 50;
    auto created = tracker.create_prediction_job(r, job);
    CHECK(is_id(created.id, "prediction_job"));
    CHECK(created.run_id == r.id);

    auto jobs = tracker.list_prediction_jobs();
    REQUIRE(jobs.size() == 1);
    CHECK(jobs[0].id == created.id);
    CHECK(jobs[0].model_version_id == mv.id);
    CHECK(jobs[0].dataset_version_id == data.id);
    CHECK(jobs[0].output_uri == "predictions.csv");
    CHECK(jobs[0].rows == 50);
    CHECK(jobs[0].run_id == r.id);
    CHECK(jobs[0].created_at == created.created_at);

    job.dataset_version_id = "dataset_version-missing";
    CHECK_THROWS_WITH_AS(tracker.create_prediction_job(r, job), doctest::Contains("unknown dataset version"),
                         lolpop::error);
    job.dataset_version_id = data.id;
    job.model_version_id = "model_version-missing";
    CHECK_THROWS_WITH_AS(tracker.create_prediction_job(r, job), doctest::Contains("unknown model version"),
                         lolpop::error);
    CHECK(tracker.list_prediction_jobs().size() == 1);
}

TEST_CASE("sqlite_metadata_tracker tags any resource, replacing a key's value") {
    lolpop_test::temp_directory tmp;
    auto tracker = open_tracker((tmp / "metadata.db").string());
    CHECK_FALSE(tracker.get_tag("model_version-1", "stage"));
    tracker.set_tag("model_version-1", "stage", "staging");
    tracker.set_tag("model_version-1", "owner", "ml-team");
    tracker.set_tag("model_version-2", "stage", "archived");
    tracker.set_tag("model_version-1", "stage", "production");
    CHECK(tracker.get_tag("model_version-1", "stage") == "production");
    CHECK(tracker.get_tag("model_version-1", "owner") == "ml-team");
    CHECK(tracker.get_tag("model_version-2", "stage") == "archived");
    CHECK_FALSE(tracker.get_tag("model_version-2", "owner"));

    CHECK_THROWS_WITH_AS(tracker.set_tag("model_version-1", "", "x"), doctest::Contains("the tag key is empty"),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(tracker.set_tag("", "stage", "x"), doctest::Contains("resource id is empty"), lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker data persists when the file is opened again") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    lolpop::run r;
    lolpop::dataset_version dv;
    lolpop::model_version mv;
    {
        auto tracker = open_tracker(path);
        r = tracker.start_run("prod", "b", "train");
        dv = tracker.create_dataset_version(r, "train", "h", "u", 3, 2);
        mv = tracker.create_model_version(r, draft("cancer", {dv.id}));
        tracker.set_tag(mv.id, "stage", "production");
        tracker.end_run(r, lolpop::run_status::ok);
    }
    auto tracker = open_tracker(path);
    REQUIRE(tracker.list_runs().size() == 1);
    CHECK(tracker.list_runs()[0].status == lolpop::run_status::ok);
    REQUIRE(tracker.latest_dataset_version("train"));
    CHECK(same(*tracker.latest_dataset_version("train"), dv));
    REQUIRE(tracker.get_model_version(mv.id));
    CHECK(same(*tracker.get_model_version(mv.id), mv));
    CHECK(tracker.get_tag(mv.id, "stage") == "production");
    CHECK(tracker.create_model_version(r, draft("cancer")).version == 2);
}

TEST_CASE("sqlite_metadata_tracker refuses a file written by a newer schema") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    open_tracker(path);
    // What a future lolpop would leave behind: a schema version this one does not know.
    lolpop::context ctx;
    lolpop::sqlite_data_connector connector({path, {}}, ctx);
    lolpop::frame versions({lolpop::column::categorical("component", {"sqlite_metadata_tracker"}),
                            lolpop::column::integer("version", {99})});
    connector.save_data(versions, "schema_versions");

    CHECK_THROWS_WITH_AS(open_tracker(path), doctest::Contains("schema version 99 of sqlite_metadata_tracker"),
                         lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker reports a file that is not a database") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    std::ofstream(path) << "id,name\n1,not a database at all, just some text that is long enough\n";
    CHECK_THROWS_WITH_AS(open_tracker(path), doctest::Contains("file is not a database"), lolpop::error);
}

TEST_CASE("sqlite_metadata_tracker needs a path whose directory can be made") {
    lolpop_test::temp_directory tmp;
    std::ofstream(tmp / "file") << "x";
    auto tracker = open_tracker((tmp / "file/metadata.db").string());
    CHECK_THROWS_WITH_AS(tracker.start_run("dev", "b", "train"), doctest::Contains("cannot create directory"), lolpop::error);
    CHECK_THROWS_WITH_AS(open_tracker(""), doctest::Contains("the database path is empty"), lolpop::error);
}

TEST_CASE("two sqlite_metadata_trackers share one file") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    auto a = open_tracker(path);
    auto b = open_tracker(path);

    auto r = a.start_run("dev", "b", "train");
    REQUIRE(b.list_runs().size() == 1);
    CHECK(b.list_runs()[0].id == r.id);
    CHECK(b.create_model_version(r, draft("cancer")).version == 1);
    CHECK(a.create_model_version(r, draft("cancer")).version == 2);
    b.end_run(r, lolpop::run_status::ok);
    CHECK(a.list_runs()[0].status == lolpop::run_status::ok);
}

TEST_CASE("sqlite_metadata_trackers writing at the same time never share a version number") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    const auto r = open_tracker(path).start_run("dev", "b", "train");
    constexpr int per_writer = 25;

    // An exception must not escape a thread; each writer reports what went wrong instead.
    auto write = [&](std::string& failure) {
        try {
            auto tracker = open_tracker(path);
            for (int i = 0; i < per_writer; ++i) tracker.create_model_version(r, draft("cancer"));
        } catch (const std::exception& e) {
            failure = e.what();
        }
    };
    std::string first_failure, second_failure;
    std::thread first(write, std::ref(first_failure));
    std::thread second(write, std::ref(second_failure));
    first.join();
    second.join();
    CHECK(first_failure == "");
    CHECK(second_failure == "");

    std::set<int> numbers;
    for (const auto& mv : open_tracker(path).list_model_versions("cancer")) numbers.insert(mv.version);
    CHECK(numbers.size() == 2 * per_writer);
    CHECK(*numbers.begin() == 1);
    CHECK(*numbers.rbegin() == 2 * per_writer);
}

TEST_CASE("sqlite_metadata_tracker: a rolled-back step leaves no trace, not even the file") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "home/metadata.db").string();
    auto tracker = open_tracker(path);
    tracker.begin_step();
    const lolpop::run r = tracker.start_run("dev", "b", "process");
    CHECK(std::filesystem::exists(path + "-runs/" + r.id));  // the lease of the run under way
    CHECK(!std::filesystem::exists(path));                  // nothing stored before the first write
    tracker.create_dataset_version(r, "train", "ab", "objects/ab", 3, 2);
    CHECK(tracker.latest_dataset_version("train").has_value());  // the step reads its own writes
    tracker.rollback_step();
    CHECK(!std::filesystem::exists(tmp / "home"));
    CHECK(!tracker.latest_dataset_version("train").has_value());
    CHECK(tracker.list_runs().empty());
}

TEST_CASE("sqlite_metadata_tracker: a rolled-back step keeps the file that a write outside a step created") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "home/metadata.db").string();
    auto tracker = open_tracker(path);
    tracker.set_tag("model_version-1", "stage", "production");  // creates the file
    tracker.begin_step();
    const lolpop::run r = tracker.start_run("dev", "b", "process");
    tracker.create_dataset_version(r, "train", "ab", "objects/ab", 3, 2);
    tracker.rollback_step();
    CHECK(std::filesystem::exists(path));
    CHECK(tracker.get_tag("model_version-1", "stage") == "production");
    CHECK(open_tracker(path).get_tag("model_version-1", "stage") == "production");
}

TEST_CASE("sqlite_metadata_tracker: a committed step stores its writes and its run together") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    auto tracker = open_tracker(path);
    tracker.begin_step();
    const lolpop::run r = tracker.start_run("dev", "b", "process");
    tracker.create_dataset_version(r, "train", "ab", "objects/ab", 3, 2);
    // Another connection (another thread, as another process) sees nothing of the step until it commits.
    bool seen = true;
    std::string failure;
    std::thread([&] {
        try {
            seen = open_tracker(path).latest_dataset_version("train").has_value();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }).join();
    CHECK(failure == "");
    CHECK(!seen);
    tracker.end_run(r, lolpop::run_status::ok);
    tracker.commit_step();
    auto other = open_tracker(path);
    REQUIRE(other.list_runs().size() == 1);
    CHECK(other.list_runs()[0].status == lolpop::run_status::ok);
    CHECK(other.latest_dataset_version("train")->run_id == r.id);
    CHECK(!std::filesystem::exists(path + "-runs"));  // the lease is given back
}

TEST_CASE("sqlite_metadata_tracker: the run of a process that died under way is recorded as abandoned") {
    lolpop_test::temp_directory tmp;
    const auto path = (tmp / "metadata.db").string();
    // A lease as a killed process leaves it: this host, a pid that no process has now.
    std::filesystem::create_directories(path + "-runs");
    char host[256] = {};
    {
        auto tracker = open_tracker(path);
        tracker.begin_step();
        const lolpop::run r = tracker.start_run("dev", "b", "train");
        std::ifstream lease(path + "-runs/" + r.id);
        std::string line;
        std::getline(lease, line);  // process = <host>.<pid>.<start>
        std::string identity = line.substr(line.find(" = ") + 3);
        std::snprintf(host, sizeof host, "%s", identity.substr(0, identity.find('.')).c_str());
        tracker.rollback_step();
    }
    std::ofstream(path + "-runs/run-00000000000000aa") << "process = " << host << ".999999999.1\nprofile = dev\n"
                                                      << "build_id = b\nstep = train\nstarted_at = 2026-01-01T00:00:00.000Z\n";
    auto tracker = open_tracker(path);
    tracker.begin_step();
    const lolpop::run r = tracker.start_run("dev", "b", "process");
    tracker.end_run(r, lolpop::run_status::ok);
    tracker.commit_step();
    const std::vector<lolpop::run> runs = tracker.list_runs();
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == "run-00000000000000aa");
    CHECK(runs[0].status == lolpop::run_status::abandoned);
    CHECK(runs[0].step == "train");
    CHECK(runs[1].status == lolpop::run_status::ok);
    CHECK(!std::filesystem::exists(path + "-runs/run-00000000000000aa"));
}
