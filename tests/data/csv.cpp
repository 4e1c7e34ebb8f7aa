#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
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

std::string message_of(auto&& f) {
    try {
        f();
    } catch (const lolpop::error& e) {
        return e.what();
    }
    return "no error";
}

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
}
