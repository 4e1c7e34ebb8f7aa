#pragma once
// A notifier of the user's own with a setting of every type a config member may have besides
// those of pager_notifier (lolpop/configuration/setting_member.hpp), correct in itself: the cases
// that use it give one of them a value its type cannot hold.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace user {

class rich_notifier {
public:
    struct config {
        float threshold = 0.5f;                 // severity score from which a message is sent
        short burst = 4;                        // messages sent at once before waiting
        std::int64_t quiet_ms = 1000;           // the wait
        std::uint64_t max_bytes = 1 << 20;
        std::vector<int> backoff = {1, 2, 4};   // retry delays, in seconds
        std::vector<unsigned> ports;
        std::vector<std::int64_t> ids;
        std::vector<float> weights;
        std::vector<double> scores;
        std::vector<bool> channels_on;
        std::optional<int> max_per_hour;        // not set: no limit
        std::optional<std::string> signature;
        std::optional<double> sample_rate;
        std::map<std::string, int> priority;    // per channel
        std::map<std::string, double> cost;
        std::map<std::string, bool> muted;
        std::map<std::string, std::vector<int>> schedule;
    };
    static constexpr std::string_view name = "rich_notifier";

    rich_notifier(const config& cfg, lolpop::context&) : config_(cfg) {}
    void notify(lolpop::log_level level, std::string_view message) const {
        std::clog << "notify (" << lolpop::to_string(level) << ", burst " << config_.burst << "): " << message << '\n';
    }

private:
    config config_;
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::rich_notifier::config, threshold, burst, quiet_ms, max_bytes, backoff, ports, ids, weights,
                        scores, channels_on, max_per_hour, signature, sample_rate, priority, cost, muted, schedule);

static_assert(lolpop::notifier<user::rich_notifier>);
