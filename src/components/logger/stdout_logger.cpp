#include <lolpop/components/logger/stdout_logger.hpp>

#include "detail/utc_timestamp.hpp"

#include <fmt/format.h>

#include <iostream>

namespace lolpop {

stdout_logger::stdout_logger(const config& cfg, context&)
    : threshold_(parse_log_level(cfg.level, "stdout_logger.level")) {}

void stdout_logger::log(log_level level, std::string_view message) const {
    if (level < threshold_) return;
    // One insertion per line keeps lines whole when several threads log at once; the flush makes
    // each message visible as it happens even when standard output is a pipe.
    std::cout << fmt::format("[{}] {}: {}\n", detail::utc_timestamp(), to_string(level), message) << std::flush;
}

}  // namespace lolpop
