#include <lolpop/core/error.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/mapped_file.hpp>

#include "detail/frame_file_layout.hpp"
#include "detail/json_value.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace lolpop {

using detail::frame_file_alignment;
using detail::frame_file_magic;
using detail::frame_file_trailer_size;
using detail::json_value;

namespace {

// A reason the bytes are not a frame file; view_frame_file adds what and where.
struct bad_file {
    std::string reason;
};

[[noreturn]] void bad(std::string reason) { throw bad_file{std::move(reason)}; }

std::string_view kind_name(json_value::kind kind) {
    switch (kind) {
        case json_value::kind::number: return "number";
        case json_value::kind::string: return "string";
        case json_value::kind::array: return "array";
        default: return "value";
    }
}

// The member `key` of `object`, which must be of `kind`.
const json_value& member(const json_value& object, std::string_view key, json_value::kind kind,
                         std::string_view of) {
    const json_value* v = object.type == json_value::kind::object ? object.find(key) : nullptr;
    if (v == nullptr || v->type != kind) bad(fmt::format("{} has no {} \"{}\"", of, kind_name(kind), key));
    return *v;
}

// The file as read so far: buffers come one after another, in column order, each followed by
// zeros up to the next multiple of 64, then the manifest. Only that layout is accepted, so that a
// file that reads is the one the frame gives.
struct layout {
    std::string_view file;
    std::uint64_t buffers_end = 0;  // where the manifest starts
    std::uint64_t at = frame_file_alignment;
    std::vector<detail::frame_file_column> entries;
};

// The bytes of the buffer `spec` ([offset, length]) names, checked to be the next one.
std::string_view buffer(layout& l, const json_value& spec, std::uint64_t expected_length, std::string_view of,
                        detail::frame_file_buffer& entry) {
    if (spec.items.size() != 2 || spec.items[0].type != json_value::kind::number ||
        spec.items[1].type != json_value::kind::number)
        bad(fmt::format("{} is not [offset, length]", of));
    const std::uint64_t offset = spec.items[0].number, length = spec.items[1].number;
    if (length != expected_length) bad(fmt::format("{} has {} bytes, expected {}", of, length, expected_length));
    const std::uint64_t padding = detail::padding_after(length);
    if (offset != l.at || l.buffers_end - offset < length + padding)
        bad(fmt::format("{} is at bytes {}..{}, expected to start at byte {} and end before the manifest at byte {}", of,
                        offset, offset + length, l.at, l.buffers_end));
    if (l.file.substr(offset + length, padding).find_first_not_of('\0') != std::string_view::npos)
        bad(fmt::format("{} is followed by padding that is not zeros", of));
    l.at = offset + length + padding;
    entry = {offset, length};
    return l.file.substr(offset, length);
}

bool bit(std::string_view bitmap, std::size_t i) {
    return (static_cast<unsigned char>(bitmap[i / 8]) >> (i % 8)) & 1u;
}

template <class T>
std::span<const T> array_of(std::string_view bytes) {
    // The buffer starts at a multiple of 64 within bytes that start at a multiple of 8.
    return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}

column read_column(layout& l, std::uint64_t rows, const json_value& spec, std::size_t index,
                   const std::shared_ptr<const void>& owner) {
    const std::string of = fmt::format("column {}", index + 1);
    if (spec.type != json_value::kind::object) bad(of + " is not an object");
    std::string name = member(spec, "name", json_value::kind::string, of).text;
    const std::string named = fmt::format("column '{}'", name);
    const std::string& type_name = member(spec, "type", json_value::kind::string, named).text;
    column_type type{};
    try {
        type = parse_column_type(type_name, "");
    } catch (const error&) {
        bad(fmt::format("{} has the unknown type \"{}\"", named, type_name));
    }
    detail::frame_file_column& entry = l.entries.emplace_back();
    entry.name = name;
    entry.type = type;
    const std::uint64_t width = type == column_type::categorical ? 4 : 8;
    const std::string_view data =
        buffer(l, member(spec, "data", json_value::kind::array, named), rows * width, named + " data", entry.data);
    std::string_view bitmap;
    const bool has_validity = spec.find("validity") != nullptr;
    if (has_validity)
        bitmap = buffer(l, member(spec, "validity", json_value::kind::array, named), (rows + 7) / 8,
                        named + " validity", entry.validity.emplace());
    const auto disagree = [&](std::size_t row) {
        bad(fmt::format("{} row {}: the validity bitmap disagrees with the value", named, row + 1));
    };

    switch (type) {
        case column_type::numeric: {
            const auto values = array_of<double>(data);
            if (has_validity)
                for (std::size_t i = 0; i < rows; ++i)
                    if (bit(bitmap, i) == std::isnan(values[i])) disagree(i);
            return column::numeric_view(std::move(name), values, owner);
        }
        case column_type::integer: {
            std::vector<bool> valid;
            if (has_validity) {
                valid.resize(rows);
                for (std::size_t i = 0; i < rows; ++i) valid[i] = bit(bitmap, i);
            }
            return column::integer_view(std::move(name), array_of<std::int64_t>(data), std::move(valid), owner);
        }
        case column_type::categorical: {
            const json_value& listed = member(spec, "categories", json_value::kind::array, named);
            std::vector<std::string> categories;
            categories.reserve(listed.items.size());
            for (const json_value& label : listed.items) {
                if (label.type != json_value::kind::string) bad(named + " has a category that is not a string");
                categories.push_back(label.text);
            }
            entry.categories = categories;
            const auto codes = array_of<std::int32_t>(data);
            for (std::size_t i = 0; i < rows; ++i)
                if ((codes[i] == -1) == (!has_validity || bit(bitmap, i))) disagree(i);
            return column::categorical_view(std::move(name), codes, std::move(categories), owner);
        }
    }
    bad(named + " has no type");
}

frame read_frame(std::string_view file, const std::shared_ptr<const void>& owner) {
    const std::size_t smallest = frame_file_alignment + frame_file_trailer_size;
    if (file.size() < smallest) bad(fmt::format("{} bytes, fewer than the {} of an empty frame", file.size(), smallest));
    if (!file.starts_with(frame_file_magic)) bad("it does not start with \"LOLPOPF1\"");
    if (!file.ends_with(frame_file_magic)) bad("it does not end with \"LOLPOPF1\"");
    std::uint64_t manifest_length = 0;
    std::memcpy(&manifest_length, file.data() + file.size() - frame_file_trailer_size, 8);
    const std::uint64_t room = file.size() - smallest;
    if (manifest_length > room)
        bad(fmt::format("a manifest of {} bytes does not fit in a file of {} bytes", manifest_length, file.size()));
    const std::uint64_t manifest_offset = file.size() - frame_file_trailer_size - manifest_length;
    if (file.substr(frame_file_magic.size(), frame_file_alignment - frame_file_magic.size()).find_first_not_of('\0') !=
        std::string_view::npos)
        bad("the magic is not followed by zeros up to byte 64");

    json_value manifest;
    try {
        manifest = detail::parse_json(file.substr(manifest_offset, manifest_length));
    } catch (const error& e) {
        bad("manifest: " + e.what_happened());
    }
    const std::uint64_t rows = member(manifest, "rows", json_value::kind::number, "the manifest").number;
    const json_value& columns = member(manifest, "columns", json_value::kind::array, "the manifest");
    // Every row takes at least one byte of the file in each column, so larger counts are lies
    // (and could overflow rows * 8).
    if (rows > file.size()) bad(fmt::format("{} rows do not fit in a file of {} bytes", rows, file.size()));
    if (columns.items.empty() && rows != 0) bad(fmt::format("{} rows but no columns", rows));

    layout l{file, manifest_offset, frame_file_alignment, {}};
    std::vector<column> read;
    read.reserve(columns.items.size());
    for (std::size_t k = 0; k < columns.items.size(); ++k) read.push_back(read_column(l, rows, columns.items[k], k, owner));
    if (l.at != manifest_offset)
        bad(fmt::format("the buffers end at byte {}, but the manifest starts at byte {}", l.at, manifest_offset));
    // The manifest must be written the one way the writers write it (no spaces, keys in order,
    // the same escapes), or the same frame could be stored under two hashes.
    frame f(std::move(read));
    const std::string canonical = detail::frame_file_footer(rows, l.entries);
    if (file.substr(manifest_offset) != canonical)
        bad("the manifest is not written in the one form docs/dataset_format.md specifies");
    return f;
}

}  // namespace

