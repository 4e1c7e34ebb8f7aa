// lolpop::read_csv on any bytes, with options from the first byte; what it reads must survive
// to_csv and a second read unchanged, and the chunk reader must read the same rows.
//
// Options byte: bits 0-1 the delimiter (, ; tab |), bits 2-3 and 4-5 column_types for the
// columns "a" and "b" (none, numeric, integer, categorical), bit 6 also reads the bytes with
// csv_chunk_reader (from a file, in small blocks and chunks), bit 7 skips the round trip.
#include "fuzz_input.hpp"

#include <lolpop/data/csv.hpp>
#include <lolpop/data/csv_chunk_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

namespace {

constexpr char delimiters[] = {',', ';', '\t', '|'};
constexpr const char* types[] = {nullptr, "numeric", "integer", "categorical"};

// The rows csv_chunk_reader reads from the same bytes, or nothing when it reports an error.
std::optional<std::size_t> chunked_rows(std::string_view bytes, const lolpop::csv_options& options, std::uint8_t sizes) {
    const auto path = lolpop::fuzz::write_scratch_file("input.csv", bytes);
    std::optional<std::size_t> rows;
    lolpop::fuzz::expect_only_errors([&] {
        // Blocks from the reader's smallest (64 bytes) up, chunks of 1 to 8 rows: records
        // straddle blocks and the first chunk's types meet later rows.
        lolpop::csv_chunk_reader reader(path.string(), options, std::size_t{64} << (sizes & 3));
        std::size_t total = 0;
        while (auto chunk = reader.next(1 + (sizes >> 4 & 7))) {
            if (chunk->names() != reader.names()) lolpop::fuzz::finding("a chunk's names are not the reader's");
            total += chunk->rows();
        }
        rows = total;
    });
    return rows;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto in = lolpop::fuzz::make_input(data, size);
    const std::uint8_t flags = in.take_byte();
    lolpop::csv_options options;
    options.delimiter = delimiters[flags & 3];
    options.threads = 1;
    if (types[flags >> 2 & 3]) options.column_types["a"] = types[flags >> 2 & 3];
    if (types[flags >> 4 & 3]) options.column_types["b"] = types[flags >> 4 & 3];

    std::optional<lolpop::frame> read;
    lolpop::fuzz::expect_only_errors([&] {
        std::istringstream text{std::string(in.bytes)};
        read = lolpop::read_csv(text, "fuzz.csv", options);
    });

    if (flags & 0x40) {
        const auto rows = chunked_rows(in.bytes, options, flags);
        // The chunk reader keeps the first chunk's types, so it may reject what read_csv reads
        // whole (and the other way round); when both read the bytes, they read the same rows.
        if (read && rows && *rows != read->rows()) lolpop::fuzz::finding("csv_chunk_reader and read_csv read different rows");
    }

    if (read && !(flags & 0x80)) {
        // Written and read again with the types it has, the frame comes back as it was.
        const std::string written = lolpop::to_csv(*read, options.delimiter);
        lolpop::csv_options again;
        again.delimiter = options.delimiter;
        again.threads = 1;
        for (const auto& c : read->columns()) again.column_types[c.name()] = std::string(lolpop::to_string(c.type()));
        std::istringstream text(written);
        lolpop::frame back;
        try {
            back = lolpop::read_csv(text, "written.csv", again);
        } catch (const lolpop::error& e) {
            lolpop::fuzz::finding(std::string("to_csv wrote what read_csv rejects: ") + e.what());
        }
        if (!(back == *read)) lolpop::fuzz::finding("read_csv(to_csv(frame)) is not the frame");
    }
    return 0;
}
