// lolpop::testing::check_metadata_tracker_laws on sqlite_metadata_tracker, and on wrappers of it
// that each break one law, which the check must name. (The PostgreSQL tracker's tests run the
// laws on it too.)
#include <lolpop/testing/metadata_tracker_laws.hpp>

#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>

#include "../message_of.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

lolpop::context& test_context() {
    static lolpop::context ctx;  // trackers keep it, to log with
    return ctx;
}

enum class breakage { first_is_latest, tags_keep_first, rollback_commits };

// sqlite_metadata_tracker with one member replaced by a broken one.
template <breakage Broken>
struct broken_tracker : lolpop::sqlite_metadata_tracker {
    using lolpop::sqlite_metadata_tracker::sqlite_metadata_tracker;
    std::optional<lolpop::model_version> latest_model_version(const std::string& model_name) {
        if constexpr (Broken == breakage::first_is_latest) {
            auto all = list_model_versions(model_name);
            if (all.empty()) return std::nullopt;
            return all.front();
        } else {
            return sqlite_metadata_tracker::latest_model_version(model_name);
        }
    }
    void set_tag(const std::string& resource_id, const std::string& key, const std::string& value) {
        if (Broken == breakage::tags_keep_first && get_tag(resource_id, key)) return;
        sqlite_metadata_tracker::set_tag(resource_id, key, value);
    }
    void rollback_step() noexcept {
        if constexpr (Broken == breakage::rollback_commits)
            try {
                commit_step();
            } catch (...) {
            }
        else
            sqlite_metadata_tracker::rollback_step();
    }
};

}  // namespace

TEST_CASE("sqlite_metadata_tracker keeps the metadata tracker laws, on a new store and on one in use") {
    lolpop_test::temp_directory tmp;
    const std::string path = (tmp / "metadata.db").string();
    const auto make = [&] { return lolpop::sqlite_metadata_tracker({path}, test_context()); };
    CHECK_NOTHROW(lolpop::testing::check_metadata_tracker_laws(make));
    CHECK_NOTHROW(lolpop::testing::check_metadata_tracker_laws(make));  // the store holds the first check's records
}

TEST_CASE("a tracker that breaks a metadata tracker law fails the check, which names the law") {
    lolpop_test::temp_directory tmp;
    const std::string path = (tmp / "metadata.db").string();
    CHECK(message_of([&] {
              lolpop::testing::check_metadata_tracker_laws(
                  [&] { return broken_tracker<breakage::first_is_latest>({path}, test_context()); });
          }) == "metadata tracker law 'latest_model_version sees the last commit' is broken: version 1, not 3 "
                "(sqlite_metadata_tracker)");
    CHECK(message_of([&] {
              lolpop::testing::check_metadata_tracker_laws(
                  [&] { return broken_tracker<breakage::tags_keep_first>({path}, test_context()); });
          }) == "metadata tracker law 'tags replace' is broken: stage is 'candidate' after replacing it "
                "(sqlite_metadata_tracker)");
    CHECK(message_of([&] {
              lolpop::testing::check_metadata_tracker_laws(
                  [&] { return broken_tracker<breakage::rollback_commits>({path}, test_context()); });
          }) == "metadata tracker law 'a rolled-back step leaves nothing' is broken: its run is listed "
                "(sqlite_metadata_tracker)");
}
