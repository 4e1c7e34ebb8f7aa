#include <lolpop/data/csv.hpp>

#include "detail/csv_column_accumulator.hpp"
#include "detail/csv_header.hpp"
#include "detail/csv_record_parser.hpp"
#include "detail/csv_text_writer.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/data/mapped_file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <istream>
#include <iterator>
#include <limits>
#include <new>
#include <ostream>
#include <system_error>
#include <thread>
#include <vector>

namespace lolpop {
namespace {

using detail::csv_chunk;
using detail::csv_kind;

// Below this many bytes of records one thread parses them all: starting threads costs more.
constexpr std::size_t parallel_bytes = std::size_t{1} << 20;
// Nor is a chunk smaller than this.
constexpr std::size_t chunk_bytes = std::size_t{256} << 10;
// The rows whose types the parallel chunks start from.
constexpr std::size_t sample_rows = 4096;
constexpr std::size_t all_rows = std::numeric_limits<std::size_t>::max();

// The first record boundary at or after `guess`, given that `from` (before it) is one: the
// first '\n' outside quotes. Counting quotes is exact for RFC 4180 text; a quote inside an
// unquoted field can mislead it, which the caller detects when the chunks do not meet.
std::size_t boundary_after(std::string_view text, std::size_t from, std::size_t guess) {
    bool inside = false;
    const char* p = text.data() + from;
    const char* const until = text.data() + guess;
    while ((p = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(until - p))))) {
        inside = !inside;
        ++p;
    }
    for (std::size_t pos = guess; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '"') inside = !inside;
        else if (c == '\n' && !inside) return pos + 1;
    }
    return text.size();
}

// Rows a stretch of text is likely to hold, judged by its first 64 KiB; generous, as capacity
// that is never written costs no memory.
std::size_t rows_estimate(std::string_view text) {
    const std::string_view head = text.substr(0, std::size_t{1} << 16);
    const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    if (lines == 0) return 16;
    return text.size() / std::max<std::size_t>(1, head.size() / lines) * 9 / 8 + 16;
}

void reserve_rows(csv_chunk& chunk, std::size_t rows) {
    for (auto& c : chunk.columns) c.reserve(rows);
    chunk.record_starts.reserve(rows);
}

// The records of [begin, limit) parsed into `chunk` a stretch at a time, each stretch's pages of a
// mapped file given back once parsed: the text then adds a stretch to the memory the columns take,
// not its whole size. (A column that widens later reads its cells again; they are read back.)
void parse_releasing(std::string_view text, char delimiter, std::size_t begin, std::size_t limit, std::size_t max_rows,
                     const mapped_file* file, csv_chunk& chunk) {
    constexpr std::size_t stretch = std::size_t{8} << 20;
    if (!file) return detail::parse_csv_records(text, delimiter, begin, limit, true, max_rows, chunk);
    for (std::size_t from = begin;;) {
        const std::size_t until = std::min(limit, from + stretch);
        detail::parse_csv_records(text, delimiter, from, until, true, max_rows, chunk);
        file->release(from, chunk.end);
        if (chunk.problem || until >= limit || chunk.rows >= max_rows || chunk.end >= limit) return;
        from = chunk.end;
    }
}

struct parsed_chunks {
    std::vector<csv_chunk> chunks;
    std::vector<std::size_t> starts;
};

