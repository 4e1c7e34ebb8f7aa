#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include "../message_of.hpp"
#include "../temp_directory.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <cstring>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using lolpop::column;
using lolpop::column_type;
using lolpop::csv_options;
using lolpop::frame;

namespace {

const std::string fixtures = LOLPOP_TEST_DATA "/csv/";
const std::string breast_cancer = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv";
const std::string breast_cancer_new = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer_new.csv";
const std::string cars = LOLPOP_SOURCE_DIR "/examples/cars/data/cars.csv";

frame parse(const std::string& text, const csv_options& options = {}) {
    std::istringstream in(text);
    return lolpop::read_csv(in, "inline.csv", options);
}

std::string parse_error(const std::string& text, const csv_options& options = {}) {
    return message_of([&] { (void)parse(text, options); });
}

frame round_trip(const frame& f, char delimiter = ',') {
    std::ostringstream out;
    lolpop::write_csv(f, out, delimiter);
    std::istringstream in(out.str());
    return lolpop::read_csv(in, "round_trip.csv", {.delimiter = delimiter, .column_types = {}});
}

}  // namespace

TEST_CASE("types are inferred from every present value") {
    const frame f = parse("i,n,c,e,signed\n1,1.5,x,,+5\n,2,7,,-3\n30,,y,,0\n");
    CHECK(f.rows() == 3);
    CHECK(f["i"].type() == column_type::integer);
    CHECK(f["i"].integer_values()[2] == 30);
    CHECK(f["i"].is_missing(1));
    CHECK(f["n"].type() == column_type::numeric);
    CHECK(f["n"].numeric_values()[1] == 2.0);
    CHECK(f["n"].is_missing(2));
    CHECK(f["c"].type() == column_type::categorical);
    CHECK(f["c"].to_string(1) == "7");
    // Nothing to go by: numeric, whose missing value is NaN.
    CHECK(f["e"].type() == column_type::numeric);
    CHECK(f["e"].missing_count() == 3);
    CHECK(f["signed"].type() == column_type::integer);
    CHECK(f["signed"].integer_values()[0] == 5);

    // A decimal point or an exponent makes a number numeric even when it is whole.
    CHECK(parse("a,b\n1.0,1e3\n2.0,2\n")["a"].type() == column_type::numeric);
    CHECK(parse("a,b\n1.0,1e3\n2.0,2\n")["b"].numeric_values()[0] == 1000.0);
    // Beyond int64: numeric, not an overflowed integer.
    CHECK(parse("big\n99999999999999999999\n")["big"].type() == column_type::numeric);
}

TEST_CASE("RFC 4180 quoting, CRLF and embedded line breaks") {
    const frame f = lolpop::read_csv_file(fixtures + "quoted_crlf.csv");
    CHECK(f.names() == std::vector<std::string>{"id", "text", "amount"});
    CHECK(f.rows() == 3);
    CHECK(f["id"].type() == column_type::integer);
    CHECK(f["text"].to_string(0) == "a, b");
    CHECK(f["text"].to_string(1) == "she said \"hi\"");
    CHECK(f["text"].to_string(2) == "multi\r\nline");
    CHECK(f["amount"].type() == column_type::numeric);
    CHECK(f["amount"].is_missing(1));
    CHECK(f["amount"].numeric_values()[2] == -2.0);
    CHECK(round_trip(f) == f);
}

TEST_CASE("blank lines, a byte order mark and a missing final newline are accepted") {
    const frame f = parse("\xEF\xBB\xBF\na,b\n1,x\n\n2,y");
    CHECK(f.names() == std::vector<std::string>{"a", "b"});
    CHECK(f.rows() == 2);
    CHECK(f["b"].to_string(1) == "y");
    CHECK(parse("a,b\n").rows() == 0);
    // A quoted empty field is a row of one missing value, not a blank line.
    const frame one = parse("a\n1\n\"\"\n3\n");
    CHECK(one.rows() == 3);
    CHECK(one["a"].is_missing(1));
}

TEST_CASE("other delimiters") {
    const frame f = parse("a;b\n1,5;\"x;y\"\n", {.delimiter = ';', .column_types = {}});
    CHECK(f["a"].to_string(0) == "1,5");
    CHECK(f["b"].to_string(0) == "x;y");
    CHECK(round_trip(f, ';') == f);
    CHECK(round_trip(f, '\t') == f);
}

