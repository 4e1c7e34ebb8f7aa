#pragma once
// lolpop::testing::check_data_connector_laws(connector, target) — checks that a data connector of
// one's own keeps what lolpop::data_connector promises, in one line of a test:
//
//   CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(connector, "scratch_table"));
//
// With `target` an address the connector may write (a file path, a table name), it checks that
//   - get_data(target) after save_data(f, target) gives f: the same columns in the same order,
//     their types, values and missing values;
//   - reading again gives the same: get_data changes nothing;
//   - save_data(g, target) then replaces what was there: get_data gives g, nothing of f.
// f and g hold a column of each type with missing values in each, values that round trip through
// text (no category that reads as a number, as a CSV file would make it), and differ in columns
// and rows; pass frames of one's own to check the laws on other data. A failure throws
// lolpop::error naming the law, the connector and the first difference (the column, the row, the
// value saved and the value read).
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace lolpop::testing {

namespace detail {

inline std::string value_text(const column& c, std::size_t row) {
    if (c.is_missing(row)) return "missing";
    if (c.type() == column_type::categorical) return "'" + c.to_string(row) + "'";
    return c.to_string(row);
}

// The first way `read` differs from `saved`, or nothing when it is the same frame.
inline std::optional<std::string> first_difference(const frame& saved, const frame& read) {
    if (saved.names() != read.names()) {
        std::string names;
        for (const auto& n : read.names()) names += (names.empty() ? "'" : ", '") + n + "'";
        return std::to_string(saved.cols()) + " columns were saved but the columns read are [" + names + "]";
    }
    if (saved.rows() != read.rows())
        return std::to_string(saved.rows()) + " rows were saved but " + std::to_string(read.rows()) + " are read";
    for (std::size_t j = 0; j < saved.cols(); ++j) {
        const column& a = saved.columns()[j];
        const column& b = read.columns()[j];
        if (a.type() != b.type())
            return "column '" + a.name() + "' was saved " + std::string(to_string(a.type())) + " but reads " +
                   std::string(to_string(b.type()));
        for (std::size_t row = 0; row < saved.rows(); ++row) {
            const bool same = a.is_missing(row) || b.is_missing(row)
                                  ? a.is_missing(row) == b.is_missing(row)
                                  : a.type() == column_type::categorical ? a.to_string(row) == b.to_string(row)
                                  : a.type() == column_type::integer     ? a.integer_values()[row] == b.integer_values()[row]
                                                                         : a.numeric_values()[row] == b.numeric_values()[row];
            if (!same)
                return "column '" + a.name() + "' row " + std::to_string(row + 1) + " was saved as " + value_text(a, row) +
                       " but reads " + value_text(b, row);
        }
    }
    return std::nullopt;
}

inline frame first_law_frame() {
    constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    return frame({column::integer("id", {1, -2, 3, 40000000000, 5}),
                  column::numeric("weight", {71.5, missing, -0.001, 2.0, 1e-7}),
                  column::integer("age", {34, 0, 51, 29, 0}, {true, false, true, true, false}),
                  column::categorical("city", {"Oslo", "Lima", std::nullopt, "São Paulo", "a, \"quoted\" one"})});
}

inline frame second_law_frame() {
    return frame({column::categorical("label", {std::nullopt, "yes", "no"}),
                  column::numeric("score", {0.25, std::numeric_limits<double>::quiet_NaN(), -3.5})});
}

}  // namespace detail

template <data_connector C>
void check_data_connector_laws(C& connector, const std::string& target, const frame& first = detail::first_law_frame(),
                               const frame& second = detail::second_law_frame()) {
    const std::string where = std::string(C::name) + ", target '" + target + "'";
    const auto check = [&](const frame& saved, std::string_view law) {
        if (auto difference = detail::first_difference(saved, connector.get_data(target)))
            throw error("data connector law: " + std::string(law) + ": " + *difference, where);
    };
    connector.save_data(first, target);
    check(first, "get_data after save_data gives the frame saved");
    check(first, "get_data again gives the same frame");
    connector.save_data(second, target);
    check(second, "save_data to a target that holds data replaces it");
}

}  // namespace lolpop::testing