bool is_frame_file(std::string_view bytes) noexcept { return bytes.starts_with(frame_file_magic); }

namespace {

// The frame file of `f`, given to `out` (write, pad, size) a column's bytes at a time.
template <class Output>
void encode_frame_file(const frame& f, Output& out) {
    out.write(detail::frame_file_header());
    std::string bytes;
    std::vector<detail::frame_file_column> entries;
    entries.reserve(f.cols());
    for (const column& c : f.columns()) {
        detail::frame_file_column& e = entries.emplace_back();
        e.name = c.name();
        e.type = c.type();
        if (c.type() == column_type::categorical) e.categories = c.categories();
        bytes.clear();
        detail::append_values(bytes, c);
        e.data = {out.size(), bytes.size()};
        out.write(bytes);
        out.pad();
        if (c.missing_count() > 0) {
            bytes.clear();
            detail::validity_bits bits;
            bits.append(bytes, c);
            bits.finish(bytes);
            e.validity = detail::frame_file_buffer{out.size(), bytes.size()};
            out.write(bytes);
            out.pad();
        }
    }
    out.write(detail::frame_file_footer(f.rows(), entries));
}

struct string_output {
    std::string bytes;
    void write(std::string_view b) { bytes += b; }
    void pad() { bytes.append(detail::padding_after(bytes.size()), '\0'); }
    std::uint64_t size() const noexcept { return bytes.size(); }
};

}  // namespace

