#include <lolpop/analysis/drift.hpp>

#include "detail/sample_statistics.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <range/v3/range/conversion.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numbers>
#include <optional>

namespace lolpop {
namespace {

constexpr double fraction_floor = 1e-4;
constexpr std::size_t exact_ks_limit = 10000;

bool is_numeric_like(const column& c) { return c.type() != column_type::categorical; }

std::vector<double> sorted_present(std::span<const double> values) {
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (!std::isnan(v)) out.push_back(v);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<double> values_of(const column& c) { return views::as_doubles(c) | ranges::to<std::vector>(); }

// P(D >= h / m) for two samples of m values each: the alternating sum over reflections of the
// boundary, factored Horner-style so that it does not cancel (Hodges 1958).
double equal_sizes_p_value(std::int64_t m, std::int64_t h) {
    double p = 0.0;
    for (std::int64_t k = m / h; k >= 0; --k) {
        double term = 1.0;
        // A factor reaches 0 before any turns negative, so the term is then 0.
        for (std::int64_t j = 0; j < h; ++j)
            term = static_cast<double>(m - k * h - j) * term / static_cast<double>(m + k * h + j + 1);
        p = term * (1.0 - p);
    }
    return 2.0 * p;
}

// P(max |x n - y m| >= h) over the merged order of m reference and n current values, every order
// equally likely. The path walks from (0, 0) to (m, n); the probability mass that steps out of
// the band is summed as it leaves, which keeps small p-values accurate (1 - P(inside) would not).
double lattice_p_value(std::int64_t m, std::int64_t n, std::int64_t h) {
    const auto floor_div = [](std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
    // The band's rows in column x: (x n - h) / m < y < (x n + h) / m.
    const auto band = [&](std::int64_t x) {
        return std::pair{std::max<std::int64_t>(0, floor_div(x * n - h, m) + 1),
                         std::min<std::int64_t>(n, floor_div(x * n + h - 1, m))};
    };
    // 1 / (values still to come), by values already placed: a multiplication per step, not a
    // division, in the loop that runs up to m n times.
    std::vector<double> inverse_remaining(static_cast<std::size_t>(m + n));
    for (std::int64_t placed = 0; placed < m + n; ++placed)
        inverse_remaining[static_cast<std::size_t>(placed)] = 1.0 / static_cast<double>(m + n - placed);

    std::vector<double> here(static_cast<std::size_t>(n) + 1, 0.0), next(here.size(), 0.0);
    here[0] = 1.0;
    double outside = 0.0;
    auto [lo, hi] = band(0);
    for (std::int64_t x = 0; x <= m; ++x) {
        const auto [next_lo, next_hi] = x < m ? band(x + 1) : std::pair<std::int64_t, std::int64_t>{1, 0};
        for (std::int64_t y = lo; y <= hi; ++y) {
            const double mass = here[static_cast<std::size_t>(y)];
            if (mass == 0.0 || x + y == m + n) continue;
            const double share = mass * inverse_remaining[static_cast<std::size_t>(x + y)];
            if (y < n) {
                const double step = share * static_cast<double>(n - y);
                if (y + 1 <= hi)
                    here[static_cast<std::size_t>(y + 1)] += step;
                else
                    outside += step;
            }
            if (x < m) {
                const double step = share * static_cast<double>(m - x);
                if (y >= next_lo && y <= next_hi)
                    next[static_cast<std::size_t>(y)] += step;
                else
                    outside += step;
            }
        }
        for (std::int64_t y = lo; y <= hi; ++y) here[static_cast<std::size_t>(y)] = 0.0;
        std::swap(here, next);
        lo = next_lo;
        hi = next_hi;
    }
    return outside;
}

// Kolmogorov's limiting distribution: P(K > x), each series summed until it stops changing.
double kolmogorov_survival(double x) {
    if (x <= 0) return 1.0;
    double sum = 0.0;
    if (x < 1.18) {
        // Converges fast for small x where the alternating series below does not.
        const double pi2 = std::numbers::pi * std::numbers::pi;
        for (int k = 1; k < 100; k += 2) {
            const double term = std::exp(-static_cast<double>(k * k) * pi2 / (8.0 * x * x));
            sum += term;
            if (term <= sum * 1e-17) break;
        }
        return 1.0 - std::sqrt(2.0 * std::numbers::pi) / x * sum;
    }
    for (int k = 1; k < 100; ++k) {
        const double term = std::exp(-2.0 * static_cast<double>(k * k) * x * x);
        sum += (k % 2 == 1 ? term : -term);
        if (term <= std::abs(sum) * 1e-17) break;
    }
    return 2.0 * sum;
}

double psi_of_counts(const std::vector<double>& reference, double reference_rows, const std::vector<double>& current,
                     double current_rows) {
    double psi = 0.0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const double e = std::max(reference[i] / reference_rows, fraction_floor);
        const double a = std::max(current[i] / current_rows, fraction_floor);
        psi += (a - e) * std::log(a / e);
    }
    return psi;
}

// Counts per bin: the bins below, between and above `edges`, then the missing values.
std::vector<double> binned(const column& c, const std::vector<double>& edges) {
    std::vector<double> counts(edges.size() + 2, 0.0);
    for (const double v : views::as_doubles(c)) {
        if (std::isnan(v)) {
            counts.back() += 1;
            continue;
        }
        counts[static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin())] += 1;
    }
    return counts;
}

double numeric_psi(const column& reference, const column& current, int bins) {
    const std::vector<double> sorted = sorted_present(values_of(reference));
    std::vector<double> edges;
    if (!sorted.empty())
        for (int k = 1; k < bins; ++k)
            edges.push_back(detail::sorted_quantile(sorted, static_cast<double>(k) / static_cast<double>(bins)));
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return psi_of_counts(binned(reference, edges), static_cast<double>(reference.size()), binned(current, edges),
                         static_cast<double>(current.size()));
}

double label_psi(const column& reference, const column& current) {
    // Keyed by label, as the two columns' codes need not agree; no label is the missing values' bin.
    const auto label = [](const column& c, std::size_t r) {
        return c.is_missing(r) ? std::nullopt : std::optional<std::string>(c.to_string(r));
    };
    std::map<std::optional<std::string>, std::pair<double, double>> counts;
    for (std::size_t r = 0; r < reference.size(); ++r) counts[label(reference, r)].first += 1;
    for (std::size_t r = 0; r < current.size(); ++r) counts[label(current, r)].second += 1;
    std::vector<double> e, a;
    for (const auto& [label, c] : counts) {
        e.push_back(c.first);
        a.push_back(c.second);
    }
    return psi_of_counts(e, static_cast<double>(reference.size()), a, static_cast<double>(current.size()));
}

check_status level(bool error, bool warn) {
    return error ? check_status::error : warn ? check_status::warn : check_status::ok;
}

void require_rows(const frame& f, std::string_view which) {
    if (f.rows() == 0) throw error(fmt::format("cannot measure drift: the {} data has no rows", which), "drift");
}

}  // namespace

void check_drift_thresholds(const drift_thresholds& t, std::string_view where) {
    const auto setting = [&](std::string_view member) { return fmt::format("{}.{}", where, member); };
    if (t.psi_bins < 2) throw error(fmt::format("psi_bins must be at least 2, got {}", t.psi_bins), setting("psi_bins"));
    for (const auto& [member, value] : {std::pair{"psi_warn", t.psi_warn}, std::pair{"psi_error", t.psi_error}})
        if (!(value >= 0.0 && std::isfinite(value)))
            throw error(fmt::format("{} must be a number of at least 0, got {}", member, value), setting(member));
    for (const auto& [member, value] :
         {std::pair{"ks_p_value_warn", t.ks_p_value_warn}, std::pair{"ks_p_value_error", t.ks_p_value_error}})
        if (!(value >= 0.0 && value <= 1.0))
            throw error(fmt::format("{} must be between 0 and 1, got {}", member, value), setting(member));
    if (t.psi_warn > 0 && t.psi_error > 0 && t.psi_error < t.psi_warn)
        throw error(fmt::format("psi_error ({}) is below psi_warn ({}): an error must be at least a warning", t.psi_error,
                                t.psi_warn),
                    setting("psi_error"));
    if (t.ks_p_value_warn > 0 && t.ks_p_value_error > t.ks_p_value_warn)
        throw error(fmt::format("ks_p_value_error ({}) is above ks_p_value_warn ({}): an error must be at least a warning",
                                t.ks_p_value_error, t.ks_p_value_warn),
                    setting("ks_p_value_error"));
}

ks_result ks_two_sample(std::span<const double> reference, std::span<const double> current) {
    const std::vector<double> a = sorted_present(reference), b = sorted_present(current);
    if (a.empty() || b.empty())
        throw error(fmt::format("the Kolmogorov-Smirnov test needs values in both samples, got {} and {}", a.size(), b.size()),
                    "ks_two_sample");
    const auto m = static_cast<std::int64_t>(a.size()), n = static_cast<std::int64_t>(b.size());
    // The distance between the empirical distributions times m n, an integer: evaluated after
    // each distinct value, so that ties move both distributions at once.
    std::int64_t widest = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        const double v = j == b.size() || (i < a.size() && a[i] < b[j]) ? a[i] : b[j];
        while (i < a.size() && a[i] == v) ++i;
        while (j < b.size() && b[j] == v) ++j;
        widest = std::max(widest, std::abs(static_cast<std::int64_t>(i) * n - static_cast<std::int64_t>(j) * m));
    }
    ks_result out;
    out.statistic = static_cast<double>(widest) / (static_cast<double>(m) * static_cast<double>(n));
    if (widest == 0) return out;
    if (a.size() <= exact_ks_limit && b.size() <= exact_ks_limit) {
        out.p_value = m == n ? equal_sizes_p_value(m, widest / m) : lattice_p_value(m, n, widest);
    } else {
        const double en = std::sqrt(static_cast<double>(m) * static_cast<double>(n) / static_cast<double>(m + n));
        out.p_value = kolmogorov_survival((en + 0.12 + 0.11 / en) * out.statistic);
    }
    out.p_value = std::clamp(out.p_value, 0.0, 1.0);
    return out;
}

