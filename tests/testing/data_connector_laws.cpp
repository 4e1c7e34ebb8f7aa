// lolpop::testing::check_data_connector_laws on connectors kept in memory: a faithful one, and
// broken ones that each break one law. (lolpop's own connectors are checked in their tests.)
#include <lolpop/testing/data_connector_laws.hpp>

#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include "../message_of.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

using lolpop::column;
using lolpop::column_type;
using lolpop::frame;

enum class fault { none, drops_missing_values, appends, reverses_columns };

// Frames kept by target, changed on the way as `Fault` says.
template <fault Fault>
struct memory_connector {
    struct config {};
    static constexpr std::string_view name = "memory_connector";
    memory_connector(const config&, lolpop::context&) {}

    frame get_data(const std::string& source) { return stored.at(source); }

    void save_data(const frame& f, const std::string& target) {
        if constexpr (Fault == fault::appends) {
            if (stored.count(target)) {
                frame both = stored.at(target);
                for (const auto& c : f.columns())
                    if (!both.has(c.name())) both.add(c.take(std::vector<std::size_t>(both.rows(), 0)));
                stored.insert_or_assign(target, both);
                return;
            }
        }
        if constexpr (Fault == fault::reverses_columns) {
            std::vector<column> reversed(f.columns().rbegin(), f.columns().rend());
            stored.insert_or_assign(target, frame(std::move(reversed)));
            return;
        }
        if constexpr (Fault == fault::drops_missing_values) {
            // Missing numbers stored as 0, as a careless writer of a format without NULL would.
            std::vector<column> columns;
            for (const auto& c : f.columns()) {
                if (c.type() != column_type::numeric) {
                    columns.push_back(c);
                    continue;
                }
                std::vector<double> values(c.numeric_values().begin(), c.numeric_values().end());
                for (auto& v : values)
                    if (std::isnan(v)) v = 0;
                columns.push_back(column::numeric(c.name(), std::move(values)));
            }
            stored.insert_or_assign(target, frame(std::move(columns)));
            return;
        }
        stored.insert_or_assign(target, f);
    }

    std::map<std::string, frame> stored;
};

}  // namespace

LOLPOP_NO_SETTINGS(memory_connector<fault::none>::config);
LOLPOP_NO_SETTINGS(memory_connector<fault::drops_missing_values>::config);
LOLPOP_NO_SETTINGS(memory_connector<fault::appends>::config);
LOLPOP_NO_SETTINGS(memory_connector<fault::reverses_columns>::config);

namespace {

template <fault Fault>
std::string law_error() {
    lolpop::context ctx;
    memory_connector<Fault> connector({}, ctx);
    return message_of([&] { lolpop::testing::check_data_connector_laws(connector, "t"); });
}

}  // namespace

TEST_CASE("check_data_connector_laws passes a connector that keeps what it saves") {
    CHECK(law_error<fault::none>() == "no error");
}

TEST_CASE("check_data_connector_laws names the first difference of a connector that breaks a law") {
    CHECK(law_error<fault::drops_missing_values>() ==
          "data connector law: get_data after save_data gives the frame saved: column 'weight' row 2 was saved as "
          "missing but reads 0 (memory_connector, target 't')");
    CHECK(law_error<fault::reverses_columns>() ==
          "data connector law: get_data after save_data gives the frame saved: 4 columns were saved but the columns "
          "read are ['city', 'age', 'weight', 'id'] (memory_connector, target 't')");
    CHECK(law_error<fault::appends>() ==
          "data connector law: save_data to a target that holds data replaces it: 2 columns were saved but the columns "
          "read are ['id', 'weight', 'age', 'city', 'label', 'score'] (memory_connector, target 't')");
}

TEST_CASE("check_data_connector_laws checks frames of one's own") {
    lolpop::context ctx;
    memory_connector<fault::drops_missing_values> connector({}, ctx);
    const frame whole({column::numeric("x", {1.5, 2.5})});
    CHECK_NOTHROW(lolpop::testing::check_data_connector_laws(connector, "t", whole, whole));
    const frame gaps({column::numeric("x", {1.5, std::nan("")})});
    CHECK(message_of([&] { lolpop::testing::check_data_connector_laws(connector, "t", gaps, whole); }) ==
          "data connector law: get_data after save_data gives the frame saved: column 'x' row 2 was saved as missing "
          "but reads 0 (memory_connector, target 't')");
}
