#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <string>

namespace {

lolpop::model_version version(std::string id, std::string model_name = "churn") {
    lolpop::model_version mv;
    mv.id = std::move(id);
    mv.model_name = std::move(model_name);
    return mv;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("local_model_repository registers, promotes and approves across instances") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    const lolpop::local_model_repository::config cfg{tmp.path().string()};

    CHECK_FALSE(lolpop::local_model_repository(cfg, ctx).latest_promotion("churn").has_value());

    lolpop::promotion promoted;
    {
        lolpop::local_model_repository repository(cfg, ctx);
        repository.register_model(version("mv-1"));
        promoted = repository.promote_model(version("mv-1"));
    }
    CHECK(std::regex_match(promoted.id, std::regex("promotion-[0-9a-f]{16}")));
    CHECK(promoted.model_name == "churn");
    CHECK(promoted.model_version_id == "mv-1");
    CHECK_FALSE(promoted.approved);
    CHECK(std::regex_match(promoted.created_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));

    {
        lolpop::local_model_repository repository(cfg, ctx);
        const auto latest = repository.latest_promotion("churn");
        REQUIRE(latest.has_value());
        CHECK(latest->id == promoted.id);
        CHECK(latest->created_at == promoted.created_at);
        CHECK_FALSE(repository.check_approval(promoted));

        const lolpop::promotion approved = repository.approve_model(promoted);
        CHECK(approved.approved);
        CHECK(approved.id == promoted.id);
        CHECK(approved.model_version_id == "mv-1");
    }

    lolpop::local_model_repository repository(cfg, ctx);
    CHECK(repository.check_approval(promoted));  // the stored state, not the stale argument
    CHECK(repository.latest_promotion("churn")->approved);
}

TEST_CASE("local_model_repository keeps models apart and the latest promotion last") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_repository repository({tmp.path().string()}, ctx);

    repository.register_model(version("mv-1"));
    repository.register_model(version("mv-1"));
    repository.register_model(version("mv-2"));
    repository.register_model(version("other-1", "fraud"));
    CHECK(occurrences(lolpop::read_file(tmp / "churn.toml"), "mv-1") == 1);

    const lolpop::promotion first = repository.promote_model(version("mv-1"));
    const lolpop::promotion second = repository.promote_model(version("mv-2"));
    CHECK(first.id != second.id);
    CHECK(repository.latest_promotion("churn")->id == second.id);
    CHECK_FALSE(repository.latest_promotion("fraud").has_value());
    CHECK_THROWS_AS(repository.promote_model(version("mv-1", "fraud")), lolpop::error);
}

TEST_CASE("local_model_repository keeps ids with quotes, backslashes and line breaks intact") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    const lolpop::local_model_repository::config cfg{tmp.path().string()};
    const std::string odd = "mv 'single' \"double\" back\\slash\nnew line";
    lolpop::local_model_repository(cfg, ctx).register_model(version(odd));
    lolpop::local_model_repository(cfg, ctx).promote_model(version(odd));
    CHECK(lolpop::local_model_repository(cfg, ctx).latest_promotion("churn")->model_version_id == odd);
}

TEST_CASE("local_model_repository rejects what it never saw") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_repository repository({tmp.path().string()}, ctx);
    const std::string file = (tmp / "churn.toml").string();

    CHECK_THROWS_WITH_AS(repository.promote_model(version("mv-9")),
                         ("cannot promote model version 'mv-9' of churn: it was never registered (" + file + ")").c_str(),
                         lolpop::error);

    lolpop::promotion unknown{"promotion-0000000000000000", "churn", "mv-9", false, ""};
    CHECK_THROWS_WITH_AS(repository.approve_model(unknown),
                         ("no promotion promotion-0000000000000000 of churn (" + file + ")").c_str(), lolpop::error);
    CHECK_THROWS_WITH_AS(repository.check_approval(unknown),
                         ("no promotion promotion-0000000000000000 of churn (" + file + ")").c_str(), lolpop::error);
    CHECK_THROWS_WITH_AS(repository.register_model(version("")),
                         ("cannot register a model version without an id (" + file + ")").c_str(), lolpop::error);
}

TEST_CASE("local_model_repository refuses model names that are not file names") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_repository repository({tmp.path().string()}, ctx);

    CHECK_THROWS_WITH_AS(repository.register_model(version("mv-1", "../escape")),
                         ("model name '../escape' cannot be used as a file name (" + tmp.path().string() + ")").c_str(),
                         lolpop::error);
    CHECK_THROWS_AS(repository.latest_promotion(""), lolpop::error);
    CHECK_THROWS_AS(repository.latest_promotion(".."), lolpop::error);
}

TEST_CASE("local_model_repository reports a damaged registry file with its line") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_model_repository repository({tmp.path().string()}, ctx);
    const std::string file = (tmp / "churn.toml").string();

    lolpop::write_file_atomically(file, "versions = [\"mv-1\"]\npromotions = [ {\n");
    try {
        repository.latest_promotion("churn");
        FAIL("expected lolpop::error");
    } catch (const lolpop::error& e) {
        CHECK(std::string_view(e.what_happened()).starts_with("malformed model registry: "));
        CHECK(std::string_view(e.where()).starts_with(file + ":2:"));
    }

    lolpop::write_file_atomically(file, "versions = [\"mv-1\"]\n[[promotions]]\nid = \"promotion-1\"\n"
                                        "model_version_id = \"mv-1\"\napproved = \"yes\"\ncreated_at = \"now\"\n");
    CHECK_THROWS_WITH_AS(repository.latest_promotion("churn"),
                         ("malformed model registry: promotions[0].approved must be a boolean (" + file + ")").c_str(),
                         lolpop::error);

    lolpop::write_file_atomically(file, "versions = \"mv-1\"\n");
    CHECK_THROWS_WITH_AS(repository.promote_model(version("mv-1")),
                         ("malformed model registry: versions must be an array of strings (" + file + ")").c_str(),
                         lolpop::error);
}

TEST_CASE("local_model_repository needs a directory") {
    lolpop::context ctx;
    CHECK_THROWS_WITH_AS(lolpop::local_model_repository({""}, ctx),
                         "the registry directory must not be empty (local_model_repository.path)", lolpop::error);
}