double population_stability_index(const column& reference, const column& current, int bins) {
    if (bins < 2) throw error(fmt::format("psi_bins must be at least 2, got {}", bins), "population_stability_index");
    if (reference.size() == 0 || current.size() == 0)
        throw error(fmt::format("cannot compute the PSI of column '{}': the {} column is empty", reference.name(),
                                reference.size() == 0 ? "reference" : "current"),
                    "population_stability_index");
    if (is_numeric_like(reference) && is_numeric_like(current)) return numeric_psi(reference, current, bins);
    return label_psi(reference, current);
}

std::vector<column_drift> measure_drift(const frame& reference, const frame& current, const drift_thresholds& t) {
    check_drift_thresholds(t, "drift");
    require_rows(reference, "reference");
    require_rows(current, "current");
    std::vector<column_drift> out;
    for (const column& ref : reference.columns()) {
        if (!current.has(ref.name())) continue;
        const column& cur = current[ref.name()];
        column_drift d;
        d.column = ref.name();
        d.psi = population_stability_index(ref, cur, t.psi_bins);
        if (is_numeric_like(ref) && is_numeric_like(cur) && ref.missing_count() < ref.size() &&
            cur.missing_count() < cur.size())
            d.ks = ks_two_sample(values_of(ref), values_of(cur));
        const bool psi_error = t.psi_error > 0 && d.psi >= t.psi_error;
        const bool psi_warn = t.psi_warn > 0 && d.psi >= t.psi_warn;
        const bool ks_error = d.ks && d.ks->p_value < t.ks_p_value_error;
        const bool ks_warn = d.ks && d.ks->p_value < t.ks_p_value_warn;
        d.status = level(psi_error || ks_error, psi_warn || ks_warn);
        out.push_back(std::move(d));
    }
    return out;
}

