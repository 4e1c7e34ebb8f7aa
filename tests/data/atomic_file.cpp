#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace fs = std::filesystem;

namespace {

std::size_t entries_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("write_file_atomically creates directories and writes every byte") {
    lolpop_test::temp_directory tmp;
    const fs::path file = tmp / "a/b/model.bin";
    const std::string bytes("x\0y\n\xff", 5);
    lolpop::write_file_atomically(file, bytes);
    CHECK(lolpop::read_file(file) == bytes);
    CHECK(entries_in(file.parent_path()) == 1);  // no temporary file left behind
}

TEST_CASE("write_file_atomically replaces an existing file as a whole") {
    lolpop_test::temp_directory tmp;
    const fs::path file = tmp / "state.toml";
    lolpop::write_file_atomically(file, "a much longer first version\n");
    lolpop::write_file_atomically(file, "v2\n");
    CHECK(lolpop::read_file(file) == "v2\n");
    lolpop::write_file_atomically(file, "");
    CHECK(lolpop::read_file(file).empty());
    CHECK(entries_in(tmp.path()) == 1);
}

TEST_CASE("write_file_atomically fails naming the path and leaves no temporary file") {
    lolpop_test::temp_directory tmp;

    SUBCASE("the target is a directory") {
        const fs::path target = tmp / "taken";
        fs::create_directory(target);
        CHECK_THROWS_WITH_AS(lolpop::write_file_atomically(target, "bytes"),
                             ("cannot write file: rename: Is a directory (" + target.string() + ")").c_str(),
                             lolpop::error);
        CHECK(entries_in(tmp.path()) == 1);
        CHECK(fs::is_directory(target));
    }
    SUBCASE("a parent is a regular file") {
        std::ofstream(tmp / "plain") << "x";
        const fs::path target = tmp / "plain/child.txt";
        try {
            lolpop::write_file_atomically(target, "bytes");
            FAIL("expected lolpop::error");
        } catch (const lolpop::error& e) {
            CHECK(e.where() == target.string());
            CHECK(std::string_view(e.what_happened()).starts_with("cannot create directory"));
        }
        CHECK(entries_in(tmp.path()) == 1);
    }
    SUBCASE("the path names no file") {
        CHECK_THROWS_AS(lolpop::write_file_atomically(tmp.path() / "", "bytes"), lolpop::error);
    }
}

TEST_CASE("read_file names the path of a file it cannot read") {
    lolpop_test::temp_directory tmp;
    const fs::path missing = tmp / "missing.csv";
    CHECK_THROWS_WITH_AS(lolpop::read_file(missing),
                         ("cannot read file: No such file or directory (" + missing.string() + ")").c_str(),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::read_file(tmp.path()),
                         ("cannot read file: not a regular file (" + tmp.path().string() + ")").c_str(),
                         lolpop::error);
}
