#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/mapped_file.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

TEST_CASE("mapped_file gives a file's bytes, page aligned, and an empty file as no bytes") {
    lolpop_test::temp_directory tmp;
    const std::string bytes("a\0b\xff\n", 5);
    lolpop::write_file_atomically(tmp / "f", bytes);
    for (bool populate : {true, false}) {
        const auto file = lolpop::mapped_file::open(tmp / "f", populate);
        CHECK(file->bytes() == bytes);
        CHECK(reinterpret_cast<std::uintptr_t>(file->bytes().data()) % 4096 == 0);
    }
    lolpop::write_file_atomically(tmp / "empty", "");
    CHECK(lolpop::mapped_file::open(tmp / "empty")->bytes().empty());
}

TEST_CASE("mapped_file names the file it cannot map") {
    lolpop_test::temp_directory tmp;
    CHECK_THROWS_WITH_AS(lolpop::mapped_file::open(tmp / "absent"),
                         ("cannot read file: No such file or directory (" + (tmp / "absent").string() + ")").c_str(),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(lolpop::mapped_file::open(tmp.path()),
                         ("cannot read file: not a regular file (" + tmp.path().string() + ")").c_str(), lolpop::error);
}
