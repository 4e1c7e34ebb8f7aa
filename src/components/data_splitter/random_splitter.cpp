#include <lolpop/components/data_splitter/random_splitter.hpp>

#include "detail/row_split.hpp"

#include <numeric>
#include <random>

namespace lolpop {

random_splitter::random_splitter(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    detail::check_split_ratios(cfg.train_ratio, cfg.valid_ratio, cfg.test_ratio, name);
}

data_split random_splitter::split_data(const frame& data, const std::string& target) const {
    (void)detail::split_target(data, target, name);
    std::vector<std::size_t> rows(data.rows());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    std::mt19937_64 rng(config_.seed);
    detail::shuffle_rows(rows, rng);

    const auto [train_end, valid_end] = detail::split_points(rows.size(), config_.train_ratio, config_.valid_ratio);
    return detail::assemble_split(data, target, detail::cut_rows(rows, train_end, valid_end), *ctx_, name);
}

}  // namespace lolpop
