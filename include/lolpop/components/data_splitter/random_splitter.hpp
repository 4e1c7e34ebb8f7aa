#pragma once
// random_splitter — a seeded shuffle of the rows cut into train, validation and test parts.
// The same data and seed give the same split on every platform. The target column becomes each
// part's y, the other columns its X; a missing target value is an error.
#include <lolpop/concepts/data_splitter.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/split.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace lolpop {

class random_splitter {
public:
    struct config {
        double train_ratio = 0.8;
        double valid_ratio = 0.0;
        double test_ratio = 0.2;
        std::uint64_t seed = 42;
    };
    static constexpr std::string_view name = "random_splitter";

    // Throws lolpop::error naming the setting unless every ratio is in [0, 1], train_ratio is
    // above 0 and the three sum to 1.
    random_splitter(const config& cfg, context& ctx);

    data_split split_data(const frame& data, const std::string& target) const;

private:
    config config_;
    const context* ctx_;  // the split sizes are logged through it
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::random_splitter::config, train_ratio, valid_ratio, test_ratio, seed);

static_assert(lolpop::data_splitter<lolpop::random_splitter>);
