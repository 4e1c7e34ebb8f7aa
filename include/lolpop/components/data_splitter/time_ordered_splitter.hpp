#pragma once
// time_ordered_splitter — a chronological split: the oldest rows train, the next validate, the
// most recent test, so a model is always scored on a period after the one it learned from (the
// way it will be used). Nothing is shuffled.
//
// With time_column set, the rows are first put in the order of that column (numbers, or ISO 8601
// dates or date-times; rows at the same time keep their order) and the column stays a feature
// like any other; without it, the rows must already be in time order, as timeseries_runner
// hands them over. The target column becomes each part's y, the other columns its X; a missing
// target value is an error.
#include <lolpop/concepts/data_splitter.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/split.hpp>

#include <string>
#include <string_view>

namespace lolpop {

class time_ordered_splitter {
public:
    struct config {
        double train_ratio = 0.8;
        double valid_ratio = 0.0;
        double test_ratio = 0.2;
        std::string time_column = "";  // "" = the rows are in time order already
    };
    static constexpr std::string_view name = "time_ordered_splitter";

    // Throws lolpop::error naming the setting unless every ratio is in [0, 1], train_ratio is
    // above 0 and the three sum to 1.
    time_ordered_splitter(const config& cfg, context& ctx);

    // Throws lolpop::error for an absent target or time column (with a did-you-mean), a missing
    // target value, and a missing or unreadable time.
    data_split split_data(const frame& data, const std::string& target) const;

private:
    config config_;
    const context* ctx_;  // the split sizes are logged through it
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::time_ordered_splitter::config, train_ratio, valid_ratio, test_ratio, time_column);

static_assert(lolpop::data_splitter<lolpop::time_ordered_splitter>);
