#include <lolpop/core/error.hpp>
#include <lolpop/data/frame_file_writer.hpp>
#include <lolpop/data/sha256.hpp>

#include "detail/file_descriptor.hpp"
#include "detail/frame_file_layout.hpp"
#include "detail/random_hex.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <limits>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace lolpop {

namespace fs = std::filesystem;

namespace {

// A byte range of the scratch file.
struct segment {
    std::uint64_t offset = 0, length = 0;
};

struct column_state {
    std::string name;
    column_type type;
    std::vector<std::string> categories;
    std::unordered_map<std::string, std::int32_t> code_of;
    std::vector<segment> values, validity;  // one of each per chunk, in order
    detail::validity_bits bits;
};

std::uint64_t total(const std::vector<segment>& segments) {
    std::uint64_t n = 0;
    for (const segment& s : segments) n += s.length;
    return n;
}

}  // namespace

struct frame_file_writer::state {
    state(int fd, std::string where) : scratch(fd), scratch_where(std::move(where)) {}

    detail::file_descriptor scratch;
    std::string scratch_where;
    std::uint64_t scratch_size = 0;
    std::optional<std::vector<column_state>> columns;  // set by the first chunk
    std::uint64_t rows = 0;
    std::size_t chunks = 0;
    bool broken = false;
    std::string buffer;

    segment append_scratch(std::string_view bytes) {
        if (const int err = detail::write_all(scratch.get(), bytes)) {
            broken = true;
            throw error("cannot write the scratch file of a frame file: " + detail::errno_reason(err), scratch_where);
        }
        const segment s{scratch_size, bytes.size()};
        scratch_size += bytes.size();
        return s;
    }

    // Calls `emit` with the bytes of `s`, in pieces.
    template <class Emit>
    void read_scratch(segment s, Emit&& emit) {
        std::string piece(std::min<std::uint64_t>(s.length, 1 << 20), '\0');
        while (s.length > 0) {
            const ssize_t n = ::pread(scratch.get(), piece.data(), std::min<std::uint64_t>(s.length, piece.size()),
                                      static_cast<off_t>(s.offset));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0)
                throw error("cannot read the scratch file of a frame file: " +
                                (n < 0 ? detail::errno_reason(errno) : std::string("it ended early")),
                            scratch_where);
            emit(std::string_view(piece.data(), static_cast<std::size_t>(n)));
            s.offset += static_cast<std::uint64_t>(n);
            s.length -= static_cast<std::uint64_t>(n);
        }
    }

    void check_matches(const frame& chunk) const {
        const auto& expected = *columns;
        if (chunk.cols() != expected.size())
            throw error(fmt::format("chunk {} has {} columns, expected {} like the first chunk", chunks + 1, chunk.cols(),
                                    expected.size()));
        for (std::size_t k = 0; k < expected.size(); ++k) {
            const column& c = chunk.columns()[k];
            if (c.name() != expected[k].name || c.type() != expected[k].type)
                throw error(fmt::format("chunk {}: column {} is '{}' ({}), expected '{}' ({}) like the first chunk",
                                        chunks + 1, k + 1, c.name(), to_string(c.type()), expected[k].name,
                                        to_string(expected[k].type)));
        }
    }

    // The merged code of each of `c`'s codes, adding its new categories.
    std::vector<std::int32_t> recode(column_state& s, const column& c) {
        std::vector<std::int32_t> codes;
        codes.reserve(c.categories().size());
        for (const std::string& label : c.categories()) {
            if (s.categories.size() == static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
                throw error(fmt::format("column '{}' has more categories than int32 codes can number", s.name));
            const auto [it, added] = s.code_of.try_emplace(label, static_cast<std::int32_t>(s.categories.size()));
            if (added) s.categories.push_back(label);
            codes.push_back(it->second);
        }
        return codes;
    }
};

frame_file_writer::frame_file_writer(const fs::path& scratch_dir) {
    std::error_code ec;
    fs::create_directories(scratch_dir, ec);
    if (ec) throw error("cannot create directory for a frame file's scratch file: " + ec.message(), scratch_dir.string());
    const fs::path path = scratch_dir / (".frame-scratch-" + detail::random_hex64());
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw error("cannot create a frame file's scratch file: " + detail::errno_reason(errno), path.string());
    ::unlink(path.c_str());  // open, it stays readable; unnamed, nothing is left behind
    state_ = std::make_unique<state>(fd, path.string());
}

frame_file_writer::~frame_file_writer() = default;
frame_file_writer::frame_file_writer(frame_file_writer&&) noexcept = default;
frame_file_writer& frame_file_writer::operator=(frame_file_writer&&) noexcept = default;

std::uint64_t frame_file_writer::rows() const noexcept { return state_->rows; }

void frame_file_writer::append(const frame& chunk) {
    state& s = *state_;
    if (s.broken) throw error("the frame file writer failed before and cannot go on", s.scratch_where);
    if (!s.columns) {
        s.columns.emplace();
        for (const column& c : chunk.columns()) s.columns->push_back(column_state{c.name(), c.type(), {}, {}, {}, {}, {}});
    } else {
        s.check_matches(chunk);
    }
    for (std::size_t k = 0; k < chunk.cols(); ++k) {
        column_state& cs = (*s.columns)[k];
        const column& c = chunk.columns()[k];
        s.buffer.clear();
        if (c.type() == column_type::categorical) detail::append_values(s.buffer, c, s.recode(cs, c));
        else detail::append_values(s.buffer, c);
        cs.values.push_back(s.append_scratch(s.buffer));
        s.buffer.clear();
        cs.bits.append(s.buffer, c);
        cs.validity.push_back(s.append_scratch(s.buffer));
    }
    s.rows += chunk.rows();
    ++s.chunks;
}

frame_file_digest frame_file_writer::finish(const fs::path& path) {
    state& s = *state_;
    if (s.broken) throw error("the frame file writer failed before and cannot go on", s.scratch_where);
    s.broken = true;  // spent from here on
    std::vector<column_state> columns = s.columns ? std::move(*s.columns) : std::vector<column_state>{};

    // Where everything goes, the way to_frame_file lays it out.
    std::vector<detail::frame_file_column> entries;
    std::uint64_t at = detail::frame_file_alignment;
    for (column_state& c : columns) {
        s.buffer.clear();
        c.bits.finish(s.buffer);
        c.validity.push_back(s.append_scratch(s.buffer));
        detail::frame_file_column& e = entries.emplace_back();
        e.name = c.name;
        e.type = c.type;
        e.categories = c.categories;
        e.data = {at, total(c.values)};
        at += e.data.length + detail::padding_after(e.data.length);
        if (c.bits.missing() > 0) {
            e.validity = detail::frame_file_buffer{at, total(c.validity)};
            at += e.validity->length + detail::padding_after(e.validity->length);
        }
    }
    const std::string footer = detail::frame_file_footer(s.rows, entries);

    detail::hashed_file_output out(path);
    out.write(detail::frame_file_header());
    const auto emit = [&](std::string_view bytes) { out.write(bytes); };
    for (std::size_t k = 0; k < columns.size(); ++k) {
        for (const segment& piece : columns[k].values) s.read_scratch(piece, emit);
        out.pad();
        if (entries[k].validity) {
            for (const segment& piece : columns[k].validity) s.read_scratch(piece, emit);
            out.pad();
        }
    }
    out.write(footer);
    return out.finish();
}

}  // namespace lolpop