TEST_CASE("column_types force a type") {
    const csv_options options{.delimiter = ',',
                              .column_types = {{"zip", "categorical"}, {"n", "numeric"}, {"k", "integer"}}};
    const frame f = parse("zip,n,k\n007,1,2.0\n010,2,\n", options);
    CHECK(f["zip"].type() == column_type::categorical);
    CHECK(f["zip"].to_string(0) == "007");
    CHECK(f["n"].type() == column_type::numeric);
    CHECK(f["k"].type() == column_type::integer);
    CHECK(f["k"].integer_values()[0] == 2);
    CHECK(f["k"].is_missing(1));

    CHECK(parse_error("k\n1\n1.5\n", {.delimiter = ',', .column_types = {{"k", "integer"}}}) ==
          "'1.5' in column 'k' is not a whole number (inline.csv:3)");
    CHECK(parse_error("k\n1\nabc\n", {.delimiter = ',', .column_types = {{"k", "integer"}}}) ==
          "'abc' in column 'k' is not a number (inline.csv:3)");
    CHECK(parse_error("k\n1\n", {.delimiter = ',', .column_types = {{"kk", "integer"}}}) ==
          "column_types names 'kk', which is not a column (did you mean 'k'?) (inline.csv)");
    CHECK(parse_error("k\n1\n", {.delimiter = ',', .column_types = {{"k", "int"}}}) ==
          "unknown column type 'int' (expected numeric, integer or categorical) (column_types.k)");
}

TEST_CASE("malformed files name the file, the line and the column") {
    CHECK(message_of([] { (void)lolpop::read_csv_file(fixtures + "ragged_row.csv"); }) ==
          "row 2 has 4 fields, expected 3 (" + fixtures + "ragged_row.csv:4)");
    CHECK(message_of([] {
              (void)lolpop::read_csv_file(fixtures + "bad_number.csv",
                                          {.delimiter = ',', .column_types = {{"weight", "numeric"}}});
          }) == "'abc' in column 'weight' is not a number (" + fixtures + "bad_number.csv:3)");
    // Unforced, the same column is simply categorical.
    CHECK(lolpop::read_csv_file(fixtures + "bad_number.csv")["weight"].type() == column_type::categorical);
    CHECK(message_of([] { (void)lolpop::read_csv_file(fixtures + "unterminated_quote.csv"); }) ==
          "unterminated quoted field: no closing '\"' (" + fixtures + "unterminated_quote.csv:3)");
    CHECK(message_of([] { (void)lolpop::read_csv_file(fixtures + "duplicate_header.csv"); }) ==
          "duplicate column name 'id' in the header (" + fixtures + "duplicate_header.csv:1)");
    CHECK(message_of([] { (void)lolpop::read_csv_file(fixtures + "empty_header_name.csv"); }) ==
          "column 2 of the header has no name (" + fixtures + "empty_header_name.csv:1)");

    CHECK(parse_error("") == "no header row: the CSV has no content (inline.csv)");
    CHECK(parse_error("\n\n") == "no header row: the CSV has no content (inline.csv)");
    CHECK(parse_error("a,b\n\"x\"y,1\n") == "unexpected 'y' after the closing quote of a field (inline.csv:2)");
    CHECK(parse_error("a,b\n1,2\n3\n") == "row 2 has 1 fields, expected 2 (inline.csv:3)");
}

TEST_CASE("a missing file is an error naming its path") {
    const std::string path = fixtures + "no_such_file.csv";
    const std::string message = message_of([&] { (void)lolpop::read_csv_file(path); });
    CHECK(message.find("cannot read file") != std::string::npos);
    CHECK(message.find(path) != std::string::npos);
}

