#include <lolpop/data/csv_chunk_reader.hpp>

#include "detail/csv_column_accumulator.hpp"
#include "detail/csv_header.hpp"
#include "detail/csv_record_parser.hpp"

#include <lolpop/core/error.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <utility>

namespace lolpop {

using detail::csv_kind;

struct csv_chunk_reader::state {
    std::string path;
    csv_options options;
    std::size_t block_bytes = 0;
    int fd = -1;
    std::size_t total = 0;
    std::size_t read_from_file = 0;
    bool at_end = false;

    // buffer[0, consumed) is already parsed; the text before buffer[0] is gone.
    std::string buffer;
    std::size_t consumed = 0;
    std::size_t dropped = 0;  // bytes of the file before buffer[0]
    std::size_t peak = 0;

    detail::csv_header header;
    std::vector<csv_kind> kinds;  // after the first chunk: every later chunk's, fixed
    bool first = true;
    std::size_t next_line = 1;  // the line at buffer[consumed]
    std::size_t rows_before = 0;

    ~state() {
        if (fd >= 0) ::close(fd);
    }

    [[noreturn]] void fail(int err) const {
        throw error("cannot read file: " + std::generic_category().message(err), path);
    }

    // Appends one block; sets at_end when the file has no more.
    void read_block() {
        const std::size_t old = buffer.size();
        buffer.resize(old + block_bytes);
        ssize_t n = 0;
        do n = ::read(fd, buffer.data() + old, block_bytes);
        while (n < 0 && errno == EINTR);
        if (n < 0) fail(errno);
        buffer.resize(old + static_cast<std::size_t>(n));
        read_from_file += static_cast<std::size_t>(n);
        if (n == 0) at_end = true;
        peak = std::max(peak, buffer.size());
    }

    // Forgets the text already parsed.
    void drop_consumed() {
        buffer.erase(0, consumed);
        dropped += consumed;
        consumed = 0;
    }
};

csv_chunk_reader::csv_chunk_reader(const std::string& path, csv_options options, std::size_t block_bytes)
    : state_(std::make_unique<state>()) {
    state& s = *state_;
    s.path = path;
    s.options = std::move(options);
    s.block_bytes = std::max<std::size_t>(block_bytes, 64);
    s.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (s.fd < 0) s.fail(errno);
    struct stat info {};
    if (::fstat(s.fd, &info) != 0) s.fail(errno);
    if (!S_ISREG(info.st_mode)) throw error("cannot read file: not a regular file", path);
    s.total = static_cast<std::size_t>(info.st_size);

    for (;;) {
        s.read_block();
        const std::string_view text = detail::without_bom(s.buffer);
        if (detail::read_csv_header(text, s.at_end, path, s.options, s.header)) {
            s.consumed = s.header.end + (s.buffer.size() - text.size());
            s.next_line = s.header.next_line;
            return;
        }
        if (s.buffer.size() > s.options.max_record_bytes)
            throw error("the header is more than max_record_bytes = " + std::to_string(s.options.max_record_bytes) +
                            " bytes: raise the setting if it is meant",
                        path + ":1");
    }
}

csv_chunk_reader::~csv_chunk_reader() = default;
csv_chunk_reader::csv_chunk_reader(csv_chunk_reader&&) noexcept = default;
csv_chunk_reader& csv_chunk_reader::operator=(csv_chunk_reader&&) noexcept = default;

const std::vector<std::string>& csv_chunk_reader::names() const { return state_->header.names; }
std::size_t csv_chunk_reader::bytes_read() const { return state_->dropped + state_->consumed; }
std::size_t csv_chunk_reader::total_bytes() const { return state_->total; }
std::size_t csv_chunk_reader::peak_buffered_bytes() const { return state_->peak; }

std::optional<frame> csv_chunk_reader::next(std::size_t max_rows) {
    state& s = *state_;
    max_rows = std::max<std::size_t>(max_rows, 1);
    const char delimiter = s.options.delimiter;
    const bool first = s.first;
    s.drop_consumed();

    detail::csv_chunk chunk;
    const auto start = [&] { detail::start_csv_chunk(s.header, first ? s.header.kinds : s.kinds, !first, chunk); };
    start();
    std::size_t begin = 0;
    for (;;) {
        detail::parse_csv_records(s.buffer, delimiter, begin, s.buffer.size(), s.at_end, max_rows, chunk);
        if (chunk.problem) detail::throw_csv_problem(*chunk.problem, s.path, s.next_line, s.rows_before, s.header.names);
        // A record the text has not finished, already longer than the limit: reading on would
        // hold it all.
        if (chunk.incomplete && s.buffer.size() - chunk.end > s.options.max_record_bytes)
            detail::throw_csv_problem({detail::csv_problem::what::long_record, chunk.lines, chunk.rows, 0, 0, 0,
                                       s.options.max_record_bytes},
                                      s.path, s.next_line, s.rows_before, s.header.names);
        if (chunk.rows == max_rows || (s.at_end && !chunk.incomplete)) break;
        if (chunk.restart) {
            // The unfinished record had widened a column: the first chunk is parsed again, from
            // its text, which is kept until its types are settled.
            start();
            begin = 0;
        } else {
            begin = chunk.end;
            chunk.incomplete = false;
            if (!first) {
                // Fixed types never look back: the text parsed so far can go.
                s.consumed = chunk.end;
                s.drop_consumed();
                begin = 0;
                chunk.end = 0;
                chunk.record_starts.clear();
            }
        }
        s.read_block();
    }
    s.consumed = chunk.end;

    const auto& names = s.header.names;
    for (std::size_t j = 0; j < names.size(); ++j)
        if (const auto& bad = chunk.columns[j].bad_cell()) {
            const std::string hint =
                first || s.header.fixed[j]
                    ? std::string()
                    : "; the first chunk made the column " +
                          std::string(to_string(chunk.columns[j].kind() == csv_kind::integer   ? column_type::integer
                                                : chunk.columns[j].kind() == csv_kind::numeric ? column_type::numeric
                                                                                               : column_type::categorical)) +
                          ": set column_types." + names[j] + " to read it as another type";
            detail::throw_csv_bad_cell(*bad, names[j], s.path, s.next_line, hint);
        }
    // As read_csv decides: the first chunk's "inf" or "nan" is an error unless its column has text.
    if (first)
        for (std::size_t j = 0; j < names.size(); ++j) {
            const auto& c = chunk.columns[j];
            if (!s.header.fixed[j] && c.first_word() && !c.first_text())
                detail::throw_csv_bad_cell(*c.first_word(), names[j], s.path, s.next_line);
        }
    s.next_line += chunk.lines;
    s.rows_before += chunk.rows;

    if (first) {
        s.first = false;
        for (const auto& c : chunk.columns)
            s.kinds.push_back(c.kind() == csv_kind::empty ? csv_kind::numeric : c.kind());
    }
    if (chunk.rows == 0 && s.at_end) return std::nullopt;
    std::vector<column> columns;
    columns.reserve(names.size());
    for (std::size_t j = 0; j < names.size(); ++j) columns.push_back(chunk.columns[j].finish(names[j]));
    return frame(std::move(columns));
}

}  // namespace lolpop
