#pragma once
// column_transformer — reshapes a frame's columns in a fixed order: select, drop, rename, derive,
// cast.
//
// Settings
//   select  columns to keep, in this order (empty keeps all)
//   drop    columns to remove
//   rename  old name = new name
//   derive  new column = arithmetic over numeric and integer columns: numbers, column names (a
//           bare identifier or `any name` in backquotes), + - * / ^, unary minus, parentheses,
//           log exp sqrt abs min(a, b) max(a, b). The result is numeric. A missing input gives a
//           missing result, as does a result that is not a number (log(-1), 0/0). An expression
//           may use another derived column; naming an existing column replaces it.
//   cast    column = "numeric", "integer" or "categorical" (see lolpop::column::cast)
// Expressions are parsed at construction. Every error names the setting, e.g.
// "column_transformer.drop", and suggests the closest column name.
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop {

class column_transformer {
public:
    struct config {
        std::vector<std::string> select;
        std::vector<std::string> drop;
        std::map<std::string, std::string> rename;
        std::map<std::string, std::string> derive;
        std::map<std::string, std::string> cast;
    };
    static constexpr std::string_view name = "column_transformer";

    // Throws lolpop::error for an expression that does not parse (naming the derived column and
    // the position), derived columns that refer to each other in a cycle, two columns renamed to
    // one name, or an unknown type in `cast`.
    column_transformer(const config& cfg, context& ctx);

    frame transform(const frame& data) const;

private:
    struct derivation;

    config config_;
    // Ordered so that each expression runs after the derived columns it uses.
    std::vector<std::shared_ptr<const derivation>> derivations_;
    std::vector<std::pair<std::string, column_type>> casts_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::column_transformer::config, select, drop, rename, derive, cast);

static_assert(lolpop::data_transformer<lolpop::column_transformer>);
