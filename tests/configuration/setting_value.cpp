// covers: lolpop/configuration/setting_member.hpp
#include <lolpop/core/error.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

using lolpop::assign_setting;
using lolpop::format_setting_value;
using lolpop::parse_setting_value;
using lolpop::setting_value;
using lolpop::to_setting_value;

namespace {

template <class T>
T assigned(const setting_value& v) {
    T out{};
    assign_setting(out, v, "train.model_trainer.x");
    return out;
}

template <class T>
std::string assign_error(const setting_value& v) {
    return message_of([&] { (void)assigned<T>(v); });
}

}  // namespace

// What a generated header asserts of the members behind "integer" and "boolean" settings: the
// types whose braced assignment would take the value without being that kind of setting fail.
static_assert(lolpop::integer_setting_member<int> && lolpop::integer_setting_member<unsigned> &&
              lolpop::integer_setting_member<std::int64_t> && lolpop::integer_setting_member<std::uint64_t>);
static_assert(!lolpop::integer_setting_member<std::string> && !lolpop::integer_setting_member<char> &&
              !lolpop::integer_setting_member<bool> && !lolpop::integer_setting_member<double>);
static_assert(lolpop::boolean_setting_member<bool>);
static_assert(!lolpop::boolean_setting_member<int> && !lolpop::boolean_setting_member<std::string>);

TEST_CASE("TOML values parse to their alternative") {
    CHECK(parse_setting_value("8") == setting_value(std::int64_t{8}));
    CHECK(parse_setting_value("-3") == setting_value(std::int64_t{-3}));
    CHECK(parse_setting_value("0.3") == setting_value(0.3));
    CHECK(parse_setting_value("1e3") == setting_value(1000.0));
    CHECK(parse_setting_value("true") == setting_value(true));
    CHECK(parse_setting_value("\"x y\"") == setting_value(std::string("x y")));
    CHECK(parse_setting_value("'C:\\dir'") == setting_value(std::string("C:\\dir")));
    CHECK(parse_setting_value("[\"a\", \"b\"]") == setting_value(std::vector<std::string>{"a", "b"}));
    CHECK(parse_setting_value("[1, 2.5]") == setting_value(std::vector<double>{1.0, 2.5}));
    CHECK(parse_setting_value("[]") == setting_value(std::vector<std::string>{}));
    CHECK(parse_setting_value("{ a = \"b\", c = \"d\" }") ==
          setting_value(std::map<std::string, std::string>{{"a", "b"}, {"c", "d"}}));
    CHECK(parse_setting_value(" 8 ") == setting_value(std::int64_t{8}));
    CHECK(parse_setting_value("[1, 2]") == setting_value(std::vector<std::int64_t>{1, 2}));
    CHECK(parse_setting_value("[9007199254740993]") == setting_value(std::vector<std::int64_t>{9007199254740993}));
    CHECK(parse_setting_value("[true, false]") == setting_value(std::vector<bool>{true, false}));
    CHECK(parse_setting_value("{ a = 1, b = 0.5, c = true }") ==
          setting_value(lolpop::setting_table{{"a", std::int64_t{1}}, {"b", 0.5}, {"c", true}}));
}

TEST_CASE("a table of arrays keeps the type of every element") {
    using lolpop::setting_lists;
    using lolpop::setting_scalar;
    const setting_value v = parse_setting_value(R"({ max_depth = [3, 6], eta = [0.1], booster = ["gbtree", "dart"], x = [true, 2] })");
    REQUIRE(std::holds_alternative<setting_lists>(v));
    const auto& lists = std::get<setting_lists>(v);
    CHECK(lists.at("max_depth") == std::vector<setting_scalar>{std::int64_t{3}, std::int64_t{6}});
    CHECK(lists.at("eta") == std::vector<setting_scalar>{0.1});
    CHECK(lists.at("booster") == std::vector<setting_scalar>{std::string("gbtree"), std::string("dart")});
    CHECK(lists.at("x") == std::vector<setting_scalar>{true, std::int64_t{2}});
    CHECK(format_setting_value(v) == R"({ booster = ["gbtree", "dart"], eta = [0.1], max_depth = [3, 6], x = [true, 2] })");
    CHECK(parse_setting_value(format_setting_value(v)) == v);
    CHECK(parse_setting_value("{ a = [] }") == setting_value(setting_lists{{"a", {}}}));

    CHECK(assigned<setting_lists>(v) == lists);
    CHECK(assigned<setting_lists>(parse_setting_value("{}")).empty());
    CHECK(assign_error<setting_lists>(parse_setting_value("{ a = \"b\" }")) ==
          "setting 'train.model_trainer.x' expects a table of arrays, got a table of strings");
    CHECK(assign_error<std::map<std::string, std::string>>(v) ==
          "setting 'train.model_trainer.x' expects a table of strings, got a table of arrays");

    CHECK(to_setting_value(setting_scalar{std::int64_t{3}}) == setting_value(std::int64_t{3}));
    CHECK(to_setting_value(setting_scalar{std::string("dart")}) == setting_value(std::string("dart")));
}

