#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/frame_file_writer.hpp>
#include <lolpop/data/sha256.hpp>

#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using lolpop::column;
using lolpop::frame;

namespace {

using label = std::optional<std::string>;

// Rows [from, to) of a frame with every type; missing values only in some of the chunks, and a
// categorical column whose chunks meet their labels in different orders.
frame rows(int from, int to) {
    std::vector<double> x;
    std::vector<std::int64_t> n;
    std::vector<bool> valid;
    std::vector<label> colour;
    static const char* const labels[] = {"red", "green", "blue", "ümlaut"};
    for (int i = from; i < to; ++i) {
        x.push_back(i % 7 == 3 ? std::nan("") : i * 0.5);
        n.push_back(i > 10 && i % 5 == 0 ? 0 : i * 1000);
        valid.push_back(!(i > 10 && i % 5 == 0));
        colour.push_back(i % 6 == 5 ? std::nullopt : label(labels[(i * i) % 4]));
    }
    return frame({column::numeric("x", std::move(x)), column::integer("n", std::move(n), std::move(valid)),
                  column::categorical("colour", colour)});
}

std::size_t entries_in(const fs::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++count;
    return count;
}

}  // namespace

TEST_CASE("frame_file_writer gives the bytes of the whole frame, whatever the chunks") {
    lolpop_test::temp_directory tmp;
    const frame whole = rows(0, 45);
    for (const std::vector<int>& cuts : {std::vector<int>{0, 45}, {0, 1, 9, 17, 45}, {0, 3, 3, 11, 12, 13, 40, 45}}) {
        lolpop::frame_file_writer writer(tmp / "scratch");
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k) writer.append(rows(cuts[k], cuts[k + 1]));
        CHECK(writer.rows() == 45);
        const auto written = writer.finish(tmp / "out.frame");
        const std::string bytes = lolpop::read_file(tmp / "out.frame");
        CHECK(written.size == bytes.size());
        CHECK(written.sha256 == lolpop::sha256_hex(bytes));
        const frame back = lolpop::read_frame_file(bytes, "out");
        CHECK(back == whole);
        // The categories in order of first appearance over all chunks, as the whole frame has them.
        CHECK(back["colour"].categories() == whole["colour"].categories());
        CHECK(bytes == lolpop::to_frame_file(whole));
        CHECK(entries_in(tmp / "scratch") == 0);  // the scratch file never had a name to leave behind
    }
}

TEST_CASE("frame_file_writer merges categories and renumbers codes") {
    lolpop_test::temp_directory tmp;
    lolpop::frame_file_writer writer(tmp.path());
    writer.append(frame({column::categorical("c", {label("b"), label("a")})}));
    writer.append(frame({column::categorical("c", {label("c"), std::nullopt, label("a")})}));
    writer.finish(tmp / "f");
    const frame back = lolpop::read_frame_file(lolpop::read_file(tmp / "f"), "f");
    CHECK(back["c"].categories() == std::vector<std::string>{"b", "a", "c"});
    CHECK(std::vector<std::int32_t>(back["c"].codes().begin(), back["c"].codes().end()) ==
          std::vector<std::int32_t>{0, 1, 2, -1, 1});
}

TEST_CASE("frame_file_writer refuses chunks that do not match the first") {
    lolpop_test::temp_directory tmp;
    lolpop::frame_file_writer writer(tmp.path());
    writer.append(rows(0, 3));
    CHECK_THROWS_WITH_AS(writer.append(frame({column::numeric("x", {1.0})})),
                         "chunk 2 has 1 columns, expected 3 like the first chunk", lolpop::error);
    frame renamed = rows(3, 5);
    renamed["n"].rename("m");
    CHECK_THROWS_WITH_AS(writer.append(renamed),
                         "chunk 2: column 2 is 'm' (integer), expected 'n' (integer) like the first chunk", lolpop::error);
    frame retyped({column::numeric("x", {1.0}), column::numeric("n", {2.0}), column::categorical("colour", {label("a")})});
    CHECK_THROWS_WITH_AS(writer.append(retyped),
                         "chunk 2: column 2 is 'n' (numeric), expected 'n' (integer) like the first chunk", lolpop::error);
    writer.append(rows(3, 5));  // a refused chunk changes nothing
    writer.finish(tmp / "f");
    CHECK(lolpop::read_frame_file(lolpop::read_file(tmp / "f"), "f") == rows(0, 5));
}

TEST_CASE("frame_file_writer without chunks writes the empty frame") {
    lolpop_test::temp_directory tmp;
    lolpop::frame_file_writer writer(tmp.path());
    const auto written = writer.finish(tmp / "f");
    CHECK(lolpop::read_file(tmp / "f") == lolpop::to_frame_file(frame{}));
    CHECK(written.sha256 == lolpop::sha256_hex(lolpop::to_frame_file(frame{})));
    CHECK_THROWS_AS(writer.append(rows(0, 1)), lolpop::error);  // spent
}
