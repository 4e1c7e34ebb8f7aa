#pragma once
// The frame file: a frame in a binary, columnar form that is read in place instead of parsed
// (specified byte by byte in docs/dataset_format.md). Little-endian; the magic "LOLPOPF1" at both
// ends; each column's values as one array (float64, int64, or int32 codes into categories), each
// array starting at a multiple of 64 bytes so that a mapped file can be viewed as arrays;
// validity bitmaps (LSB first, as in Apache Arrow) only for columns with a missing value; and a
// JSON manifest at the end, so that a writer goes through the file once.
//
// A frame always gives the same bytes: names, types, values (every NaN as one quiet NaN) and
// category lists decide them, nothing else. Hashing the file therefore hashes the frame.
#include <lolpop/core/frame.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace lolpop {

// Whether `bytes` begins with the frame file's magic (the rest is checked when it is read).
bool is_frame_file(std::string_view bytes) noexcept;

// The frame file of `f`. Throws lolpop::error when a name or category is not UTF-8 text.
std::string to_frame_file(const frame& f);

// A frame file on disk: its SHA-256 (its content address) and size.
struct frame_file_digest {
    std::string sha256;  // as sha256_hex gives it
    std::uint64_t size = 0;
};
// Writes to_frame_file(f) to `path` (replacing any file there) a column at a time, hashing it
// as it goes, and flushes it to disk: it takes memory for one column's bytes, not the file's.
// The caller moves it into place (move_file_atomically). Throws lolpop::error naming the path;
// nothing is left there then.
frame_file_digest write_frame_file(const std::filesystem::path& path, const frame& f);

// Reading checks everything (both magics, the manifest's JSON and UTF-8, every buffer inside the
// file, aligned and as long as the rows require, codes in range, validity agreeing with NaN and
// -1 slots) and throws lolpop::error "not a frame file: <reason>" naming `where` for anything
// wrong, however the bytes were damaged.

// The frame in `bytes`, copied once: its columns share that copy.
frame read_frame_file(std::string_view bytes, std::string_view where);
// The frame in `bytes`, whose columns view `bytes` in place while `owner` keeps them alive;
// `bytes` must start at an 8-byte boundary (a mapping does).
frame view_frame_file(std::string_view bytes, std::shared_ptr<const void> owner, std::string_view where);
// Maps the file (mapped_file) and views it: loading costs the checks, not a parse or a copy.
frame map_frame_file(const std::filesystem::path& path);

}  // namespace lolpop