TEST_CASE("text that is not one TOML value is a bare string") {
    CHECK(parse_setting_value("stratified_splitter") == setting_value(std::string("stratified_splitter")));
    CHECK(parse_setting_value("data/breast cancer.csv") == setting_value(std::string("data/breast cancer.csv")));
    CHECK(parse_setting_value("") == setting_value(std::string()));
    CHECK(parse_setting_value("[a, b]") == setting_value(std::string("[a, b]")));
    CHECK(parse_setting_value("1\nw = 2") == setting_value(std::string("1\nw = 2")));
    // A date is no setting type; the text as typed is.
    CHECK(parse_setting_value("2024-05-01") == setting_value(std::string("2024-05-01")));
}

TEST_CASE("a value that is not UTF-8 text is an error, not a bare string") {
    // Quoted or bare, such bytes would make a string that no TOML text writes (--describe, lineage).
    CHECK(message_of([] { (void)parse_setting_value("\"bina\xBCry\""); }) == "the setting value is not UTF-8 text (byte 6 of 9)");
    CHECK(message_of([] { (void)parse_setting_value("caf\xC3"); }) == "the setting value is not UTF-8 text (byte 4 of 4)");
    CHECK(message_of([] { (void)parse_setting_value("\xED\xA0\x80"); }) == "the setting value is not UTF-8 text (byte 1 of 3)");
    CHECK(parse_setting_value("caf\xC3\xA9") == setting_value(std::string("caf\xC3\xA9")));
}

TEST_CASE("TOML values no setting can hold are errors") {
    const std::string rule =
        " is not a setting value: arrays hold only strings, only numbers or only booleans, tables only strings, "
        "numbers and booleans or only arrays of them";
    CHECK(message_of([] { (void)parse_setting_value("[1, \"a\"]"); }) == "'[1, \"a\"]'" + rule);
    CHECK(message_of([] { (void)parse_setting_value("[true, 1]"); }) == "'[true, 1]'" + rule);
    CHECK(message_of([] { (void)parse_setting_value("{ a = { b = 1 } }"); }) == "'{ a = { b = 1 } }'" + rule);
    CHECK(message_of([] { (void)parse_setting_value("{ a = [1], b = \"x\" }"); }) == "'{ a = [1], b = \"x\" }'" + rule);
    CHECK(message_of([] { (void)parse_setting_value("{ a = [[1]] }"); }) == "'{ a = [[1]] }'" + rule);
}

TEST_CASE("format_setting_value writes TOML that parses back to the same value") {
    CHECK(format_setting_value(true) == "true");
    CHECK(format_setting_value(std::int64_t{-12}) == "-12");
    CHECK(format_setting_value(0.1) == "0.1");
    CHECK(format_setting_value(2.0) == "2.0");
    CHECK(format_setting_value(1e300) == "1e+300");
    CHECK(format_setting_value(std::string("say \"hi\"\n")) == R"("say \"hi\"\n")");
    CHECK(format_setting_value(std::vector<std::string>{"a", "b"}) == R"(["a", "b"])");
    CHECK(format_setting_value(std::vector<double>{1, 0.5}) == "[1.0, 0.5]");
    CHECK(format_setting_value(std::map<std::string, std::string>{{"mean radius", "r"}, {"x_1", "y"}}) ==
          R"({ "mean radius" = "r", x_1 = "y" })");
    CHECK(format_setting_value(std::map<std::string, std::string>{}) == "{}");

    const setting_value values[] = {
        true,
        std::int64_t{42},
        std::numeric_limits<std::int64_t>::min(),
        0.1 + 0.2,
        -2.0,
        std::numeric_limits<double>::infinity(),
        std::string("tab\there \\ \x01 ünïcode"),
        std::vector<std::string>{"a,b", "\"q\""},
        std::vector<double>{3.0, 1e-7},
        std::map<std::string, std::string>{{"age", "integer"}, {"a.b", "c"}, {"", "empty key"}},
    };
    for (const auto& v : values) {
        CAPTURE(format_setting_value(v));
        CHECK(parse_setting_value(format_setting_value(v)) == v);
    }
}

