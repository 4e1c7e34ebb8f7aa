#include <lolpop/components/data_splitter/time_ordered_splitter.hpp>
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/data/time_points.hpp>

#include "detail/row_split.hpp"

#include <fmt/format.h>

#include <numeric>

namespace lolpop {

time_ordered_splitter::time_ordered_splitter(const config& cfg, context& ctx) : config_(cfg), ctx_(&ctx) {
    detail::check_split_ratios(cfg.train_ratio, cfg.valid_ratio, cfg.test_ratio, name);
}

data_split time_ordered_splitter::split_data(const frame& data, const std::string& target) const {
    (void)detail::split_target(data, target, name);
    std::vector<std::size_t> rows(data.rows());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    if (!config_.time_column.empty()) {
        const std::string where = fmt::format("{}.time_column", name);
        if (!data.has(config_.time_column)) {
            const auto names = data.names();
            throw error(fmt::format("time_column '{}' is not a column of the data{}", config_.time_column,
                                    did_you_mean(config_.time_column, names)),
                        where);
        }
        rows = time_points(data[config_.time_column], fmt::format("{} '{}'", where, config_.time_column)).order();
    }

    const auto [train_end, valid_end] = detail::split_points(rows.size(), config_.train_ratio, config_.valid_ratio);
    return detail::assemble_split(data, target, detail::cut_rows(rows, train_end, valid_end), *ctx_, name);
}

}  // namespace lolpop