std::string to_frame_file(const frame& f) {
    string_output out;
    // Enough for values, bitmaps and padding, so that the bytes are not moved while growing.
    out.bytes.reserve(frame_file_alignment + f.cols() * (f.rows() * 9 + 3 * frame_file_alignment) + 4096);
    encode_frame_file(f, out);
    return std::move(out.bytes);
}

frame_file_digest write_frame_file(const std::filesystem::path& path, const frame& f) {
    detail::hashed_file_output out(path);
    encode_frame_file(f, out);
    return out.finish();
}

frame view_frame_file(std::string_view bytes, std::shared_ptr<const void> owner, std::string_view where) {
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(std::int64_t) != 0)
        throw error("the bytes of a frame file to view in place must start at an 8-byte boundary", std::string(where));
    try {
        return read_frame(bytes, owner);
    } catch (const bad_file& e) {
        throw error("not a frame file: " + e.reason, std::string(where));
    } catch (const error& e) {  // what a column or the frame refused: codes, zeros, names
        throw error("not a frame file: " + e.what_happened(), std::string(where));
    }
}

frame read_frame_file(std::string_view bytes, std::string_view where) {
    auto copy = std::make_shared<std::vector<std::uint64_t>>((bytes.size() + 7) / 8);
    // An empty vector's data() may be null, which memcpy must not get even for 0 bytes.
    if (!bytes.empty()) std::memcpy(copy->data(), bytes.data(), bytes.size());
    const std::string_view aligned(reinterpret_cast<const char*>(copy->data()), bytes.size());
    return view_frame_file(aligned, std::move(copy), where);
}

frame map_frame_file(const std::filesystem::path& path) {
    std::shared_ptr<const mapped_file> file = mapped_file::open(path);
    const std::string_view bytes = file->bytes();
    return view_frame_file(bytes, std::move(file), path.string());
}

}  // namespace lolpop