TEST_CASE("integers are checked for fractions and range") {
    CHECK(assigned<int>(std::int64_t{8}) == 8);
    CHECK(assigned<int>(8.0) == 8);
    CHECK(assign_error<int>(8.5) == "setting 'train.model_trainer.x' expects an integer, got 8.5");
    CHECK(assign_error<int>(std::int64_t{3000000000}) ==
          "setting 'train.model_trainer.x' expects an integer from -2147483648 to 2147483647, got 3000000000");
    CHECK(assign_error<int>(std::string("8")) == "setting 'train.model_trainer.x' expects an integer, got a string");
    CHECK(assign_error<int>(true) == "setting 'train.model_trainer.x' expects an integer, got a boolean");

    CHECK(assigned<unsigned>(std::int64_t{4000000000}) == 4000000000u);
    CHECK(assign_error<unsigned>(std::int64_t{-1}) ==
          "setting 'train.model_trainer.x' expects a non-negative integer, got -1");
    CHECK(assign_error<unsigned>(-2.0) == "setting 'train.model_trainer.x' expects a non-negative integer, got -2");
    CHECK(assign_error<unsigned>(std::int64_t{5000000000}) ==
          "setting 'train.model_trainer.x' expects an integer from 0 to 4294967295, got 5000000000");

    CHECK(assigned<std::int64_t>(std::numeric_limits<std::int64_t>::min()) == std::numeric_limits<std::int64_t>::min());
    CHECK(assigned<std::int64_t>(-9007199254740992.0) == -9007199254740992);
    // 2^63 is one past the largest int64.
    CHECK(assign_error<std::int64_t>(9223372036854775808.0) ==
          "setting 'train.model_trainer.x' expects an integer from -9223372036854775808 to 9223372036854775807, "
          "got 9.223372036854776e+18");

    CHECK(assigned<std::uint64_t>(std::int64_t{42}) == 42u);
    CHECK(assigned<std::uint64_t>(9223372036854775808.0) == 9223372036854775808ull);
    CHECK(assign_error<std::uint64_t>(std::int64_t{-42}) ==
          "setting 'train.model_trainer.x' expects a non-negative integer, got -42");
    CHECK(assign_error<std::uint64_t>(std::numeric_limits<double>::quiet_NaN()) ==
          "setting 'train.model_trainer.x' expects a non-negative integer, got nan");
}

TEST_CASE("the other types take only their own alternative") {
    CHECK(assigned<double>(0.25) == 0.25);
    CHECK(assigned<double>(std::int64_t{3}) == 3.0);
    CHECK(assign_error<double>(std::string("x")) == "setting 'train.model_trainer.x' expects a float, got a string");

    CHECK(assigned<bool>(true));
    CHECK(assign_error<bool>(std::int64_t{1}) == "setting 'train.model_trainer.x' expects a boolean, got an integer");

    CHECK(assigned<std::string>(std::string("gini")) == "gini");
    CHECK(assign_error<std::string>(0.5) == "setting 'train.model_trainer.x' expects a string, got a float");

    using strings = std::vector<std::string>;
    using numbers = std::vector<double>;
    using table = std::map<std::string, std::string>;
    CHECK(assigned<strings>(strings{"a"}) == strings{"a"});
    CHECK(assigned<strings>(numbers{}).empty());
    CHECK(assign_error<strings>(numbers{1}) ==
          "setting 'train.model_trainer.x' expects an array of strings, got an array of numbers");
    CHECK(assign_error<strings>(std::string("a")) ==
          "setting 'train.model_trainer.x' expects an array of strings, got a string");
    CHECK(assigned<numbers>(numbers{1, 2}) == numbers{1, 2});
    CHECK(assigned<numbers>(strings{}).empty());
    CHECK(assign_error<numbers>(strings{"1"}) ==
          "setting 'train.model_trainer.x' expects an array of numbers, got an array of strings");
    CHECK(assigned<table>(table{{"a", "b"}}) == table{{"a", "b"}});
    CHECK(assign_error<table>(strings{}) ==
          "setting 'train.model_trainer.x' expects a table of strings, got an array of strings");
}

