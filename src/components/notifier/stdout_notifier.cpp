#include <lolpop/components/notifier/stdout_notifier.hpp>

#include <fmt/format.h>

#include <iostream>

namespace lolpop {

stdout_notifier::stdout_notifier(const config& cfg, context&)
    : threshold_(parse_log_level(cfg.level, "stdout_notifier.level")) {}

void stdout_notifier::notify(log_level level, std::string_view message) const {
    if (level < threshold_) return;
    std::cout << fmt::format("notification [{}]: {}\n", to_string(level), message) << std::flush;
}

}  // namespace lolpop
