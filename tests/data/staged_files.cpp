// lolpop::staged_files: writes held until commit, read back meanwhile, dropped by rollback.
#include <lolpop/data/staged_files.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>

namespace fs = std::filesystem;

TEST_CASE("staged files are read back during the step and written, in order, only when it commits") {
    lolpop_test::temp_directory tmp;
    lolpop::staged_files files;
    files.begin();
    files.write(tmp / "dir/a.toml", "first");
    files.write(tmp / "dir/a.toml", "second");
    files.write(tmp / "b.model", "bytes");
    CHECK(files.read(tmp / "dir/a.toml") == "second");
    CHECK(files.exists(tmp / "b.model"));
    CHECK(!fs::exists(tmp / "dir"));  // nothing on disk yet
    files.commit();
    CHECK(lolpop::read_file(tmp / "dir/a.toml") == "second");
    CHECK(lolpop::read_file(tmp / "b.model") == "bytes");
    CHECK(!files.staging());
}

TEST_CASE("a rolled-back step leaves the files as they were") {
    lolpop_test::temp_directory tmp;
    lolpop::write_file_atomically(tmp / "a.toml", "before");
    lolpop::staged_files files;
    files.begin();
    files.write(tmp / "a.toml", "during");
    files.write(tmp / "new/b.toml", "during");
    files.rollback();
    CHECK(lolpop::read_file(tmp / "a.toml") == "before");
    CHECK(!fs::exists(tmp / "new"));
    CHECK(files.read(tmp / "new/b.toml") == std::nullopt);
    files.write(tmp / "a.toml", "after");  // outside a step: at once
    CHECK(lolpop::read_file(tmp / "a.toml") == "after");
}

TEST_CASE("steps over staged files do not nest") {
    lolpop::staged_files files;
    files.begin();
    CHECK_THROWS_AS(files.begin(), lolpop::error);
}
