#pragma once
// file_logger — one JSON object per line, appended to a file, for log shippers and jq:
//   {"time":"2026-11-29T13:00:00.123Z","level":"info","message":"...","profile":"dev","build_id":"..."}
// Each line is flushed as it is written, so a crash loses no message already logged.
#include <lolpop/concepts/logger.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <fstream>
#include <string>
#include <string_view>

namespace lolpop {

class file_logger {
public:
    struct config {
        std::string path = ".lolpop/lolpop.log";
        std::string level = "info";  // the lowest level written: debug, info, warn or error
    };
    static constexpr std::string_view name = "file_logger";
    static constexpr bool structured = true;  // JSON lines: no progress drawn beside them

    // Creates the file's directory and opens it for appending. Throws lolpop::error naming
    // "file_logger.level" for an unknown level and the path when the file cannot be opened.
    file_logger(const config& cfg, context& ctx);

    void log(log_level level, std::string_view message);

private:
    log_level threshold_;
    std::string profile_;
    std::string build_id_;
    std::ofstream out_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::file_logger::config, path, level);

static_assert(lolpop::logger<lolpop::file_logger>);
