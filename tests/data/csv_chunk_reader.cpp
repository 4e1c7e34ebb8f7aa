#include <lolpop/data/csv_chunk_reader.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/csv.hpp>

#include "../message_of.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

using lolpop::column_type;
using lolpop::csv_chunk_reader;
using lolpop::frame;

namespace {

std::string write_text(const lolpop_test::temp_directory& dir, const std::string& name, const std::string& text) {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Rows with quoted line breaks and escapes, numbers and labels, blank lines here and there.
std::string records(int rows) {
    std::mt19937 rng(11);
    std::string text = "\xEF\xBB\xBFid,note,x,label\n";
    for (int r = 0; r < rows; ++r) {
        text += std::to_string(r) + ",";
        text += rng() % 3 == 0 ? "\"two\nlines, \"\"q\"\"\"" : "plain";
        text += "," + std::to_string(static_cast<double>(rng() % 10000) / 8.0) + ",c" + std::to_string(rng() % 40);
        text += r % 5 == 0 ? "\r\n" : "\n";
        if (r % 777 == 0) text += "\n";
    }
    return text;
}

// The rows [begin, end) of f.
frame rows_of(const frame& f, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> rows;
    for (std::size_t r = begin; r < end; ++r) rows.push_back(r);
    return f.take(rows);
}

}  // namespace

TEST_CASE("chunks concatenate to the whole file, with bounded memory") {
    const lolpop_test::temp_directory dir;
    const std::string path = write_text(dir, "big.csv", records(40000));
    const frame whole = lolpop::read_csv_file(path);
    const std::size_t block = 64 << 10;
    csv_chunk_reader reader(path, {}, block);
    CHECK(reader.names() == whole.names());
    CHECK(reader.total_bytes() > 1u << 20);
    std::size_t at = 0, chunks = 0, first_chunk_bytes = 0;
    while (auto chunk = reader.next(3000)) {
        CHECK(chunk->rows() <= 3000);
        CHECK(*chunk == rows_of(whole, at, at + chunk->rows()));
        CHECK(chunk->names() == whole.names());
        if (chunks == 0) first_chunk_bytes = reader.bytes_read();
        at += chunk->rows();
        ++chunks;
    }
    CHECK(at == whole.rows());
    CHECK(chunks == (whole.rows() + 2999) / 3000);
    CHECK(reader.bytes_read() == reader.total_bytes());
    // One block, plus the first chunk's text while its types are inferred, plus a straddling
    // record: never the file.
    CHECK(reader.peak_buffered_bytes() <= block + first_chunk_bytes + 256);
    CHECK(reader.peak_buffered_bytes() < reader.total_bytes() / 4);
    CHECK(!reader.next(10));
}

TEST_CASE("later chunks keep the first chunk's types") {
    const lolpop_test::temp_directory dir;
    std::string text = "k,x\n";
    for (int r = 0; r < 100; ++r) text += std::to_string(r) + "," + std::to_string(r) + ".5\n";
    text += "7.0,\n";         // line 102: a whole decimal in the integer column is taken
    text += "8,\"1e3\"\n";    // line 103
    text += "9,abc\n";        // line 104
    const std::string path = write_text(dir, "types.csv", text);
    csv_chunk_reader reader(path, {}, 64);
    const auto first = reader.next(100);
    REQUIRE(first);
    CHECK((*first)["k"].type() == column_type::integer);
    CHECK((*first)["x"].type() == column_type::numeric);
    const auto second = reader.next(2);
    REQUIRE(second);
    CHECK((*second)["k"].type() == column_type::integer);
    CHECK((*second)["k"].integer_values()[0] == 7);
    CHECK((*second)["x"].is_missing(0));
    CHECK((*second)["x"].numeric_values()[1] == 1000.0);
    CHECK(message_of([&] { (void)reader.next(10); }) ==
          "'abc' in column 'x' is not a number; the first chunk made the column numeric: set column_types.x to read "
          "it as another type (" + path + ":104)");

    csv_chunk_reader forced(path, {.delimiter = ',', .column_types = {{"x", "categorical"}}}, 64);
    std::size_t rows = 0;
    while (auto chunk = forced.next(30)) {
        CHECK((*chunk)["x"].type() == column_type::categorical);
        rows += chunk->rows();
    }
    CHECK(rows == 103);

    std::string ragged = "a,b\n";
    for (int r = 0; r < 50; ++r) ragged += "1,\"x\ny\"\n";
    ragged += "1,2,3\n";
    const std::string ragged_path = write_text(dir, "ragged.csv", ragged);
    csv_chunk_reader bad(ragged_path, {}, 64);
    (void)bad.next(20);
    CHECK(message_of([&] {
              while (bad.next(20)) {
              }
          }) == "row 51 has 3 fields, expected 2 (" + ragged_path + ":102)");
}

TEST_CASE("a chunk reader's header errors and empty files") {
    const lolpop_test::temp_directory dir;
    CHECK(message_of([&] { csv_chunk_reader r(write_text(dir, "empty.csv", "\n\n")); }) ==
          "no header row: the CSV has no content (" + (dir / "empty.csv").string() + ")");
    CHECK(message_of([&] { csv_chunk_reader r((dir / "missing.csv").string()); })
              .starts_with("cannot read file: No such file or directory"));
    csv_chunk_reader header_only(write_text(dir, "header.csv", "a,b"));
    CHECK(header_only.names() == std::vector<std::string>{"a", "b"});
    CHECK(!header_only.next(5));
}

TEST_CASE("blocks may end anywhere: inside a number, a quoted field, a CRLF") {
    const lolpop_test::temp_directory dir;
    std::string text = "a,b,c,d\r\n";
    for (int r = 0; r < 40; ++r) {
        text += std::to_string(r * 7) + ",";
        // Empty at first, then values whose prefixes read as other types: "-" of "-5", "1e" of
        // "1e5", "12" of "12.5".
        text += r < 10 ? "" : (r % 3 == 0 ? "-5" : (r % 3 == 1 ? "1e5" : "12.5"));
        text += r % 4 == 0 ? ",\"x\r\ny, \"\"z\"\"\"" : ",plain";
        text += "," + std::string(r == 30 ? "-" : "-7") + (r % 2 ? "\r\n" : "\n");
    }
    const std::string path = write_text(dir, "blocks.csv", text);
    const frame whole = lolpop::read_csv_file(path);
    CHECK(whole["b"].type() == column_type::numeric);
    CHECK(whole["d"].type() == column_type::categorical);
    for (std::size_t block = 64; block < 200; ++block) {
        csv_chunk_reader reader(path, {}, block);
        const auto chunk = reader.next(1000);
        REQUIRE(chunk);
        CHECK(*chunk == whole);
        CHECK((*chunk)["d"].categories() == whole["d"].categories());
        CHECK(!reader.next(1000));
    }
}

TEST_CASE("a record longer than max_record_bytes stops the chunk reader before it holds it all") {
    const lolpop_test::temp_directory dir;
    const std::string path = write_text(dir, "long.csv", "a,b\n1,2\n3,\"" + std::string(100000, 'x') + "\"\n");
    lolpop::csv_options options;
    options.max_record_bytes = 1000;
    csv_chunk_reader reader(path, options, 64);
    CHECK(message_of([&] { (void)reader.next(10); }) ==
          "row 2 is more than max_record_bytes = 1000 bytes: raise the setting if it is meant (" + path + ":3)");
    CHECK(reader.peak_buffered_bytes() < 2000);
    const std::string header = write_text(dir, "header.csv", std::string(100000, 'h') + "\n1\n");
    CHECK(message_of([&] { csv_chunk_reader r(header, options, 64); }) ==
          "the header is more than max_record_bytes = 1000 bytes: raise the setting if it is meant (" + header + ":1)");
}
