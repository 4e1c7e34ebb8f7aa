#include <lolpop/data/csv_chunk_writer.hpp>

#include "detail/csv_text_writer.hpp"

#include <lolpop/core/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <utility>

namespace lolpop {

csv_chunk_writer::csv_chunk_writer(std::filesystem::path path, char delimiter)
    : file_(std::move(path)), delimiter_(delimiter) {}

void csv_chunk_writer::append(const frame& chunk) {
    buffer_.clear();
    if (!has_header_) {
        names_ = chunk.names();
        detail::append_csv_header(buffer_, chunk, delimiter_);
        has_header_ = true;
    } else if (chunk.names() != names_) {
        throw error(fmt::format("a chunk has columns {} where the first had {}", chunk.names(), names_),
                    file_.path().string());
    }
    detail::append_csv_rows(buffer_, chunk, 0, chunk.rows(), delimiter_);
    file_.append(buffer_);
    bytes_written_ += buffer_.size();
}

void csv_chunk_writer::commit() { file_.commit(); }

}  // namespace lolpop
