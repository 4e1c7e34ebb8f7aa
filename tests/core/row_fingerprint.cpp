#include <lolpop/core/row_fingerprint.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using namespace lolpop;

namespace {

labeled_data rows(std::vector<double> x, std::vector<std::optional<std::string>> color, std::vector<std::int64_t> y) {
    return {frame({column::numeric("x", std::move(x)), column::categorical("color", color)}),
            column::integer("target", std::move(y))};
}

}  // namespace

TEST_CASE("a row hashes by its values: the column order and integer or numeric storage do not matter") {
    const labeled_data a = rows({1.5, 2, NAN}, {"red", std::nullopt, "blue"}, {0, 1, 1});
    const std::vector<std::uint64_t> h = row_hashes(a);
    REQUIRE(h.size() == 3);
    CHECK(h[0] != h[1]);
    CHECK(h[1] != h[2]);

    // The same rows, columns the other way round, the target as doubles, the categories coded
    // otherwise (blue first).
    const labeled_data b{frame({column::categorical("color", {"blue", "red", std::nullopt}),
                                column::numeric("x", {NAN, 1.5, 2})}),
                         column::numeric("target", {1, 0, 1})};
    const std::vector<std::uint64_t> g = row_hashes(b);
    CHECK(g[0] == h[2]);
    CHECK(g[1] == h[0]);
    CHECK(g[2] == h[1]);

    // Another value anywhere in the row, the target too, is another row; so is the same value
    // in a column of another name.
    CHECK(row_hashes(rows({1.5}, {"red"}, {1}))[0] != h[0]);
    CHECK(row_hashes(rows({1.25}, {"red"}, {0}))[0] != h[0]);
    CHECK(row_hashes(rows({-0.0}, {"red"}, {0}))[0] == row_hashes(rows({0.0}, {"red"}, {0}))[0]);
    const labeled_data renamed{frame({column::numeric("y", {1.5}), column::categorical("color", {"red"})}),
                               column::integer("target", {0})};
    CHECK(row_hashes(renamed)[0] != h[0]);
}

TEST_CASE("a fingerprint holds the rows of its parts, is stored and read back, and tells which rows are new") {
    const labeled_data train = rows({1, 2, 3}, {"a", "b", "a"}, {0, 1, 0});
    const labeled_data valid = rows({4, 1}, {"b", "a"}, {1, 0});  // its second row duplicates train's first
    const std::array<const labeled_data*, 2> parts{&train, &valid};
    const row_fingerprint seen(parts);
    CHECK(seen.size() == 4);

    const row_fingerprint back = row_fingerprint::load(seen.save(), "test");
    CHECK(back.size() == 4);
    const labeled_data test = rows({2, 5, 4, 2}, {"b", "a", "b", "a"}, {1, 0, 1, 1});
    CHECK(back.unseen_rows(test) == std::vector<std::size_t>{1, 3});
    CHECK(row_fingerprint().unseen_rows(test) == std::vector<std::size_t>{0, 1, 2, 3});

    const std::string bytes = seen.save();
    CHECK(bytes.starts_with("lolpop-row-fingerprint 1 4\n"));
    CHECK(bytes.size() == 27 + 4 * 8);
    CHECK_THROWS_WITH_AS(row_fingerprint::load(bytes.substr(0, bytes.size() - 1), "seen_rows of mv-1"),
                         "not a lolpop row fingerprint: cut short or too long (seen_rows of mv-1)", error);
    CHECK_THROWS_WITH_AS(row_fingerprint::load("lolpop-model-bundle\n", "x"), doctest::Contains("wrong header"), error);
}

TEST_CASE("a million rows of ten columns are fingerprinted in well under a few seconds") {
    constexpr std::size_t n = 1'000'000;
    std::vector<column> columns;
    for (int c = 0; c < 9; ++c) {
        std::vector<double> v(n);
        for (std::size_t r = 0; r < n; ++r) v[r] = static_cast<double>((r * 2654435761u + static_cast<std::size_t>(c)) % 1000003) / 7.0;
        columns.push_back(column::numeric("x" + std::to_string(c), std::move(v)));
    }
    std::vector<std::int64_t> y(n);
    for (std::size_t r = 0; r < n; ++r) y[r] = static_cast<std::int64_t>(r % 2);
    const labeled_data data{frame(std::move(columns)), column::integer("target", std::move(y))};
    const auto start = std::chrono::steady_clock::now();
    const std::array<const labeled_data*, 1> parts{&data};
    const row_fingerprint seen(parts);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("fingerprint of 10^6 rows x 10 columns: " << seconds << " s, " << seen.save().size() << " bytes");
    CHECK(seen.size() == n);  // no two of these distinct rows share a hash
    CHECK(seconds < 5);       // a debug build on a loaded machine; release is far faster
}
