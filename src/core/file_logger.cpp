#include <lolpop/components/logger/file_logger.hpp>
#include <lolpop/core/error.hpp>

#include "utc_timestamp.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace lolpop {

namespace {

// The length of the well-formed UTF-8 sequence that starts `s` (Unicode, table 3-7), or 0.
std::size_t utf8_sequence_length(std::string_view s) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char first = byte(0);
    std::size_t length = 0;
    unsigned char second_min = 0x80, second_max = 0xBF;
    if (first >= 0xC2 && first <= 0xDF) {
        length = 2;
    } else if (first >= 0xE0 && first <= 0xEF) {
        length = 3;
        if (first == 0xE0) second_min = 0xA0;  // overlong
        if (first == 0xED) second_max = 0x9F;  // surrogates
    } else if (first >= 0xF0 && first <= 0xF4) {
        length = 4;
        if (first == 0xF0) second_min = 0x90;  // overlong
        if (first == 0xF4) second_max = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;
    }
    if (s.size() < length || byte(1) < second_min || byte(1) > second_max) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
    return length;
}

// `s` as a JSON string. A message may quote bytes from any input file, so bytes that are not
// UTF-8 become U+FFFD: every line stays valid JSON.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(s.substr(i));
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
