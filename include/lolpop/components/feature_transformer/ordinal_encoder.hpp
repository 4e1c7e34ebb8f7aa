#pragma once
// ordinal_encoder — replaces each category by its rank among the training categories sorted by
// label (0, 1, ...), as scikit-learn's OrdinalEncoder(handle_unknown="use_encoded_value",
// unknown_value=np.nan): a missing value stays missing, and so does a category training never saw
// (models read it as missing; -1 would pose as a real rank).
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class ordinal_encoder {
public:
    struct config {
        std::vector<std::string> columns = {};  // categorical columns; empty = all of them
    };
    struct cell_op {
        bool active = false;        // false: the value passes through
        std::vector<double> ranks;  // by input code; NaN for a category training never saw
        double operator()(double v) const noexcept {
            if (!active || std::isnan(v)) return v;
            return ranks[static_cast<std::size_t>(v)];
        }
    };
    static constexpr std::string_view name = "ordinal_encoder";

    ordinal_encoder(const config& settings, context& ctx);

    void fit(const frame& X);
    frame transform(const frame& X) const;
    row_plan<cell_op> plan(const row_layout& in) const;
    std::string save_state() const;
    void load_state(std::string_view bytes);

private:
    struct fitted {
        std::string column;
        std::vector<std::string> categories;  // sorted
    };
    config config_;
    bool fitted_ = false;
    std::vector<fitted> columns_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::ordinal_encoder::config, columns);

static_assert(lolpop::row_feature_transformer<lolpop::ordinal_encoder>);
