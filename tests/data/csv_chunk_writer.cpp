#include <lolpop/data/csv_chunk_writer.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/data/csv_chunk_reader.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;

namespace {

frame sample(std::size_t rows, std::size_t offset) {
    std::vector<double> x;
    std::vector<std::int64_t> k;
    std::vector<std::optional<std::string>> s;
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t i = r + offset;
        x.push_back(i % 11 == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(i) / 7.0);
        k.push_back(static_cast<std::int64_t>(i) - 50);
        s.push_back(i % 5 == 0 ? std::optional<std::string>() : std::optional<std::string>("v, \"" + std::to_string(i % 9) + "\"\n"));
    }
    return frame({column::numeric("x", x), column::integer("k", k), column::categorical("s", s)});
}

std::size_t entries_in(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST_CASE("chunks written then committed are to_csv of the whole, and read back in chunks") {
    const lolpop_test::temp_directory dir;
    const auto target = dir / "out" / "data.csv";
    const frame whole = sample(5000, 0);
    {
        lolpop::csv_chunk_writer writer(target);
        for (std::size_t at = 0; at < 5000; at += 1300) {
            std::vector<std::size_t> rows;
            for (std::size_t r = at; r < std::min<std::size_t>(at + 1300, 5000); ++r) rows.push_back(r);
            writer.append(whole.take(rows));
            CHECK(!std::filesystem::exists(target));
        }
        writer.commit();
        CHECK(writer.bytes_written() == lolpop::to_csv(whole).size());
    }
    CHECK(lolpop::read_file(target) == lolpop::to_csv(whole));
    CHECK(entries_in(target.parent_path()) == 1);

    lolpop::csv_chunk_reader reader(target.string(), {}, 4096);
    std::size_t rows = 0;
    while (auto chunk = reader.next(700)) {
        std::vector<std::size_t> picked;
        for (std::size_t r = rows; r < rows + chunk->rows(); ++r) picked.push_back(r);
        CHECK(*chunk == whole.take(picked));
        rows += chunk->rows();
    }
    CHECK(rows == whole.rows());
}

TEST_CASE("a chunk writer never committed leaves nothing; mismatched chunks are refused") {
    const lolpop_test::temp_directory dir;
    const auto target = dir / "data.csv";
    {
        lolpop::csv_chunk_writer writer(target);
        writer.append(sample(10, 0));
    }
    CHECK(!std::filesystem::exists(target));
    CHECK(entries_in(dir.path()) == 0);

    lolpop::csv_chunk_writer writer(target);
    writer.append(sample(3, 0));
    CHECK_THROWS_AS(writer.append(frame({column::numeric("y", {1.0})})), lolpop::error);
}
