#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/testing/data_connector_laws.hpp>

#include "../../message_of.hpp"
#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using lolpop::column_type;
using lolpop::csv_data_connector;

namespace {

const std::string breast_cancer = LOLPOP_SOURCE_DIR "/examples/breast_cancer/data/breast_cancer.csv";

std::string contents(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("csv_data_connector reads a file and writes it back unchanged") {
    lolpop::context ctx;
    std::vector<std::string> logged;
    ctx.set_logger([&](lolpop::log_level, std::string_view m) { logged.emplace_back(m); });
    const csv_data_connector connector({}, ctx);

    const lolpop::frame data = connector.get_data(breast_cancer);
    CHECK(data.rows() == 500);
    CHECK(data.cols() == 32);
    CHECK(logged.back() == "read 500 rows and 32 columns from " + breast_cancer);

    lolpop_test::temp_directory dir;
    const std::string target = (dir / "nested" / "copy.csv").string();
    connector.save_data(data, target);
    CHECK(connector.get_data(target) == data);
    CHECK(contents(target).starts_with("id,mean_radius,"));

    // Saving again replaces the file and leaves nothing else behind.
    const std::vector<std::size_t> first_rows = {0, 1, 2};
    connector.save_data(data.take(first_rows), target);
    CHECK(connector.get_data(target).rows() == 3);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "nested")) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("csv_data_connector uses its delimiter and column types") {
    lolpop::context ctx;
    const csv_data_connector semicolons({.delimiter = ";", .column_types = {{"id", "categorical"}}}, ctx);
    lolpop_test::temp_directory dir;
    const std::string path = (dir / "semi.csv").string();
    {
        std::ofstream out(path);
        out << "id;price;label\n001;1,5;\"a;b\"\n002;2;c\n";
    }
    const lolpop::frame f = semicolons.get_data(path);
    CHECK(f["id"].type() == column_type::categorical);
    CHECK(f["id"].to_string(0) == "001");
    CHECK(f["price"].type() == column_type::categorical);
    CHECK(f["label"].to_string(0) == "a;b");

    const std::string copy = (dir / "copy.csv").string();
    semicolons.save_data(f, copy);
    CHECK(contents(copy) == "id;price;label\n001;1,5;\"a;b\"\n002;2;c\n");
    CHECK(semicolons.get_data(copy) == f);
}

TEST_CASE("csv_data_connector rejects bad settings and bad files") {
    lolpop::context ctx;
    for (std::string d : {"", ";;", "\"", "\n"})
        CHECK(message_of([&] {
                  csv_data_connector({.delimiter = d, .column_types = {}}, ctx);
              }).ends_with("(csv_data_connector.delimiter)"));
    CHECK(message_of([&] { csv_data_connector({.delimiter = ";;", .column_types = {}}, ctx); }) ==
          "the delimiter must be one character other than a quote or a line break, got \";;\" "
          "(csv_data_connector.delimiter)");
    CHECK(message_of([&] {
              csv_data_connector({.delimiter = ",", .column_types = {{"id", "numerc"}}}, ctx);
          }) == "unknown column type 'numerc' (did you mean 'numeric'?) (csv_data_connector.column_types.id)");

    const csv_data_connector connector({}, ctx);
    const std::string missing = LOLPOP_TEST_DATA "/csv/does_not_exist.csv";
    const std::string message = message_of([&] { (void)connector.get_data(missing); });
    CHECK(message.find("cannot read file") != std::string::npos);
    CHECK(message.find(missing) != std::string::npos);
    CHECK(message_of([&] { (void)connector.get_data(LOLPOP_TEST_DATA "/csv/ragged_row.csv"); }) ==
          "row 2 has 4 fields, expected 3 (" LOLPOP_TEST_DATA "/csv/ragged_row.csv:4)");

    const csv_data_connector typed({.delimiter = ",", .column_types = {{"targte", "integer"}}}, ctx);
    CHECK(message_of([&] { (void)typed.get_data(breast_cancer); }) ==
          "column_types names 'targte', which is not a column (did you mean 'target'?) (" + breast_cancer + ")");
}

TEST_CASE("csv_data_connector warns of a column of numbers and text, and reads missing_values as missing") {
    lolpop::context ctx;
    std::vector<std::pair<lolpop::log_level, std::string>> logged;
    ctx.set_logger([&](lolpop::log_level l, std::string_view m) { logged.emplace_back(l, std::string(m)); });
    lolpop_test::temp_directory dir;
    const std::string path = (dir / "mixed.csv").string();
    std::ofstream(path) << "id,size,colour\n1,10,red\n2,large,blue\n3,NA,?\n";

    const lolpop::frame data = csv_data_connector({}, ctx).get_data(path);
    CHECK(data["size"].type() == column_type::categorical);
    REQUIRE(logged.size() == 2);
    CHECK(logged[0].first == lolpop::log_level::warn);
    CHECK(logged[0].second == "column 'size' of " + path +
                                  " holds numbers and text (first text 'large' at line 3): read as categorical; set "
                                  "column_types.size to declare it");

    logged.clear();
    const csv_data_connector declared({.delimiter = ",", .column_types = {{"size", "categorical"}}}, ctx);
    (void)declared.get_data(path);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].first == lolpop::log_level::debug);

    std::ofstream(path) << "id,size,colour\n1,10,red\n2,NA,blue\n3,12,?\n";
    const csv_data_connector spelled({.delimiter = ",", .column_types = {}, .missing_values = {"NA", "?"}}, ctx);
    const lolpop::frame clean = spelled.get_data(path);
    CHECK(clean["size"].type() == column_type::integer);
    CHECK(clean["size"].is_missing(1));
    CHECK(clean["colour"].is_missing(2));
}

TEST_CASE("csv_data_connector keeps the data connector laws") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::csv_data_connector connector({}, ctx);
    CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(connector, (tmp / "laws/data.csv").string()));
}