TEST_CASE("breast_cancer.csv reads with the expected shape and values") {
    const frame f = lolpop::read_csv_file(breast_cancer);
    CHECK(f.rows() == 500);
    CHECK(f.cols() == 32);
    CHECK(f.names().front() == "id");
    CHECK(f.names().back() == "target");
    CHECK(f["id"].type() == column_type::integer);
    CHECK(f["target"].type() == column_type::integer);
    CHECK(f["mean_radius"].type() == column_type::numeric);
    CHECK(f["mean_radius"].numeric_values()[0] == 17.99);
    CHECK(f["worst_fractal_dimension"].numeric_values()[499] == 0.08999);
    for (const auto& c : f.columns()) CHECK(c.missing_count() == 0);
    CHECK(round_trip(f) == f);

    // With the held-back rows it is the whole data set: 212 malignant (0), 357 benign (1).
    std::ifstream main_in(breast_cancer), new_in(breast_cancer_new);
    std::stringstream all;
    all << main_in.rdbuf();
    std::string header;
    std::getline(new_in, header);
    all << new_in.rdbuf();
    const frame whole = lolpop::read_csv(all, "breast_cancer");
    CHECK(whole.rows() == 569);
    CHECK(whole["worst_fractal_dimension"].numeric_values()[568] == 0.07039);
    const auto target = whole["target"].integer_values();
    CHECK(std::count(target.begin(), target.end(), 0) == 212);
    CHECK(std::count(target.begin(), target.end(), 1) == 357);
}

TEST_CASE("cars.csv has categorical, integer and numeric columns with missing values") {
    std::ifstream lines_in(cars);
    std::size_t lines = 0;
    for (std::string line; std::getline(lines_in, line);) lines += line.empty() ? 0 : 1;

    const frame f = lolpop::read_csv_file(cars);
    CHECK(f.rows() == lines - 1);
    CHECK(f["Name"].type() == column_type::categorical);
    CHECK(f["Name"].to_string(0) == "chevrolet chevelle malibu");
    CHECK(f["Miles_per_Gallon"].type() == column_type::numeric);
    CHECK(f["Miles_per_Gallon"].missing_count() > 0);
    CHECK(f["Horsepower"].missing_count() > 0);
    CHECK(f["Cylinders"].type() == column_type::integer);
    CHECK(f["Weight_in_lbs"].integer_values()[0] == 3504);
    CHECK(f["Year"].type() == column_type::categorical);
    auto origins = f["Origin"].categories();
    std::sort(origins.begin(), origins.end());
    CHECK(origins == std::vector<std::string>{"Europe", "Japan", "USA"});
    CHECK(round_trip(f) == f);
}

TEST_CASE("the writer quotes what needs it and keeps every double exactly") {
    const double missing = std::numeric_limits<double>::quiet_NaN();
    const frame f({column::numeric("x", {0.1, 1.0 / 3.0, 1e-300, 5.0, missing, -0.0, 123456789.123456789}),
                   column::integer("k", {1, -2, 0, 4, 5, 6, std::numeric_limits<std::int64_t>::min()},
                                   {true, true, false, true, true, true, true}),
                   column::categorical("s", {"plain", "with,comma", "with \"quote\"", "two\nlines", std::nullopt,
                                             " spaced ", "cr\r"})});
    const std::string text = lolpop::to_csv(f);
    CHECK(text.starts_with("x,k,s\n0.1,1,plain\n"));
    CHECK(text.find("\"with,comma\"") != std::string::npos);
    CHECK(text.find("\"with \"\"quote\"\"\"") != std::string::npos);
    CHECK(text.find("\n5.0,4,") != std::string::npos);
    CHECK(text.find("\n,5,\n") != std::string::npos);
    CHECK(round_trip(f) == f);

    const frame one({column::numeric("only", {1.5, missing, 2.5})});
    CHECK(lolpop::to_csv(one) == "only\n1.5\n\"\"\n2.5\n");
    CHECK(round_trip(one) == one);

    const frame quoted_header({column::integer("a,b", {1}), column::integer("c\"d", {2})});
    CHECK(lolpop::to_csv(quoted_header) == "\"a,b\",\"c\"\"d\"\n1,2\n");
    CHECK(round_trip(quoted_header) == quoted_header);

    // A first name that begins with a byte order mark is quoted, or reading would drop the mark.
    const frame bom_header({column::integer("\xEF\xBB\xBF" "a", {1}), column::integer("b", {2})});
    CHECK(lolpop::to_csv(bom_header) == "\"\xEF\xBB\xBF" "a\",b\n1,2\n");
    CHECK(round_trip(bom_header) == bom_header);
}

