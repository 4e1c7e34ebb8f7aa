#include <lolpop/components/logger/file_logger.hpp>
#include <lolpop/core/error.hpp>

#include "detail/utc_timestamp.hpp"
#include "detail/utf8.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace lolpop {

namespace {

// `s` as a JSON string. A message may quote bytes from any input file, so bytes that are not
// UTF-8 become U+FFFD: every line stays valid JSON.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t length = detail::utf8_sequence_length(s.substr(i));
            if (length == 0) {
                out += "\\ufffd";
                ++i;
            } else {
                out += s.substr(i, length);
                i += length;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) out += fmt::format("\\u{:04x}", c);
                else out += static_cast<char>(c);
        }
        ++i;
    }
    out += '"';
}

}  // namespace

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
    append_json_string(line, detail::utc_timestamp());
    line += ",\"level\":";
    append_json_string(line, to_string(level));
    line += ",\"message\":";
    append_json_string(line, message);
    line += ",\"profile\":";
    append_json_string(line, profile_);
    line += ",\"build_id\":";
    append_json_string(line, build_id_);
    line += "}\n";
    // One write per line: with the file opened for appending, lines from several processes
    // sharing the log do not interleave.
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.flush();
}

}  // namespace lolpop
