#include <lolpop/components/data_splitter/stratified_splitter.hpp>

#include "detail/row_split.hpp"

#include <range/v3/action/push_back.hpp>

#include <algorithm>
#include <map>
#include <random>

namespace lolpop {

stratified_splitter::stratified_splitter(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    detail::check_split_ratios(cfg.train_ratio, cfg.valid_ratio, cfg.test_ratio, name);
}

data_split stratified_splitter::split_data(const frame& data, const std::string& target) const {
    const column& y = detail::split_target(data, target, name);
    // Keyed by value (the code for a categorical target), so classes are visited in one fixed
    // order and the split depends only on the data and the seed.
    std::map<double, std::vector<std::size_t>> classes;
    for (std::size_t r = 0; r < y.size(); ++r) classes[y.as_double(r)].push_back(r);

    std::mt19937_64 rng(config_.seed);
    std::vector<std::size_t> train, valid, test;
    for (auto& entry : classes) {
        // A reference, not a structured binding: clang 14 cannot capture a binding in a lambda.
        std::vector<std::size_t>& rows = entry.second;
        detail::shuffle_rows(rows, rng);
        auto [train_end, valid_end] = detail::split_points(rows.size(), config_.train_ratio, config_.valid_ratio);
        // A class absent from training could never be predicted.
        train_end = std::max<std::size_t>(train_end, 1);
        valid_end = std::max(valid_end, train_end);
        const detail::row_parts parts = detail::cut_rows(rows, train_end, valid_end);
        ranges::push_back(train, parts.train);
        ranges::push_back(valid, parts.valid);
        ranges::push_back(test, parts.test);
    }
    // Otherwise each part would list all of one class, then all of the next.
    detail::shuffle_rows(train, rng);
    detail::shuffle_rows(valid, rng);
    detail::shuffle_rows(test, rng);
    return detail::assemble_split(data, target, {train, valid, test}, *ctx_, name);
}

}  // namespace lolpop