report drift_report(const frame& reference, const frame& current, const drift_thresholds& t) {
    report out{"data drift", {}};
    for (const column_drift& d : measure_drift(reference, current, t)) {
        std::string message = fmt::format("PSI {:.3g}", d.psi);
        if (d.ks) message += fmt::format("; KS statistic {:.3g}, p-value {:.3g}", d.ks->statistic, d.ks->p_value);
        // Why the status is what it is, worst reason first.
        std::vector<std::string> reasons;
        if (t.psi_error > 0 && d.psi >= t.psi_error)
            reasons.push_back(fmt::format("PSI at or above {} is an error", t.psi_error));
        else if (t.psi_warn > 0 && d.psi >= t.psi_warn)
            reasons.push_back(fmt::format("PSI at or above {} warns", t.psi_warn));
        if (d.ks && d.ks->p_value < t.ks_p_value_error)
            reasons.push_back(fmt::format("KS p-value below {} is an error", t.ks_p_value_error));
        else if (d.ks && d.ks->p_value < t.ks_p_value_warn)
            reasons.push_back(fmt::format("KS p-value below {} warns", t.ks_p_value_warn));
        if (!reasons.empty()) message += fmt::format(" ({})", fmt::join(reasons, "; "));
        out.findings.push_back({d.status, d.column, std::move(message)});
    }
    return out;
}

}  // namespace lolpop
