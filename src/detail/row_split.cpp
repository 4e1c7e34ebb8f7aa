#include "detail/row_split.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lolpop::detail {
namespace {

// Uniform in [0, bound) by rejection: the raw values below 2^64 mod bound would favour small
// results, so they are drawn again.
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t reject_below = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= reject_below) return r % bound;
    }
}

std::size_t rounded(double x, std::size_t n) { return std::min(n, static_cast<std::size_t>(std::llround(x))); }

}  // namespace

void check_split_ratios(double train, double valid, double test, std::string_view component) {
    const std::pair<std::string_view, double> ratios[] = {
        {"train_ratio", train}, {"valid_ratio", valid}, {"test_ratio", test}};
    for (const auto& [key, r] : ratios)
        if (!(r >= 0.0 && r <= 1.0))
            throw error(fmt::format("{} must be between 0 and 1, got {}", key, r),
                        fmt::format("{}.{}", component, key));
    if (train == 0.0)
        throw error("train_ratio must be above 0: a model needs training rows",
                    fmt::format("{}.train_ratio", component));
    const double sum = train + valid + test;
    if (std::abs(sum - 1.0) > 1e-9)
        throw error(fmt::format("train_ratio + valid_ratio + test_ratio must be 1, got {}", sum),
                    std::string(component));
}

void shuffle_rows(std::vector<std::size_t>& rows, std::mt19937_64& rng) {
    for (std::size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[uniform_below(rng, i)]);
}

std::pair<std::size_t, std::size_t> split_points(std::size_t n, double train, double valid) {
    const double size = static_cast<double>(n);
    const std::size_t train_end = rounded(size * train, n);
    return {train_end, std::max(train_end, rounded(size * (train + valid), n))};
}

const column& split_target(const frame& data, const std::string& target, std::string_view component) {
    if (!data.has(target)) {
        auto names = data.names();
        throw error(fmt::format("the target '{}' is not a column of the data{}", target, did_you_mean(target, names)),
                    std::string(component));
    }
    const column& y = data[target];
    for (std::size_t r = 0; r < y.size(); ++r)
        if (y.is_missing(r))
            throw error(fmt::format("the target '{}' is missing in row {}", target, r + 1), std::string(component));
    return y;
}

row_parts cut_rows(std::span<const std::size_t> rows, std::size_t train_end, std::size_t valid_end) {
    return {rows.first(train_end), rows.subspan(train_end, valid_end - train_end), rows.subspan(valid_end)};
}

data_split assemble_split(const frame& data, const std::string& target, const row_parts& rows, const context& ctx,
                          std::string_view component) {
    ctx.log(log_level::info, fmt::format("{}: split {} rows: train {}, valid {}, test {}", component, data.rows(),
                                         rows.train.size(), rows.valid.size(), rows.test.size()));
    const std::string target_name[] = {target};
    const frame features = data.drop(target_name);
    const column& y = data[target];
    auto part = [&](std::span<const std::size_t> part_rows) {
        return labeled_data{features.take(part_rows), y.take(part_rows)};
    };
    return data_split{part(rows.train), part(rows.valid), part(rows.test)};
}

}  // namespace lolpop::detail
