#include <lolpop/components/logger/file_logger.hpp>
#include <lolpop/core/error.hpp>

#include "detail/json_string.hpp"
#include "detail/utc_timestamp.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace lolpop {

file_logger::file_logger(const config& cfg, context& ctx)
    : threshold_(parse_log_level(cfg.level, "file_logger.level")), profile_(ctx.profile()), build_id_(ctx.build_id()) {
    if (cfg.path.empty()) throw error("the log file path must not be empty", "file_logger.path");
    const std::filesystem::path path(cfg.path);
    if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) throw error("cannot create the log file's directory: " + ec.message(), cfg.path);
    }
    out_.open(path, std::ios::app | std::ios::binary);
    if (!out_) throw error("cannot open the log file for appending", cfg.path);
}

void file_logger::log(log_level level, std::string_view message) {
    if (level < threshold_) return;
    std::string line = "{\"time\":";
    detail::append_json_string(line, detail::utc_timestamp());
    line += ",\"level\":";
    detail::append_json_string(line, to_string(level));
    line += ",\"message\":";
    detail::append_json_string(line, message);
    line += ",\"profile\":";
    detail::append_json_string(line, profile_);
    line += ",\"build_id\":";
    detail::append_json_string(line, build_id_);
    line += "}\n";
    // One write per line: with the file opened for appending, lines from several processes
    // sharing the log do not interleave.
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.flush();
}

}  // namespace lolpop
