#pragma once
// What the feature transformers' tests share: the penguins they fit on, scikit-learn's outputs for
// them (tests/fixtures/feature_transformers_reference.py) and the checks every transformer passes.
#include <lolpop/core/context.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include "../../message_of.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>

namespace lolpop_test {

inline const lolpop::frame& penguins() {
    static const lolpop::frame f = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    return f;
}

// Unknown and missing categories, missing numbers, values outside the training range.
inline const lolpop::frame& new_penguins() {
    static const lolpop::frame f = lolpop::read_csv_file(LOLPOP_TEST_DATA "/feature_transformers_new.csv");
    return f;
}

// Compares `out` with every reference value of `case_name` for `part` ("train": penguins, "new":
// new_penguins) within 1e-12 (relative above 1); missing must be missing. Returns the number of
// values compared, so that a test also notices when there were none.
inline std::size_t check_against_sklearn(const lolpop::frame& out, const std::string& case_name, const std::string& part) {
    static const lolpop::frame reference = lolpop::read_csv_file(
        LOLPOP_TEST_DATA "/feature_transformers_reference.csv",
        {',',
         {{"case", "categorical"}, {"part", "categorical"}, {"row", "integer"}, {"column", "categorical"},
          {"value", "numeric"}}});
    std::size_t compared = 0;
    for (std::size_t r = 0; r < reference.rows(); ++r) {
        if (reference["case"].to_string(r) != case_name || reference["part"].to_string(r) != part) continue;
        const std::string column = reference["column"].to_string(r);
        const auto row = static_cast<std::size_t>(reference["row"].integer_values()[r]);
        INFO(case_name, " ", part, " row ", row, " column '", column, "'");
        REQUIRE(out.has(column));
        const double expected = reference["value"].as_double(r);
        const double actual = out[column].as_double(row);
        if (std::isnan(expected))
            CHECK(std::isnan(actual));
        else
            CHECK(std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected)));
        ++compared;
    }
    return compared;
}

// Fits T with `settings` on penguins and checks both parts against scikit-learn.
template <class T>
T fitted_on_penguins(const typename T::config& settings, const std::string& case_name) {
    lolpop::context ctx;
    T t(settings, ctx);
    t.fit(penguins());
    CHECK(check_against_sklearn(t.transform(penguins()), case_name, "train") > 0);
    CHECK(check_against_sklearn(t.transform(new_penguins()), case_name, "new") > 0);
    return t;
}

// A fresh T loads what `fitted` saved and transforms as it does; bytes it did not save are refused.
template <class T>
void check_state_round_trip(const T& fitted, const typename T::config& settings) {
    lolpop::context ctx;
    T loaded(settings, ctx);
    loaded.load_state(fitted.save_state());
    CHECK(loaded.transform(new_penguins()) == fitted.transform(new_penguins()));
    CHECK(loaded.save_state() == fitted.save_state());

    const std::string not_saved = "not a saved " + std::string(T::name) + " state";
    CHECK(message_of([&] { loaded.load_state("step = [unclosed"); }).starts_with(not_saved));
    std::string other = fitted.save_state();
    other.replace(other.find(T::name), T::name.size(), "someone_else");
    CHECK(message_of([&] { loaded.load_state(other); }).starts_with(not_saved));
    // A refused state leaves what was loaded before.
    CHECK(loaded.transform(new_penguins()) == fitted.transform(new_penguins()));
}

// The errors every transformer gives: its columns setting naming an absent column or one of the
// wrong kind, use before fit, and data without a column it was fitted on.
template <class T>
void check_bad_input(typename T::config settings, const std::string& wrong_kind_column) {
    lolpop::context ctx;
    T unfitted(settings, ctx);
    CHECK(message_of([&] { (void)unfitted.transform(penguins()); }) ==
          "used before fit: fit it on training data first (" + std::string(T::name) + ")");
    CHECK(message_of([&] { (void)unfitted.save_state(); }).starts_with("used before fit"));

    const std::string where = " (" + std::string(T::name) + ".columns)";
    settings.columns = {"Sexx"};
    CHECK(message_of([&] { T(settings, ctx).fit(penguins()); }) == "no column named 'Sexx' (did you mean 'Sex'?)" + where);
    settings.columns = {wrong_kind_column};
    CHECK(message_of([&] { T(settings, ctx).fit(penguins()); }).starts_with("column '" + wrong_kind_column + "' is "));
    settings.columns = {};

    T t(settings, ctx);
    t.fit(penguins());
    const lolpop::frame without = penguins().drop(std::vector<std::string>{"Sex", "Body Mass (g)"});
    CHECK(message_of([&] { (void)t.transform(without); }).starts_with("the data has no column '"));
}

}  // namespace lolpop_test