namespace {

frame read_with_threads(const std::string& path, unsigned threads, csv_options options = {}) {
    options.threads = threads;
    return lolpop::read_csv_file(path, options);
}

// Equal frames, and equal in what operator== lets pass: category order and the bytes written.
void check_same(const frame& a, const frame& b) {
    REQUIRE(a == b);
    for (const auto& c : a.columns())
        if (c.type() == column_type::categorical) CHECK(c.categories() == b[c.name()].categories());
    CHECK(lolpop::to_csv(a) == lolpop::to_csv(b));
}

std::string write_text(const lolpop_test::temp_directory& dir, const std::string& name, const std::string& text) {
    const std::string path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// About `bytes` of records whose quoted fields hold delimiters, "" escapes and line breaks (LF
// and CRLF) everywhere, so that chunk boundaries fall among them.
std::string quoted_records(std::size_t bytes, unsigned seed) {
    std::mt19937 rng(seed);
    std::string text = "id,note,x,label\r\n";
    for (std::size_t r = 0; text.size() < bytes; ++r) {
        text += std::to_string(r) + ",";
        switch (rng() % 5) {
            case 0: text += "\"line one\nline two, \"\"quoted\"\"\nthree\""; break;
            case 1: text += "\"crlf\r\ninside\""; break;
            case 2: text += "plain"; break;
            case 3: text += "\"\""; break;
            default: text += "\"a,b\""; break;
        }
        text += "," + std::to_string(static_cast<double>(rng() % 100000) / 64.0) + ",";
        text += "cat" + std::to_string(rng() % 50);
        text += (r % 7 == 0) ? "\r\n" : "\n";
        if (r % 1000 == 0) text += "\n";  // blank lines too
    }
    return text;
}

// The old writer's formatting of a double, with fmt, which stored data sets were written with.
std::string old_double(double v) {
    std::string out = fmt::format("{}", v);
    if (out.find_first_of(".en") == std::string::npos) out += ".0";
    return out;
}

}  // namespace

TEST_CASE("a file parsed on several threads equals the file parsed on one") {
    const lolpop_test::temp_directory dir;
    const std::string path = write_text(dir, "quoted.csv", quoted_records(3 << 20, 7));
    const frame one = read_with_threads(path, 1);
    CHECK(one.rows() > 20000);
    CHECK(one["note"].type() == column_type::categorical);
    CHECK(one["x"].type() == column_type::numeric);
    CHECK(one["note"].categories().front() != "");
    for (unsigned threads : {2u, 3u, 4u, 7u}) check_same(one, read_with_threads(path, threads));
    CHECK(one["id"].integer_values()[one.rows() - 1] == static_cast<std::int64_t>(one.rows() - 1));

    // A quote inside an unquoted field is text, not the start of quoting: counting quotes to find
    // chunk boundaries is then misled, and the reader must still give the one-thread result.
    std::string misleading = "a,b\n";
    for (int r = 0; misleading.size() < (2 << 20); ++r)
        misleading += (r == 100000 ? "5\"7" : std::to_string(r)) + "," + (r % 3 == 0 ? "\"x\ny\"" : "z") + "\n";
    const std::string misled = write_text(dir, "misled.csv", misleading);
    const frame m1 = read_with_threads(misled, 1);
    CHECK(m1["a"].to_string(100000) == "5\"7");
    for (unsigned threads : {2u, 3u, 5u}) check_same(m1, read_with_threads(misled, threads));
}

TEST_CASE("types widen when a late value needs it, as if the whole file had been looked at") {
    const lolpop_test::temp_directory dir;
    std::string text = "late_double,late_text,late_value,neg_zero,ints\n";
    const int rows = 120000;  // about 2 MB: parsed in chunks after a sample
    for (int r = 0; r < rows; ++r) {
        const bool last = r == rows - 1;
        text += last ? "2.5" : std::to_string(r % 1000);
        text += ",";
        text += last ? "abc" : (r % 2 ? "1.50" : "7");
        text += ",";
        text += r > rows - 5 ? "42" : "";
        text += ",";
        text += r == 3 ? "-0" : (last ? "0.5" : "1");
        text += "," + std::to_string(r) + "\n";
    }
    const std::string path = write_text(dir, "late.csv", text);
    const frame one = read_with_threads(path, 1);
    CHECK(one["late_double"].type() == column_type::numeric);
    CHECK(one["late_double"].numeric_values()[rows - 1] == 2.5);
    CHECK(one["late_text"].type() == column_type::categorical);
    // The labels are the cells' text, not the numbers it was first read as.
    CHECK(one["late_text"].categories() == std::vector<std::string>{"7", "1.50", "abc"});
    CHECK(one["late_value"].type() == column_type::integer);
    CHECK(one["late_value"].missing_count() == static_cast<std::size_t>(rows - 4));
    CHECK(one["neg_zero"].type() == column_type::numeric);
    CHECK(std::signbit(one["neg_zero"].numeric_values()[3]));
    CHECK(one["ints"].type() == column_type::integer);
    for (unsigned threads : {2u, 3u}) check_same(one, read_with_threads(path, threads));
}

TEST_CASE("categories keep their order of first appearance across chunks") {
    const lolpop_test::temp_directory dir;
    std::string text = "c\n";
    // Each stretch of the file brings new labels, some seen before.
    for (int r = 0; r < 300000; ++r) text += "k" + std::to_string((r / 1000) % 97 * 31 % 89) + "\n";
    const std::string path = write_text(dir, "cats.csv", text);
    const frame one = read_with_threads(path, 1);
    std::vector<std::string> expected;
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line))
        if (std::find(expected.begin(), expected.end(), line) == expected.end()) expected.push_back(line);
    CHECK(one["c"].categories() == expected);
    for (unsigned threads : {2u, 4u}) check_same(one, read_with_threads(path, threads));
}

