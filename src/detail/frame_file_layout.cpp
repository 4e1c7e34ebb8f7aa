#include "detail/frame_file_layout.hpp"

#include "detail/file_descriptor.hpp"
#include "detail/json_string.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace lolpop::detail {
namespace {

static_assert(std::endian::native == std::endian::little, "frame files are written from memory as little-endian");

// One quiet NaN for every missing numeric value: NaNs with other payloads are the same missing
// value, and the same frame must give the same bytes.
constexpr std::uint64_t canonical_nan_bits = 0x7FF8000000000000;

void append_text(std::string& out, std::string_view s, std::string_view what) {
    if (!detail::append_json_string(out, s, detail::invalid_utf8::stop))
        throw error(fmt::format("{} is not UTF-8 text, which a frame file requires", what));
}

void append_buffer(std::string& out, std::string_view key, frame_file_buffer b) {
    out += fmt::format(",\"{}\":[{},{}]", key, b.offset, b.length);
}

// `bytes` more bytes at the end of `out`, to be filled.
char* grow(std::string& out, std::size_t bytes) {
    const std::size_t at = out.size();
    out.resize(at + bytes);
    return out.data() + at;
}

}  // namespace

std::string frame_file_header() {
    std::string header(frame_file_magic);
    header.resize(frame_file_alignment, '\0');
    return header;
}

std::string frame_file_footer(std::uint64_t rows, std::span<const frame_file_column> columns) {
    std::string out = fmt::format("{{\"rows\":{},\"columns\":[", rows);
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const frame_file_column& c = columns[k];
        if (k > 0) out += ',';
        out += "{\"name\":";
        append_text(out, c.name, fmt::format("the name of column {}", k + 1));
        out += fmt::format(",\"type\":\"{}\"", to_string(c.type));
        append_buffer(out, "data", c.data);
        if (c.validity) append_buffer(out, "validity", *c.validity);
        if (c.type == column_type::categorical) {
            out += ",\"categories\":[";
            for (std::size_t j = 0; j < c.categories.size(); ++j) {
                if (j > 0) out += ',';
                append_text(out, c.categories[j], fmt::format("category {} of column '{}'", j + 1, c.name));
            }
            out += ']';
        }
        out += '}';
    }
    out += "]}";
    const std::uint64_t length = out.size();
    char length_bytes[8];
    std::memcpy(length_bytes, &length, 8);
    out.append(length_bytes, 8);
    out += frame_file_magic;
    return out;
}

void append_values(std::string& out, const column& c, std::span<const std::int32_t> recode) {
    switch (c.type()) {
        case column_type::numeric: {
            const auto values = c.numeric_values();
            auto* to = grow(out, values.size() * 8);
            // A column of no rows may have no buffer: memcpy must not get its null pointer.
            if (!values.empty()) std::memcpy(to, values.data(), values.size() * 8);
            for (std::size_t i = 0; i < values.size(); ++i)
                if (std::isnan(values[i])) std::memcpy(to + 8 * i, &canonical_nan_bits, 8);
            break;
        }
        case column_type::integer: {
            const auto values = c.integer_values();
            auto* to = grow(out, values.size() * 8);
            if (!values.empty()) std::memcpy(to, values.data(), values.size() * 8);
            break;
        }
        case column_type::categorical: {
            const auto codes = c.codes();
            auto* to = grow(out, codes.size() * 4);
            for (std::size_t i = 0; i < codes.size(); ++i) {
                const std::int32_t code =
                    codes[i] < 0 ? -1 : recode.empty() ? codes[i] : recode[static_cast<std::size_t>(codes[i])];
                std::memcpy(to + 4 * i, &code, 4);
            }
            break;
        }
    }
}

void validity_bits::append(std::string& out, const column& c) {
    const std::size_t n = c.size();
    std::size_t i = 0;
    // Most columns miss nothing: their flags are whole bytes of ones, not a test per row.
    if (c.missing_count() == 0) {
        for (; i < n && bits_ != 0; ++i) {
            pending_ |= static_cast<unsigned char>(1u << bits_);
            if (++bits_ == 8) {
                out += static_cast<char>(pending_);
                pending_ = 0;
                bits_ = 0;
            }
        }
        out.append((n - i) / 8, static_cast<char>(0xFF));
        i += (n - i) / 8 * 8;
        for (; i < n; ++i) pending_ |= static_cast<unsigned char>(1u << bits_++);
        return;
    }
    for (; i < n; ++i) {
        const bool missing = c.is_missing(i);
        missing_ += missing;
        if (!missing) pending_ |= static_cast<unsigned char>(1u << bits_);
        if (++bits_ == 8) {
            out += static_cast<char>(pending_);
            pending_ = 0;
            bits_ = 0;
        }
    }
}

void validity_bits::finish(std::string& out) {
    if (bits_ > 0) out += static_cast<char>(pending_);
    pending_ = 0;
    bits_ = 0;
}

hashed_file_output::hashed_file_output(std::filesystem::path path)
    : path_(std::move(path)), fd_(::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) {
    if (fd_ < 0) throw error("cannot write file: " + errno_reason(errno), path_.string());
}

hashed_file_output::~hashed_file_output() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(path_.c_str());
}

void hashed_file_output::write(std::string_view bytes) {
    if (fd_ < 0) throw error("cannot write file: it is already finished", path_.string());
    int err = 0;
    if (bytes.size() >= parallel_bytes) {
        // Hashing and copying into the page cache each take about as long: side by side, a
        // column costs the longer of the two, not their sum.
        std::thread writer([&] { err = write_all(fd_, bytes); });
        hasher_.update(bytes);
        writer.join();
    } else {
        hasher_.update(bytes);
        err = write_all(fd_, bytes);
    }
    if (err) throw error("cannot write file: write: " + errno_reason(err), path_.string());
    size_ += bytes.size();
    // Writing back what is written so far, without waiting for it, lets the disk work while the
    // rest is encoded: finish()'s flush then waits for the tail, not for the whole file.
    if (size_ - started_ >= writeback_bytes) {
        ::sync_file_range(fd_, static_cast<off_t>(started_), static_cast<off_t>(size_ - started_), SYNC_FILE_RANGE_WRITE);
        started_ = size_;
    }
}

void hashed_file_output::pad() {
    static constexpr char zeros[frame_file_alignment] = {};
    write(std::string_view(zeros, padding_after(size_)));
}

frame_file_digest hashed_file_output::finish() {
    const auto fail = [&](const char* step, int err) {
        return error(std::string("cannot write file: ") + step + ": " + errno_reason(err), path_.string());
    };
    if (::fsync(fd_) != 0) throw fail("fsync", errno);
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(path_.c_str());
        throw fail("close", err);
    }
    return {hasher_.finish_hex(), size_};
}

}  // namespace lolpop::detail
