#include <lolpop/analysis/column_profile.hpp>

#include "detail/sample_statistics.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>

#include <fmt/format.h>
#include <range/v3/iterator/operations.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/range/operations.hpp>
#include <range/v3/view/chunk_by.hpp>
#include <range/v3/view/zip.hpp>

#include <algorithm>
#include <numeric>

namespace lolpop {
namespace {

// Most frequent first, ties in ascending value order; `runs` is in ascending value order.
std::vector<column_profile::value_count> top_of(std::vector<column_profile::value_count> runs, std::size_t top) {
    std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
    if (runs.size() > top) runs.resize(top);
    return runs;
}

std::vector<column_profile::bin> histogram_of(const std::vector<double>& sorted, std::size_t bins) {
    double lower = sorted.front(), upper = sorted.back();
    if (lower == upper) {
        lower -= 0.5;
        upper += 0.5;
    }
    // numpy.linspace's edges, so that values on an edge fall in the same bin as numpy.histogram's.
    const double step = (upper - lower) / static_cast<double>(bins);
    std::vector<double> edges(bins + 1);
    for (std::size_t k = 0; k < bins; ++k) edges[k] = static_cast<double>(k) * step + lower;
    edges[bins] = upper;

    std::vector<column_profile::bin> out(bins);
    for (std::size_t k = 0; k < bins; ++k) out[k] = {edges[k], edges[k + 1], 0};
    for (double v : sorted) {
        const auto above = std::upper_bound(edges.begin(), edges.end(), v) - edges.begin();
        out[std::min<std::size_t>(static_cast<std::size_t>(above - 1), bins - 1)].count += 1;
    }
    return out;
}

void profile_numbers(const column& c, column_profile& p, std::size_t bins, std::size_t top) {
    // Rows of the present values in ascending value order, so that runs of equal values give
    // the distinct count and the top values, and the values themselves the quantiles.
    std::vector<std::size_t> rows = views::present_rows(c) | ranges::to<std::vector>();
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return c.as_double(a) < c.as_double(b); });
    if (rows.empty()) return;

    std::vector<double> sorted(rows.size());
    std::transform(rows.begin(), rows.end(), sorted.begin(), [&](std::size_t r) { return c.as_double(r); });

    std::vector<column_profile::value_count> runs;
    const auto same_value = [](const auto& a, const auto& b) { return a.second == b.second; };
    for (const auto run : ranges::views::zip(rows, sorted) | ranges::views::chunk_by(same_value))
        runs.push_back({c.to_string(ranges::front(run).first), static_cast<std::size_t>(ranges::distance(run))});
    p.distinct = runs.size();
    p.top_values = top_of(std::move(runs), top);

    const double mean = detail::mean_of(sorted);
    p.numeric = column_profile::numeric_stats{mean,
                                              detail::sample_std(sorted, mean),
                                              sorted.front(),
                                              detail::sorted_quantile(sorted, 0.25),
                                              detail::sorted_quantile(sorted, 0.5),
                                              detail::sorted_quantile(sorted, 0.75),
                                              sorted.back()};
    p.histogram = histogram_of(sorted, bins);
}

void profile_categories(const column& c, column_profile& p, std::size_t top) {
    const auto& labels = c.categories();
    std::vector<std::size_t> counts(labels.size(), 0);
    for (std::int32_t code : c.codes())
        if (code >= 0) counts[static_cast<std::size_t>(code)] += 1;

    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return labels[a] < labels[b]; });
    std::vector<column_profile::value_count> runs;
    for (std::size_t k : order)
        if (counts[k] > 0) runs.push_back({labels[k], counts[k]});
    p.distinct = runs.size();
    p.top_values = top_of(std::move(runs), top);
}

}  // namespace

double column_profile::missing_fraction() const noexcept {
    const std::size_t rows = count + missing;
    return rows == 0 ? 0.0 : static_cast<double>(missing) / static_cast<double>(rows);
}

std::vector<column_profile> profile_columns(const frame& data, int bins, int top_values) {
    if (bins < 1) throw error(fmt::format("a histogram needs at least 1 bin, got {}", bins), "profile_columns");
    if (top_values < 0) throw error(fmt::format("the number of top values cannot be negative, got {}", top_values), "profile_columns");
    std::vector<column_profile> out;
    out.reserve(data.cols());
    for (const column& c : data.columns()) {
        column_profile p;
        p.name = c.name();
        p.type = c.type();
        p.missing = c.missing_count();
        p.count = c.size() - p.missing;
        if (c.type() == column_type::categorical)
            profile_categories(c, p, static_cast<std::size_t>(top_values));
        else
            profile_numbers(c, p, static_cast<std::size_t>(bins), static_cast<std::size_t>(top_values));
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace lolpop