TEST_CASE("the first error in file order is reported, with its line in the file") {
    const lolpop_test::temp_directory dir;
    // Quoted line breaks before the errors make lines and rows differ.
    std::string head = "a,b,c\n";
    std::size_t line = 2, row = 0;
    while (head.size() < (3 << 20)) {
        head += "1,\"two\nlines\",3\n";
        line += 2;
        ++row;
    }
    const auto messages = [&](const std::string& text, const csv_options& options = {}) {
        const std::string path = write_text(dir, "errors.csv", text);
        std::vector<std::string> out;
        for (unsigned threads : {1u, 2u, 3u}) {
            csv_options o = options;
            o.threads = threads;
            out.push_back(message_of([&] { (void)lolpop::read_csv_file(path, o); }));
        }
        return out;
    };
    const auto all_equal = [](const std::vector<std::string>& m, const std::string& expected) {
        for (const auto& x : m) CHECK(x == expected);
    };
    {
        // A ragged row, then an unterminated quote further on, then nothing.
        const std::string text = head + "1,2\n" + head.substr(6) + "\"open\n";
        all_equal(messages(text), fmt::format("row {} has 2 fields, expected 3 ({}:{})", row + 1,
                                               (dir / "errors.csv").string(), line));
    }
    {
        const std::string text = head + "1,\"x\"y,3\n" + head.substr(6) + "1,2\n";
        all_equal(messages(text), fmt::format("unexpected 'y' after the closing quote of a field ({}:{})",
                                               (dir / "errors.csv").string(), line));
    }
    {
        const std::string text = head + "1,2,3,4\n";
        all_equal(messages(text), fmt::format("row {} has 4 fields, expected 3 ({}:{})", row + 1,
                                               (dir / "errors.csv").string(), line));
    }
    {
        const std::string text = head + "\"never closed,2,3\n4,5,6\n";
        all_equal(messages(text), fmt::format("unterminated quoted field: no closing '\"' ({}:{})",
                                               (dir / "errors.csv").string(), line));
    }
    {
        // Forced types: a bad cell in an earlier column comes first, even if later in the file, as
        // columns are built in order; a malformed record anywhere comes before both.
        const csv_options forced{.delimiter = ',', .column_types = {{"a", "integer"}, {"c", "numeric"}}};
        const std::string text = "a,b,c\n1,x,oops\n" + head.substr(6) + "1.5,x,3\n";
        all_equal(messages(text, forced),
                  fmt::format("'1.5' in column 'a' is not a whole number ({}:{})", (dir / "errors.csv").string(), line + 1));
        all_equal(messages(text + "1,2\n", forced),
                  fmt::format("row {} has 2 fields, expected 3 ({}:{})", row + 3, (dir / "errors.csv").string(), line + 2));
    }
}

