#include <lolpop/core/error.hpp>
#include <lolpop/data/frame_file.hpp>

#include "../message_of.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::frame;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Every type, missing values in some columns and not in others, labels that need escaping.
frame sample() {
    using label = std::optional<std::string>;
    return frame({
        column::numeric("price", {1.5, missing, -0.0, 1e300, 5e-324}),
        column::numeric("full", {1, 2, 3, 4, 5}),
        column::integer("count", {3, 0, -7, 9'000'000'000, std::numeric_limits<std::int64_t>::min()},
                        {true, false, true, true, true}),
        column::categorical("city \"q\"", {label("Oslo"), std::nullopt, label("Zürich"), label("a\nb\t\\"), label("Oslo")}),
        column::categorical("all", {label("x"), label("y"), label("x"), label("x"), label("y")}),
    });
}

std::uint64_t u64_at(const std::string& bytes, std::size_t at) {
    std::uint64_t v = 0;
    std::memcpy(&v, bytes.data() + at, 8);
    return v;
}

}  // namespace

TEST_CASE("a frame file gives back the frame: types, values, missing values and categories") {
    const frame original = sample();
    const std::string bytes = lolpop::to_frame_file(original);
    const frame back = lolpop::read_frame_file(bytes, "sample");
    CHECK(back == original);
    CHECK(back.names() == original.names());
    CHECK(back["count"].is_missing(1));
    CHECK(back["count"].integer_values()[4] == std::numeric_limits<std::int64_t>::min());
    CHECK(std::signbit(back["price"].numeric_values()[2]));
    CHECK(back["city \"q\""].categories() == original["city \"q\""].categories());
    CHECK(back["city \"q\""].to_string(3) == "a\nb\t\\");
    CHECK(back["city \"q\""].is_missing(1));

    // Columns without rows, and no columns at all.
    const frame empty({column::numeric("x", {}), column::integer("n", {}), column::categorical("c", {})});
    CHECK(lolpop::read_frame_file(lolpop::to_frame_file(empty), "empty") == empty);
    CHECK(lolpop::read_frame_file(lolpop::to_frame_file(frame{}), "nothing").cols() == 0);
}

TEST_CASE("a frame file is laid out as docs/dataset_format.md says") {
    const frame f = sample();
    const std::string bytes = lolpop::to_frame_file(f);
    CHECK(bytes.starts_with("LOLPOPF1"));
    CHECK(bytes.ends_with("LOLPOPF1"));
    CHECK(bytes.substr(8, 56) == std::string(56, '\0'));
    const std::uint64_t length = u64_at(bytes, bytes.size() - 16);
    const std::string manifest = bytes.substr(bytes.size() - 16 - length, length);
    CHECK((bytes.size() - 16 - length) % 64 == 0);
    CHECK(manifest ==
          "{\"rows\":5,\"columns\":["
          "{\"name\":\"price\",\"type\":\"numeric\",\"data\":[64,40],\"validity\":[128,1]},"
          "{\"name\":\"full\",\"type\":\"numeric\",\"data\":[192,40]},"
          "{\"name\":\"count\",\"type\":\"integer\",\"data\":[256,40],\"validity\":[320,1]},"
          "{\"name\":\"city \\\"q\\\"\",\"type\":\"categorical\",\"data\":[384,20],\"validity\":[448,1],"
          "\"categories\":[\"Oslo\",\"Zürich\",\"a\\nb\\t\\\\\"]},"
          "{\"name\":\"all\",\"type\":\"categorical\",\"data\":[512,20],\"categories\":[\"x\",\"y\"]}]}");
    // Values in place: a double, an int64 of 0 where missing, codes with -1, bitmaps LSB first.
    double price0 = 0;
    std::memcpy(&price0, bytes.data() + 64, 8);
    CHECK(price0 == 1.5);
    CHECK(u64_at(bytes, 64 + 8) == 0x7FF8000000000000);
    CHECK(static_cast<unsigned char>(bytes[128]) == 0b11101);
    CHECK(u64_at(bytes, 256 + 8) == 0);
    std::int32_t code1 = 0;
    std::memcpy(&code1, bytes.data() + 384 + 4, 4);
    CHECK(code1 == -1);
    // Padding is zeros.
    CHECK(bytes.substr(64 + 40, 24) == std::string(24, '\0'));
}