TEST_CASE("to_setting_value and assign_setting are inverses") {
    CHECK(assigned<int>(to_setting_value(-7)) == -7);
    CHECK(assigned<unsigned>(to_setting_value(7u)) == 7u);
    CHECK(assigned<std::uint64_t>(to_setting_value(std::uint64_t{1} << 62)) == std::uint64_t{1} << 62);
    CHECK(assigned<double>(to_setting_value(0.125)) == 0.125);
    CHECK(assigned<std::string>(to_setting_value(std::string("s"))) == "s");
    CHECK(to_setting_value(true) == setting_value(true));
    CHECK(message_of([] { (void)to_setting_value(std::numeric_limits<std::uint64_t>::max()); }) ==
          "18446744073709551615 is too large for a TOML integer");
}

TEST_CASE("expand_env substitutes variables and defaults") {
    ::setenv("LOLPOP_TEST_HOME", "/srv/lolpop", 1);
    ::setenv("LOLPOP_TEST_EMPTY", "", 1);
    ::unsetenv("LOLPOP_TEST_UNSET");

    CHECK(lolpop::expand_env("${env:LOLPOP_TEST_HOME}/metadata.db", "k") == "/srv/lolpop/metadata.db");
    CHECK(lolpop::expand_env("${env:LOLPOP_TEST_UNSET:-.lolpop}/m.db", "k") == ".lolpop/m.db");
    CHECK(lolpop::expand_env("${env:LOLPOP_TEST_HOME:-.lolpop}", "k") == "/srv/lolpop");
    CHECK(lolpop::expand_env("${env:LOLPOP_TEST_EMPTY:-fallback}", "k") == "fallback");
    CHECK(lolpop::expand_env("[${env:LOLPOP_TEST_EMPTY}]", "k") == "[]");
    CHECK(lolpop::expand_env("${env:LOLPOP_TEST_UNSET:-}", "k").empty());
    CHECK(lolpop::expand_env("a${env:LOLPOP_TEST_HOME}b${env:LOLPOP_TEST_HOME}", "k") == "a/srv/lolpopb/srv/lolpop");
    CHECK(lolpop::expand_env("cost $5, ${HOME}, $train.x, $", "k") == "cost $5, ${HOME}, $train.x, $");

    CHECK(message_of([] { (void)lolpop::expand_env("${env:LOLPOP_TEST_UNSET}/x", "metadata_tracker.path"); }) ==
          "environment variable 'LOLPOP_TEST_UNSET' is not set (metadata_tracker.path)");
    CHECK(message_of([] { (void)lolpop::expand_env("${env:LOLPOP_TEST_HOME", "k"); }) ==
          "'${env:' without a closing '}' in '${env:LOLPOP_TEST_HOME' (k)");
    CHECK(message_of([] { (void)lolpop::expand_env("${env:}", "k"); }) ==
          "'${env:}' names no variable in '${env:}' (k)");
}

// Round trips through --set and --describe: what a member prints as reads back as the same value.
template <class T>
void check_round_trip(const T& value, std::string_view text) {
    CAPTURE(text);
    CHECK(format_setting_value(to_setting_value(value)) == text);
    CHECK(assigned<T>(parse_setting_value(text)) == value);
}