TEST_CASE("numbers are read as parse_number reads them: blanks, '+', whole tokens, range") {
    const frame f = parse("a,b,d,e\n 1 ,+2.5,0x10,-0\n+3,\t1e-400\t,1.,0.0e5\n");
    CHECK(f["a"].type() == column_type::integer);
    CHECK(f["a"].integer_values()[0] == 1);
    CHECK(f["a"].integer_values()[1] == 3);
    CHECK(f["b"].type() == column_type::numeric);  // 1e-400 underflows: 0, as strtod reads it
    CHECK(f["b"].numeric_values()[1] == 0);
    CHECK(f["d"].type() == column_type::categorical);
    CHECK(f["e"].type() == column_type::numeric);
    CHECK(std::signbit(f["e"].numeric_values()[0]));
    const frame g = parse("x\n4.9e-324\n0e999\n");
    CHECK(g["x"].type() == column_type::numeric);
    CHECK(g["x"].numeric_values()[0] > 0);
    CHECK(g["x"].numeric_values()[1] == 0);
}

TEST_CASE("a number-shaped cell that no finite double holds is an error naming the source, line and column") {
    CHECK(parse_error("a,b\n1,2\n3,1e400\n") ==
          "'1e400' in column 'b' is not a finite number a double can hold (inline.csv:3)");
    CHECK(parse_error("a,b\n1,2\n3,-1e999\n") ==
          "'-1e999' in column 'b' is not a finite number a double can hold (inline.csv:3)");
    // Infinity and NaN spelled out, in an inferred column of numbers.
    for (const std::string word : {"inf", "-inf", "nan", "Infinity", "NaN"})
        CHECK(parse_error("a,b\n1,2.5\n3," + word + "\n4,5\n") ==
              "'" + word + "' in column 'b' is not a finite number a double can hold (inline.csv:3)");
    // In a forced numeric or integer column too.
    const csv_options forced{.delimiter = ',', .column_types = {{"n", "numeric"}, {"k", "integer"}}};
    CHECK(parse_error("n,k\n1,2\ninf,3\n", forced) ==
          "'inf' in column 'n' is not a finite number a double can hold (inline.csv:3)");
    CHECK(parse_error("n,k\n1,2\n1,nan\n", forced) ==
          "'nan' in column 'k' is not a finite number a double can hold (inline.csv:3)");
    CHECK(parse_error("n,k\n1,2\n1,1e400\n", forced) ==
          "'1e400' in column 'k' is not a finite number a double can hold (inline.csv:3)");
    // A ten-million-digit number, with the size limits raised to let it through: the message
    // shows its start. (Within the default limits it is a field too long.)
    const std::string huge(10'000'000, '7');
    csv_options roomy;
    roomy.max_field_bytes = roomy.max_record_bytes = std::size_t{32} << 20;
    CHECK(parse_error("a,b\n1,2\n3," + huge + "\n", roomy) ==
          "'" + huge.substr(0, 64) + "...' in column 'b' is not a finite number a double can hold (inline.csv:3)");
    CHECK(parse_error("a\nx\n" + huge + "\n", roomy) ==
          "'" + huge.substr(0, 64) + "...' in column 'a' is not a finite number a double can hold (inline.csv:3)");
    // In a column of text a spelling of NaN is a label ("Nan" the name), wherever it comes.
    const frame names = parse("name\nNan\nBob\ninf\n");
    CHECK(names["name"].type() == column_type::categorical);
    CHECK(names["name"].to_string(0) == "Nan");
    // Declared categorical, anything is a label.
    const frame labels = parse("a\n1\n1e400\n", {.delimiter = ',', .column_types = {{"a", "categorical"}}});
    CHECK(labels["a"].to_string(1) == "1e400");
}

TEST_CASE("the decision on inf, nan and overflow is the same whatever the chunking") {
    const lolpop_test::temp_directory dir;
    std::string text = "x,name\n";
    for (int r = 0; r < 150000; ++r) text += std::to_string(r) + ".5," + (r == 140000 ? "Bob" : "nan") + "\n";
    const std::string late_text = write_text(dir, "late_text.csv", text);
    for (unsigned threads : {1u, 2u, 3u}) {
        const frame f = read_with_threads(late_text, threads);
        CHECK(f["name"].type() == column_type::categorical);
        CHECK(f["name"].to_string(0) == "nan");
    }
    text.replace(text.find("Bob"), 3, "7");
    text += "1e400,7\n";
    const std::string bad = write_text(dir, "bad.csv", text);
    for (unsigned threads : {1u, 2u, 3u})
        CHECK(message_of([&] { (void)read_with_threads(bad, threads); }) ==
              "'1e400' in column 'x' is not a finite number a double can hold (" + bad + ":150002)");
    text.erase(text.rfind("1e400"));
    const std::string words = write_text(dir, "words.csv", text);
    for (unsigned threads : {1u, 2u, 3u})
        CHECK(message_of([&] { (void)read_with_threads(words, threads); }) ==
              "'nan' in column 'name' is not a finite number a double can hold (" + words + ":2)");
}