TEST_CASE("the same frame always gives the same bytes") {
    CHECK(lolpop::to_frame_file(sample()) == lolpop::to_frame_file(sample()));
    // Every NaN is the one missing value, whatever its payload.
    const double other_nan = -std::nan("7");
    const frame a({column::numeric("x", {1.0, missing})}), b({column::numeric("x", {1.0, other_nan})});
    CHECK(lolpop::to_frame_file(a) == lolpop::to_frame_file(b));
    // A viewed frame writes the same bytes as the one it was read from.
    const std::string bytes = lolpop::to_frame_file(sample());
    CHECK(lolpop::to_frame_file(lolpop::read_frame_file(bytes, "x")) == bytes);
    // Different frames differ.
    CHECK(lolpop::to_frame_file(frame({column::numeric("x", {1.0})})) !=
          lolpop::to_frame_file(frame({column::numeric("y", {1.0})})));
}

TEST_CASE("a mapped frame file views the mapping, which the frame keeps alive") {
    lolpop_test::temp_directory tmp;
    const auto path = tmp / "sample.frame";
    lolpop::write_frame_file(path, sample());
    frame mapped = lolpop::map_frame_file(path);
    CHECK(mapped == sample());
    CHECK(reinterpret_cast<std::uintptr_t>(mapped["full"].numeric_values().data()) % 64 == 0);
    // Changing a mapped column copies it; the file stays as written.
    lolpop::column& full = mapped["full"];
    full.push_numeric(6.0);
    CHECK(full.size() == 6);
    CHECK(lolpop::map_frame_file(path) == sample());
    CHECK(message_of([&] { (void)lolpop::map_frame_file(tmp / "absent"); }) ==
          "cannot read file: No such file or directory (" + (tmp / "absent").string() + ")");
}

TEST_CASE("text that is not UTF-8 cannot be written") {
    const frame f({column::categorical("c", {std::optional<std::string>("caf\xe9")})});
    CHECK(message_of([&] { (void)lolpop::to_frame_file(f); }) ==
          "category 1 of column 'c' is not UTF-8 text, which a frame file requires");
}

TEST_CASE("reading names what is wrong with a damaged frame file") {
    const std::string good = lolpop::to_frame_file(sample());
    const auto reason = [](const std::string& bytes) {
        return message_of([&] { (void)lolpop::read_frame_file(bytes, "f"); });
    };
    const std::uint64_t length = u64_at(good, good.size() - 16);
    const std::size_t manifest_at = good.size() - 16 - length;
    // The manifest replaced by `text`, the length adjusted.
    const auto with_manifest = [&](const std::string& text) {
        std::string bytes = good.substr(0, manifest_at) + text;
        const std::uint64_t n = text.size();
        bytes.append(reinterpret_cast<const char*>(&n), 8);
        return bytes + "LOLPOPF1";
    };
    const auto manifest = good.substr(manifest_at, length);
    const auto replaced = [&](const std::string& from, const std::string& to) {
        std::string m = manifest;
        REQUIRE(m.find(from) != std::string::npos);
        return with_manifest(m.replace(m.find(from), from.size(), to));
    };

    // Nothing to copy: the sanitize preset's UBSan checks that no null pointer reaches memcpy.
    CHECK(reason("") == "not a frame file: 0 bytes, fewer than the 80 of an empty frame (f)");
    CHECK(reason("PAR1" + good.substr(4)) == "not a frame file: it does not start with \"LOLPOPF1\" (f)");
    CHECK(reason(good.substr(0, good.size() - 1)) == "not a frame file: it does not end with \"LOLPOPF1\" (f)");
    CHECK(reason(with_manifest(manifest).substr(0, 64) + good.substr(good.size() - 16)) ==
          "not a frame file: a manifest of " + std::to_string(length) + " bytes does not fit in a file of 80 bytes (f)");
    CHECK(reason(with_manifest("{\"rows\":5,")) ==
          "not a frame file: manifest: expected a string at byte 10 (f)");
    CHECK(reason(with_manifest("{\"rows\":5,\"rows\":5}")) ==
          "not a frame file: manifest: duplicate key \"rows\" at byte 16 (f)");
    CHECK(reason(with_manifest("{\"rows\":\"\xff\"}")) == "not a frame file: manifest: invalid UTF-8 at byte 9 (f)");
    CHECK(reason(with_manifest("{\"columns\":[]}")) == "not a frame file: the manifest has no number \"rows\" (f)");
    CHECK(reason(replaced("\"rows\":5", "\"rows\":6")) ==
          "not a frame file: column 'price' data has 40 bytes, expected 48 (f)");
    const std::string many_rows = replaced("\"rows\":5", "\"rows\":99999999999");
    CHECK(reason(many_rows) == "not a frame file: 99999999999 rows do not fit in a file of " +
                                   std::to_string(many_rows.size()) + " bytes (f)");
    CHECK(reason(replaced("[64,40]", "[72,40]")) ==
          "not a frame file: column 'price' data is at bytes 72..112, expected to start at byte 64 and end before the "
          "manifest at byte " + std::to_string(manifest_at) + " (f)");
    CHECK(reason(replaced("[512,20]", "[1024000,20]")).find("data is at bytes 1024000..1024020, expected to start at byte 512") !=
          std::string::npos);
    CHECK(reason(replaced("\"rows\":5", "\"rows\": 5")) ==
          "not a frame file: the manifest is not written in the one form docs/dataset_format.md specifies (f)");
    std::string dirty_padding = good;
    dirty_padding[64 + 40] = 'x';
    CHECK(reason(dirty_padding) == "not a frame file: column 'price' data is followed by padding that is not zeros (f)");
    CHECK(reason(replaced("\"integer\"", "\"int\"")) == "not a frame file: column 'count' has the unknown type \"int\" (f)");
    CHECK(reason(replaced("\"categories\":[\"x\",\"y\"]", "\"categories\":[\"x\"]")) ==
          "not a frame file: column 'all' has code 1 in row 2, outside -1..0 (f)");
    CHECK(reason(replaced("\"name\":\"full\"", "\"name\":\"price\"")) ==
          "not a frame file: a column named 'price' already exists (f)");

    std::string bad_bitmap = good;
    bad_bitmap[128] = static_cast<char>(0b11111);  // says row 2 is present, but it holds NaN
    CHECK(reason(bad_bitmap) == "not a frame file: column 'price' row 2: the validity bitmap disagrees with the value (f)");
    std::string stale = good;
    stale[256 + 8] = 1;  // a missing integer that is not 0
    CHECK(reason(stale) == "not a frame file: column 'count' holds 1 in row 2, which is missing (expected 0) (f)");
}