TEST_CASE("every setting type prints as TOML that reads back as the same value") {
    check_round_trip(short{-7}, "-7");
    check_round_trip(0.1f, "0.1");  // the float's shortest text, not 0.10000000149011612
    check_round_trip(std::numeric_limits<float>::max(), "3.4028235e+38");
    check_round_trip(std::vector<int>{3, -1}, "[3, -1]");
    check_round_trip(std::vector<unsigned>{7}, "[7]");
    check_round_trip(std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::max()}, "[9223372036854775807]");
    check_round_trip(std::vector<std::uint64_t>{1, 2}, "[1, 2]");
    check_round_trip(std::vector<float>{0.25f, 0.1f}, "[0.25, 0.1]");
    check_round_trip(std::vector<double>{1.5, 2.0}, "[1.5, 2.0]");
    check_round_trip(std::vector<bool>{true, false}, "[true, false]");
    check_round_trip(std::vector<int>{}, "[]");
    check_round_trip(std::map<std::string, int>{{"a", 1}, {"b c", -2}}, R"({ a = 1, "b c" = -2 })");
    check_round_trip(std::map<std::string, double>{{"eta", 0.3}}, "{ eta = 0.3 }");
    check_round_trip(std::map<std::string, float>{{"eta", 0.3f}}, "{ eta = 0.3 }");
    check_round_trip(std::map<std::string, bool>{{"on", true}}, "{ on = true }");
    check_round_trip(std::map<std::string, unsigned>{}, "{}");
    check_round_trip(std::map<std::string, std::vector<int>>{{"depth", {3, 6}}}, "{ depth = [3, 6] }");
    check_round_trip(std::map<std::string, std::vector<std::string>>{{"b", {"x"}}}, R"({ b = ["x"] })");

    // A number array of integers takes floats without a fraction, as a scalar does.
    CHECK(assigned<std::vector<int>>(parse_setting_value("[1.0, 2]")) == std::vector<int>{1, 2});
    CHECK(assigned<std::vector<double>>(parse_setting_value("[1, 2]")) == std::vector<double>{1, 2});
    CHECK(assigned<std::map<std::string, double>>(parse_setting_value("{ a = 1 }")) == std::map<std::string, double>{{"a", 1}});
    CHECK(assigned<std::map<std::string, std::string>>(parse_setting_value("{}")).empty());
    CHECK(assigned<std::map<std::string, int>>(parse_setting_value("{}")).empty());
}

TEST_CASE("an optional is set by a value of its type") {
    CHECK(assigned<std::optional<int>>(std::int64_t{4}) == 4);
    CHECK(assigned<std::optional<std::string>>(std::string("x")) == "x");
    CHECK(assigned<std::optional<double>>(std::int64_t{2}) == 2.0);
    CHECK(assign_error<std::optional<int>>(8.5) == "setting 'train.model_trainer.x' expects an integer, got 8.5");
    CHECK(lolpop::setting_text(std::optional<int>{}) == std::nullopt);
    CHECK(lolpop::setting_text(std::optional<int>{5}) == "5");
    CHECK(lolpop::setting_text(std::optional<float>{0.1f}) == "0.1");
}

TEST_CASE("narrowing is an error naming the setting, and the item or entry") {
    CHECK(assign_error<int>(std::int64_t{1} << 40) ==
          "setting 'train.model_trainer.x' expects an integer from -2147483648 to 2147483647, got 1099511627776");
    CHECK(assign_error<short>(std::int64_t{40000}) ==
          "setting 'train.model_trainer.x' expects an integer from -32768 to 32767, got 40000");
    CHECK(assign_error<float>(1e40) ==
          "setting 'train.model_trainer.x' expects a float from -3.4028235e+38 to 3.4028235e+38, got 1e+40");
    CHECK(assigned<float>(std::numeric_limits<double>::infinity()) == std::numeric_limits<float>::infinity());
    CHECK(assign_error<float>(3.4028236e38) ==
          "setting 'train.model_trainer.x' expects a float from -3.4028235e+38 to 3.4028235e+38, got 3.4028236e+38");
    CHECK(assigned<double>(-std::numeric_limits<double>::infinity()) == -std::numeric_limits<double>::infinity());
    CHECK(assign_error<std::vector<int>>(parse_setting_value("[1, 8.5]")) ==
          "setting 'train.model_trainer.x[1]' expects an integer, got 8.5");
    CHECK(assign_error<std::vector<unsigned>>(parse_setting_value("[-1]")) ==
          "setting 'train.model_trainer.x[0]' expects a non-negative integer, got -1");
    CHECK(assign_error<std::vector<float>>(parse_setting_value("[1e40]")) ==
          "setting 'train.model_trainer.x[0]' expects a float from -3.4028235e+38 to 3.4028235e+38, got 1e+40");
    CHECK(assign_error<std::map<std::string, int>>(parse_setting_value("{ a = 1, b = 2.5 }")) ==
          "setting 'train.model_trainer.x.b' expects an integer, got 2.5");
    CHECK(assign_error<std::map<std::string, int>>(parse_setting_value("{ a = 1, \"b c\" = true }")) ==
          "setting 'train.model_trainer.x.\"b c\"' expects an integer, got a boolean");
    CHECK(assign_error<std::map<std::string, std::vector<int>>>(parse_setting_value("{ a = [1, 3000000000] }")) ==
          "setting 'train.model_trainer.x.a[1]' expects an integer from -2147483648 to 2147483647, got 3000000000");
}