TEST_CASE("a NUL byte in a field is an error naming the line and the column") {
    using namespace std::string_literals;
    CHECK(parse_error("a,b\n1,2\n3,4\0" "5\n"s) == "a NUL byte in a field of column 'b' (inline.csv:3)");
    CHECK(parse_error("a,b\n1,x\n3,\"y\0\"\n"s) == "a NUL byte in a field of column 'b' (inline.csv:3)");
    CHECK(parse_error("a,b\n\0,x\n"s, {.delimiter = ',', .column_types = {{"a", "categorical"}}}) ==
          "a NUL byte in a field of column 'a' (inline.csv:2)");
    CHECK(parse_error("a,b\0\n1,2\n"s) == "a NUL byte in the name of column 2 of the header (inline.csv:1)");
}

TEST_CASE("a column of numbers and text is categorical, with a note naming it and its first text cell") {
    std::istringstream in("id,code,label\n1,10,a\n2,11,b\n3,x7,c\n4,12,d\n");
    lolpop::csv_read_notes notes;
    const frame f = lolpop::read_csv(in, "inline.csv", {}, &notes);
    CHECK(f["code"].type() == column_type::categorical);
    REQUIRE(notes.mixed_columns.size() == 1);
    CHECK(notes.mixed_columns[0].column == "code");
    CHECK(notes.mixed_columns[0].line == 4);
    CHECK(notes.mixed_columns[0].text == "x7");
    // Text first, then numbers: mixed as well.
    std::istringstream text_first("c\nx\n1\n");
    lolpop::csv_read_notes more;
    (void)lolpop::read_csv(text_first, "inline.csv", {}, &more);
    REQUIRE(more.mixed_columns.size() == 1);
    CHECK(more.mixed_columns[0].line == 2);
    // Declared: no note.
    std::istringstream declared("id,code\n1,10\n3,x7\n");
    lolpop::csv_read_notes none;
    (void)lolpop::read_csv(declared, "inline.csv", {.delimiter = ',', .column_types = {{"code", "categorical"}}}, &none);
    CHECK(none.mixed_columns.empty());

    // A file read in parallel chunks gives the same note, with the line in the file.
    const lolpop_test::temp_directory dir;
    std::string big = "x\n";
    for (int r = 0; r < 200000; ++r) big += (r == 150000 ? "n/a" : std::to_string(r)) + "\n";
    const std::string path = write_text(dir, "mixed.csv", big);
    for (unsigned threads : {1u, 2u, 3u}) {
        lolpop::csv_read_notes n;
        csv_options o;
        o.threads = threads;
        (void)lolpop::read_csv_file(path, o, &n);
        REQUIRE(n.mixed_columns.size() == 1);
        CHECK(n.mixed_columns[0].line == 150002);
        CHECK(n.mixed_columns[0].text == "n/a");
    }
}

TEST_CASE("missing_values spellings are missing, never errors or text") {
    csv_options options;
    options.missing_values = {"NA", "?", "-999"};
    const frame f = parse("a,b,c\n1,NA,x\n?,2.5,NA\n-999,?,y\n4,-999,z\n", options);
    CHECK(f["a"].type() == column_type::integer);
    CHECK(f["a"].is_missing(1));
    CHECK(f["a"].is_missing(2));
    CHECK(f["b"].type() == column_type::numeric);
    CHECK(f["b"].missing_count() == 3);
    CHECK(f["c"].type() == column_type::categorical);
    CHECK(f["c"].is_missing(1));
    options.column_types = {{"a", "integer"}};
    CHECK(parse("a\n1\nNA\n", options)["a"].is_missing(1));
    options.missing_values = {"nan"};
    CHECK(parse("a\n1\nnan\n", options)["a"].is_missing(1));
}