// Parses the records from `head.end` on in `pieces` chunks on as many threads: `head` (which
// holds the sample) goes on with the first, the others start from the sample's kinds.
void parse_in_parallel(std::string_view text, char delimiter, const detail::csv_header& header, std::size_t pieces,
                       const mapped_file* file, parsed_chunks& out) {
    csv_chunk& head = out.chunks.front();
    std::vector<csv_kind> kinds;
    for (const auto& c : head.columns) kinds.push_back(c.kind());
    const std::size_t begin = head.end;
    std::vector<std::size_t> starts{begin};
    pieces = std::clamp<std::size_t>((text.size() - begin) / chunk_bytes, 1, pieces);
    const std::size_t step = (text.size() - begin) / pieces;
    for (std::size_t i = 1; i < pieces; ++i) {
        const std::size_t guess = std::max(begin + i * step, starts.back() + 1);
        if (guess >= text.size()) break;
        const std::size_t b = boundary_after(text, starts.back(), guess);
        if (b >= text.size()) break;
        starts.push_back(b);
    }
    out.chunks.resize(starts.size());
    std::vector<std::exception_ptr> failures(starts.size());
    const auto run = [&](std::size_t i) {
        try {
            csv_chunk& chunk = out.chunks[i];
            const std::size_t limit = i + 1 < starts.size() ? starts[i + 1] : text.size();
            if (i > 0) {
                detail::start_csv_chunk(header, kinds, false, chunk);
                reserve_rows(chunk, rows_estimate(text.substr(starts[i], limit - starts[i])));
            }
            parse_releasing(text, delimiter, starts[i], limit, all_rows, file, chunk);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    };
    {
        // jthreads join when destroyed, also when starting one of them fails.
        std::vector<std::jthread> threads;
        for (std::size_t i = 1; i < starts.size(); ++i) threads.emplace_back(run, i);
        run(0);
    }
    for (auto& f : failures)
        if (f) std::rethrow_exception(f);
    out.starts.assign(starts.begin(), starts.end());
    out.starts.front() = header.end;
}

// `file`, when the text is a mapped file's, has the pages of the parsed text given back.
frame parse_csv(std::string_view text, std::string_view source, const csv_options& options, csv_read_notes* notes,
                const mapped_file* file = nullptr) {
    text = detail::without_bom(text);
    detail::csv_header header;
    (void)detail::read_csv_header(text, true, source, options, header);
    const std::size_t ncols = header.names.size();
    const char delimiter = options.delimiter;
    const std::size_t threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

    parsed_chunks parsed;
    parsed.chunks.emplace_back();
    parsed.starts.push_back(header.end);
    csv_chunk& head = parsed.chunks.front();
    detail::start_csv_chunk(header, header.kinds, false, head);
    if (threads == 1 || text.size() - header.end < parallel_bytes) {
        reserve_rows(head, rows_estimate(text.substr(header.end)));
        parse_releasing(text, delimiter, header.end, text.size(), all_rows, file, head);
    } else {
        // A sample of rows gives the other chunks their starting types, so that they rarely widen.
        // The first chunk, which the others are appended to when merged, has room for them all.
        reserve_rows(head, rows_estimate(text.substr(header.end)));
        detail::parse_csv_records(text, delimiter, header.end, text.size(), true, sample_rows, head);
        if (!head.problem && head.end < text.size()) parse_in_parallel(text, delimiter, header, threads, file, parsed);
    }

    // In file order: the first problem; chunks that do not meet where the next one starts
    // mean the split was misled, and the rest is parsed again from where the last good one ended.
    std::vector<std::size_t> first_line{header.next_line}, first_row{0};
    for (std::size_t k = 0; k < parsed.chunks.size(); ++k) {
        const csv_chunk& chunk = parsed.chunks[k];
        if (chunk.problem) detail::throw_csv_problem(*chunk.problem, source, first_line[k], first_row[k], header.names);
        first_line.push_back(first_line[k] + chunk.lines);
        first_row.push_back(first_row[k] + chunk.rows);
        if (k + 1 < parsed.chunks.size() && parsed.starts[k + 1] != chunk.end) {
            std::vector<csv_kind> kinds;
            for (const auto& c : chunk.columns) kinds.push_back(c.kind());
            parsed.chunks.resize(k + 2);
            parsed.starts.resize(k + 2);
            parsed.starts[k + 1] = chunk.end;
            csv_chunk& rest = parsed.chunks[k + 1];
            detail::start_csv_chunk(header, kinds, false, rest);
            detail::parse_csv_records(text, delimiter, chunk.end, text.size(), true, all_rows, rest);
        }
    }
    // Then the first cell that does not fit a forced type, column by column as columns are built.
    for (std::size_t j = 0; j < ncols; ++j)
        for (std::size_t k = 0; k < parsed.chunks.size(); ++k)
            if (const auto& bad = parsed.chunks[k].columns[j].bad_cell())
                detail::throw_csv_bad_cell(*bad, header.names[j], source, first_line[k]);
    // An inferred column's "inf" or "nan" is a label in a column of text and an error in one of
    // numbers; numbers and text together are categorical, which the caller hears of.
    for (std::size_t j = 0; j < ncols; ++j) {
        if (header.fixed[j]) continue;
        const detail::csv_bad_cell *text = nullptr, *word = nullptr;
        std::size_t text_line = 0, word_line = 0;
        bool number = false;
        for (std::size_t k = 0; k < parsed.chunks.size(); ++k) {
            const auto& c = parsed.chunks[k].columns[j];
            if (!text && c.first_text()) text = &*c.first_text(), text_line = first_line[k] + text->line;
            if (!word && c.first_word()) word = &*c.first_word(), word_line = first_line[k];
            number = number || c.had_number();
        }
        if (word && !text) detail::throw_csv_bad_cell(*word, header.names[j], source, word_line);
        if (text && number && notes) notes->mixed_columns.push_back({header.names[j], text_line, text->text});
    }

    std::vector<column> columns;
    columns.reserve(ncols);
    std::vector<detail::csv_column_accumulator> parts;
    std::string scratch;
    for (std::size_t j = 0; j < ncols; ++j) {
        csv_kind kind = csv_kind::empty;
        for (const auto& chunk : parsed.chunks) kind = std::max(kind, chunk.columns[j].kind());
        parts.clear();
        for (auto& chunk : parsed.chunks) {
            chunk.columns[j].widen(kind, [&](std::size_t r) {
                return detail::csv_field_of(text, delimiter, chunk.record_starts[r], j, scratch);
            });
            parts.push_back(std::move(chunk.columns[j]));
        }
        columns.push_back(detail::csv_column_accumulator::merge(header.names[j], parts));
    }
    return frame(std::move(columns));
}


}  // namespace

frame read_csv(std::istream& in, std::string_view source_name, const csv_options& options, csv_read_notes* notes) {
    std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw error("cannot read the CSV", std::string(source_name));
    return parse_csv(data, source_name, options, notes);
}

frame read_csv_file(const std::string& path, const csv_options& options, csv_read_notes* notes) {
    const auto file = mapped_file::open(path, false);
    try {
        return parse_csv(file->bytes(), path, options, notes, file.get());
    } catch (const std::bad_alloc&) {
        // What the parse held is freed by now: the message can be made.
        throw error("out of memory while reading the CSV", path);
    }
}

std::string to_csv(const frame& f, char delimiter) {
    std::string out;
    detail::append_csv_header(out, f, delimiter);
    detail::append_csv_rows(out, f, 0, f.rows(), delimiter);
    return out;
}

void write_csv(const frame& f, std::ostream& out, char delimiter) {
    const std::string text = to_csv(f, delimiter);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace lolpop
