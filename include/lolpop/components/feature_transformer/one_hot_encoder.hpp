#pragma once
// one_hot_encoder — replaces a categorical column by one 0/1 column per training category, as
// scikit-learn's OneHotEncoder(handle_unknown="ignore"): categories sorted by label, columns named
// "<column>_<label>"; a category training never saw gives all zeros. When the training column has
// missing values, missing is a category of its own, last, named "<column>_nan" (scikit-learn's
// name for it); otherwise a missing value gives all zeros, like an unknown one.
#include <lolpop/concepts/row_feature_transformer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

class one_hot_encoder {
public:
    struct config {
        std::vector<std::string> columns = {};  // categorical columns; empty = all of them
    };
    struct cell_op {
        enum class test : std::uint8_t { none, equals, missing };
        test kind = test::none;  // none: the value passes through
        double code = -1;        // equals: the input code of this output's category (-1: absent)
        double operator()(double v) const noexcept {
            switch (kind) {
                case test::equals: return v == code ? 1.0 : 0.0;
                case test::missing: return std::isnan(v) ? 1.0 : 0.0;
                case test::none: break;
            }
            return v;
        }
    };
    static constexpr std::string_view name = "one_hot_encoder";

    one_hot_encoder(const config& settings, context& ctx);

    void fit(const frame& X);
    frame transform(const frame& X) const;
    // Throws lolpop::error when an output name is already a column of `in`.
    row_plan<cell_op> plan(const row_layout& in) const;
    std::string save_state() const;
    void load_state(std::string_view bytes);

private:
    struct fitted {
        std::string column;
        std::vector<std::string> categories;  // sorted
        bool missing = false;                 // missing is a category
    };
    config config_;
    bool fitted_ = false;
    std::vector<fitted> columns_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::one_hot_encoder::config, columns);

static_assert(lolpop::row_feature_transformer<lolpop::one_hot_encoder>);