TEST_CASE("the writer spells doubles exactly as the fmt-based writer before it") {
    std::vector<double> values{0.0,    -0.0,    1.0,     0.1,     1e15,     1e16,    123456789012345680.0,
                               1e-4,   1e-5,    1.5e-5,  1e300,   1e-300,   4.9e-324, 1.7976931348623157e308,
                               -2.5,   1e21,    9999999999999998.0,        0.00012345, 12345.678,
                               std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    std::mt19937_64 rng(3);
    for (int i = 0; i < 200000; ++i) {
        std::uint64_t bits = rng();
        double v = 0;
        std::memcpy(&v, &bits, sizeof v);
        if (std::isfinite(v)) values.push_back(v);
        values.push_back(static_cast<double>(rng() % 100000000) / std::pow(10.0, static_cast<double>(rng() % 20)));
    }
    std::string expected = "v\n";
    for (double v : values) expected += old_double(v) + "\n";
    const frame f({column::numeric("v", values)});
    CHECK(lolpop::to_csv(f) == expected);
    // Infinities are written, but read_csv refuses them: they are no data.
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return std::isinf(v); }), values.end());
    const frame finite({column::numeric("v", values)});
    CHECK(round_trip(finite) == finite);
}

TEST_CASE("short decimals read as the correctly rounded double") {
    std::mt19937_64 rng(5);
    std::vector<std::string> texts;
    for (int i = 0; i < 60000; ++i) {
        std::string t = rng() % 4 == 0 ? "-" : "";
        const int whole = 1 + static_cast<int>(rng() % 8), fraction = static_cast<int>(rng() % 12);
        for (int d = 0; d < whole; ++d) t += static_cast<char>('0' + rng() % 10);
        if (fraction) t += '.';
        for (int d = 0; d < fraction; ++d) t += static_cast<char>('0' + rng() % 10);
        texts.push_back(t);
    }
    // Around the limits of the exact fast path: 2^53, 19 digits, and just beyond.
    for (const char* t : {"9007199254740992", "9007199254740993", "9007199254740992.5", "900719925474099.3",
                          "1234567890123456789", "12345678901234567890", "0.0000000000000000001", "-0.000"})
        texts.emplace_back(t);
    std::string text = "x\n";
    for (const auto& t : texts) text += t + "\n";
    const frame f = parse(text);
    REQUIRE(f["x"].type() == column_type::numeric);
    for (std::size_t r = 0; r < texts.size(); ++r) {
        const double expected = std::strtod(texts[r].c_str(), nullptr);
        const double got = f["x"].numeric_values()[r];
        if (std::memcmp(&expected, &got, sizeof got) != 0) FAIL_CHECK(texts[r]);
    }
}

TEST_CASE("a field or record longer than its limit is one error naming the line, the column and the setting") {
    csv_options field;
    field.max_field_bytes = 10;
    CHECK(parse_error("a,b\n1,2\n3,\"abcdefghijkl\"\n", field) ==
          "a field of column 'b' is more than max_field_bytes = 10 bytes: raise the setting if it is meant (inline.csv:3)");
    CHECK(parse_error("a,b\n1,2\n3,12345678901\n", field) ==
          "a field of column 'b' is more than max_field_bytes = 10 bytes: raise the setting if it is meant (inline.csv:3)");
    CHECK(parse_error("a,bcdefghijklmn\n1,2\n", field) ==
          "the name of column 2 of the header is 13 bytes, more than max_field_bytes = 10: raise the setting if it is "
          "meant (inline.csv:1)");
    csv_options record;
    record.max_record_bytes = 20;
    CHECK(parse_error("a,b\n1,2\n123456789,1234567890123\n", record) ==
          "row 2 is more than max_record_bytes = 20 bytes: raise the setting if it is meant (inline.csv:3)");
    CHECK(parse_error("aaaaaaaaaa,bbbbbbbbbb,c\n1,2,3\n", record) ==
          "the header is more than max_record_bytes = 20 bytes: raise the setting if it is meant (inline.csv:1)");
    // Within the limits, the same text reads.
    CHECK(parse("a,b\n1,2\n3,12345678901\n")["b"].integer_values()[1] == 12345678901);
}