TEST_CASE("arrays and tables of the wrong kind are errors naming both kinds") {
    CHECK(assign_error<std::vector<std::string>>(parse_setting_value("[1, 2]")) ==
          "setting 'train.model_trainer.x' expects an array of strings, got an array of integers");
    CHECK(assign_error<std::vector<int>>(parse_setting_value("[\"a\"]")) ==
          "setting 'train.model_trainer.x' expects an array of integers, got an array of strings");
    CHECK(assign_error<std::vector<bool>>(parse_setting_value("[1]")) ==
          "setting 'train.model_trainer.x' expects an array of booleans, got an array of integers");
    CHECK(assign_error<std::vector<double>>(std::int64_t{1}) ==
          "setting 'train.model_trainer.x' expects an array of numbers, got an integer");
    CHECK(assign_error<std::map<std::string, int>>(parse_setting_value("{ a = \"b\" }")) ==
          "setting 'train.model_trainer.x' expects a table of integers, got a table of strings");
    CHECK(assign_error<std::map<std::string, std::vector<int>>>(parse_setting_value("{ a = 1 }")) ==
          "setting 'train.model_trainer.x' expects a table of arrays, got a table of numbers or booleans");
}

TEST_CASE("no floating-point member takes NaN") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(assign_error<double>(nan) == "setting 'train.model_trainer.x' expects a number, got nan");
    CHECK(assign_error<float>(parse_setting_value("nan")) == "setting 'train.model_trainer.x' expects a number, got nan");
    CHECK(assign_error<std::vector<double>>(parse_setting_value("[1.0, nan]")) ==
          "setting 'train.model_trainer.x[1]' expects a number, got nan");
    CHECK(assign_error<std::optional<float>>(nan) == "setting 'train.model_trainer.x' expects a number, got nan");
}

// The types a member may have, and some it may not.
static_assert(lolpop::setting_member<short> && lolpop::setting_member<float> && lolpop::setting_member<std::optional<bool>> &&
              lolpop::setting_member<std::vector<std::uint64_t>> && lolpop::setting_member<std::map<std::string, float>> &&
              lolpop::setting_member<std::map<std::string, std::vector<int>>> && lolpop::setting_member<lolpop::setting_lists>);
static_assert(!lolpop::setting_member<char> && !lolpop::setting_member<long double> &&
              !lolpop::setting_member<std::pair<int, int>> && !lolpop::setting_member<std::vector<std::vector<int>>> &&
              !lolpop::setting_member<std::optional<std::vector<int>>> && !lolpop::setting_member<std::map<int, int>> &&
              !lolpop::setting_member<std::vector<char>>);
// What a generated profile header asks before it assigns a literal.
static_assert(lolpop::holds_integer<int, 2147483647> && !lolpop::holds_integer<int, 2147483648>);
static_assert(!lolpop::holds_integer<unsigned, -1> && !lolpop::holds_integer<std::optional<unsigned>, -1>);
static_assert(lolpop::holds_integer<float, 16777216> && !lolpop::holds_integer<float, 16777217>);
static_assert(!lolpop::holds_integer<double, 9223372036854775807> && !lolpop::holds_integer<std::string, 1>);
static_assert(lolpop::holds_large_float<double> && lolpop::holds_large_float<std::optional<double>> &&
              !lolpop::holds_large_float<float> && !lolpop::holds_large_float<int>);
static_assert(lolpop::integer_width_is<int>(32, true) && lolpop::integer_width_is<std::uint64_t>(64, false) &&
              !lolpop::integer_width_is<unsigned>(32, true));
