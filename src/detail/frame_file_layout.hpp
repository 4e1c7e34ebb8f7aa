#pragma once
// The parts of a frame file (docs/dataset_format.md) that both writers emit the same way, so that
// a frame written whole and the same rows appended in chunks give the same bytes.
#include <lolpop/core/frame.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/sha256.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

inline constexpr std::string_view frame_file_magic = "LOLPOPF1";
inline constexpr std::size_t frame_file_alignment = 64;
// The trailer: the manifest's length (uint64) and the magic again.
inline constexpr std::size_t frame_file_trailer_size = 16;

// Zero bytes that bring `size` to the next multiple of the alignment.
inline std::size_t padding_after(std::uint64_t size) {
    return static_cast<std::size_t>((frame_file_alignment - size % frame_file_alignment) % frame_file_alignment);
}

// The magic, then zeros up to the first buffer.
std::string frame_file_header();

struct frame_file_buffer {
    std::uint64_t offset = 0, length = 0;
};

struct frame_file_column {
    std::string name;
    column_type type = column_type::numeric;
    std::vector<std::string> categories;
    frame_file_buffer data;
    std::optional<frame_file_buffer> validity;  // only when a value is missing
};

// The manifest JSON, then the trailer. Throws lolpop::error when a name or category is not UTF-8.
std::string frame_file_footer(std::uint64_t rows, std::span<const frame_file_column> columns);

// Appends the stored form of `c`'s values: little-endian float64 (every NaN as the one quiet
// NaN), int64 (0 where missing) or int32 codes (-1 where missing), each code first replaced by
// `recode[code]` when `recode` is not empty.
void append_values(std::string& out, const column& c, std::span<const std::int32_t> recode = {});

// Packs validity flags LSB first, 8 rows a byte, across any number of columns' worth of rows.
class validity_bits {
public:
    // Appends the complete bytes to `out` and keeps the last partial one.
    void append(std::string& out, const column& c);
    // Appends the partial byte, if any.
    void finish(std::string& out);
    std::uint64_t missing() const noexcept { return missing_; }

private:
    unsigned char pending_ = 0;
    unsigned bits_ = 0;
    std::uint64_t missing_ = 0;
};

// A file written once, front to back, hashed as it is written: what both writers emit the frame
// file through. A file not finished is removed.
class hashed_file_output {
public:
    // Creates or truncates `path`. Throws lolpop::error naming it.
    explicit hashed_file_output(std::filesystem::path path);
    ~hashed_file_output();
    hashed_file_output(const hashed_file_output&) = delete;
    hashed_file_output& operator=(const hashed_file_output&) = delete;

    void write(std::string_view bytes);
    // Zeros up to the next multiple of the alignment.
    void pad();
    std::uint64_t size() const noexcept { return size_; }
    // Flushes the file to disk and closes it.
    frame_file_digest finish();

private:
    std::filesystem::path path_;
    int fd_;
    std::uint64_t size_ = 0;
    std::uint64_t started_ = 0;  // bytes whose writing back has been started
    static constexpr std::uint64_t writeback_bytes = std::uint64_t{8} << 20;
    static constexpr std::size_t parallel_bytes = std::size_t{1} << 20;
    sha256_hasher hasher_;
};

}  // namespace lolpop::detail
