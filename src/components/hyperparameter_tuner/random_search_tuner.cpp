#include <lolpop/components/hyperparameter_tuner/random_search_tuner.hpp>

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <variant>

namespace lolpop {

namespace {

std::string where_of(std::string_view table, std::string_view key) {
    return fmt::format("random_search_tuner.{}.{}", table, key);
}

// A number as a double; nullopt for a string or a boolean.
std::optional<double> number_of(const setting_scalar& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::nullopt;
}

std::pair<double, double> float_range(const std::vector<setting_scalar>& range, std::string_view table,
                                      const std::string& key) {
    const auto where = where_of(table, key);
    if (range.size() != 2) throw error(fmt::format("expects [low, high], got {} values", range.size()), where);
    const auto low = number_of(range[0]), high = number_of(range[1]);
    if (!low || !high || !std::isfinite(*low) || !std::isfinite(*high))
        throw error("expects [low, high] of two finite numbers", where);
    if (*low > *high) throw error(fmt::format("low {} is above high {}", *low, *high), where);
    return {*low, *high};
}

// A double in [0, 1) from the top 53 bits of one draw: every value equally likely.
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// An integer in [0, n) without modulo bias; n == 0 stands for 2^64.
std::uint64_t below(std::mt19937_64& rng, std::uint64_t n) {
    if (n == 0) return rng();
    // The draws under 2^64 mod n would make the small remainders likelier; they are redrawn.
    const std::uint64_t threshold = (0 - n) % n;
    std::uint64_t r = rng();
    while (r < threshold) r = rng();
    return r % n;
}

}  // namespace

random_search_tuner::random_search_tuner(const config& cfg, context&) : config_(cfg) {
    if (cfg.n_trials < 1)
        throw error(fmt::format("n_trials must be at least 1, got {}", cfg.n_trials), "random_search_tuner.n_trials");

    std::map<std::string, std::string_view> seen;  // setting -> the table that has it
    const auto claim = [&](std::string_view table, const std::string& key) {
        const auto [it, fresh] = seen.emplace(key, table);
        if (!fresh)
            throw error(fmt::format("'{}' has a distribution in both {} and {}", key, it->second, table),
                        where_of(table, key));
    };
    for (const auto& [key, range] : cfg.uniform) {
        claim("uniform", key);
        const auto [low, high] = float_range(range, "uniform", key);
        space_.push_back({key, distribution::uniform, low, high, 0, 0, {}});
    }
    for (const auto& [key, range] : cfg.log_uniform) {
        claim("log_uniform", key);
        const auto [low, high] = float_range(range, "log_uniform", key);
        if (low <= 0) throw error(fmt::format("low must be above 0, got {}", low), where_of("log_uniform", key));
        space_.push_back({key, distribution::log_uniform, low, high, 0, 0, {}});
    }
    for (const auto& [key, range] : cfg.integers) {
        claim("integers", key);
        const auto where = where_of("integers", key);
        const auto* first = range.size() == 2 ? std::get_if<std::int64_t>(&range[0]) : nullptr;
        const auto* last = range.size() == 2 ? std::get_if<std::int64_t>(&range[1]) : nullptr;
        if (!first || !last) throw error("expects [low, high] of two integers", where);
        if (*first > *last) throw error(fmt::format("low {} is above high {}", *first, *last), where);
        space_.push_back({key, distribution::integers, 0, 0, *first, *last, {}});
    }
    for (const auto& [key, values] : cfg.choices) {
        claim("choices", key);
        if (values.empty()) throw error(fmt::format("'{}' lists no values to choose from", key), where_of("choices", key));
        space_.push_back({key, distribution::choices, 0, 0, 0, 0, values});
    }
    if (space_.empty())
        throw error("the search space is empty: give uniform, log_uniform, integers or choices a setting",
                    "random_search_tuner");
    std::sort(space_.begin(), space_.end(), [](const dimension& a, const dimension& b) { return a.setting < b.setting; });
}

std::vector<trial> random_search_tuner::trials() const {
    std::mt19937_64 rng(config_.seed);
    std::vector<trial> out;
    out.reserve(static_cast<std::size_t>(config_.n_trials));
    for (int n = 0; n < config_.n_trials; ++n) {
        trial t;
        for (const dimension& d : space_) {
            switch (d.kind) {
                case distribution::uniform: t.emplace(d.setting, d.low + (d.high - d.low) * unit(rng)); break;
                case distribution::log_uniform: {
                    const double log_low = std::log(d.low), log_high = std::log(d.high);
                    // exp(log(x)) may round past x; a bound like subsample <= 1 must hold.
                    t.emplace(d.setting, std::clamp(std::exp(log_low + (log_high - log_low) * unit(rng)), d.low, d.high));
                    break;
                }
                case distribution::integers: {
                    // Unsigned arithmetic: the width of [INT64_MIN, INT64_MAX] does not fit an int64.
                    const std::uint64_t width = static_cast<std::uint64_t>(d.last) - static_cast<std::uint64_t>(d.first) + 1;
                    t.emplace(d.setting, static_cast<std::int64_t>(static_cast<std::uint64_t>(d.first) + below(rng, width)));
                    break;
                }
                case distribution::choices:
                    t.emplace(d.setting, to_setting_value(d.values[below(rng, d.values.size())]));
                    break;
            }
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace lolpop