TEST_CASE("no damage to a frame file makes reading crash: every byte flipped, every length cut") {
    const std::string good = lolpop::to_frame_file(sample());
    std::size_t refused = 0, read = 0;
    const auto attempt = [&](const std::string& bytes) {
        try {
            (void)lolpop::read_frame_file(bytes, "f");
            ++read;
        } catch (const lolpop::error&) {
            ++refused;
        }
    };
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (unsigned char flip : {0x01, 0x80, 0xFF}) {
            std::string bytes = good;
            bytes[i] = static_cast<char>(static_cast<unsigned char>(bytes[i]) ^ flip);
            attempt(bytes);
        }
    }
    for (std::size_t n = 0; n < good.size(); ++n) attempt(good.substr(0, n));
    CHECK(refused + read == 4 * good.size());
    CHECK(refused > read);  // most damage is noticed; the rest changes values, which only the hash detects
}

TEST_CASE("the example of docs/dataset_format.md is what to_frame_file writes") {
    const frame f({column::numeric("x", {1.5, missing, 3.0}),
                   column::categorical("c", {std::optional<std::string>("a"), std::optional<std::string>("b"),
                                             std::optional<std::string>("a")})});
    const std::string bytes = lolpop::to_frame_file(f);
    const auto hex = [&](std::size_t at, std::size_t n) {
        std::string out;
        for (std::size_t i = at; i < at + n; ++i) {
            if (!out.empty()) out += ' ';
            out += "0123456789ABCDEF"[static_cast<unsigned char>(bytes[i]) >> 4];
            out += "0123456789ABCDEF"[static_cast<unsigned char>(bytes[i]) & 0xF];
        }
        return out;
    };
    CHECK(bytes.size() == 431);
    CHECK(hex(64, 24) == "00 00 00 00 00 00 F8 3F 00 00 00 00 00 00 F8 7F 00 00 00 00 00 00 08 40");
    CHECK(hex(128, 1) == "05");
    CHECK(hex(192, 12) == "00 00 00 00 01 00 00 00 00 00 00 00");
    CHECK(bytes.substr(256, 159) ==
          R"({"rows":3,"columns":[{"name":"x","type":"numeric","data":[64,24],"validity":[128,1]},)"
          R"({"name":"c","type":"categorical","data":[192,12],"categories":["a","b"]}]})");
    CHECK(hex(415, 8) == "9F 00 00 00 00 00 00 00");
    CHECK(bytes.substr(423) == "LOLPOPF1");
}
