// Comparisons 2 and 3 of the data_path section (benchmarks/README.md), on one CSV file:
//   read_csv_file with csv_options::threads = 1 and with every core (threads = 0), in MB/s of the
//   file;
//   the machine's memory bandwidth, as memcpy of a large buffer into memory already written once
//   (MB/s copied), the ceiling under any reader that touches every byte;
//   loading a stored dataset version: the file's frame versioned into a fresh local_artifact_store,
//   then local_artifact_store::get_data of that version (as a later step loads it, then followed
//   by a read of every value, and as the first load after its file changed, its SHA-256 checked),
//   against re-parsing the CSV file with read_csv_file (every core).
// Each is the best of --repeats runs (default 3). Prints one JSON object.
//   csv_read_benchmark <file.csv> [--repeats N] [--store <empty or missing directory>]
// Without --store the store is a fresh directory under the system's temporary directory, removed
// at the end.
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/csv.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <thread>

namespace {

namespace fs = std::filesystem;

// The best wall time of `repeats` calls of `f`, in seconds.
double best_seconds(int repeats, const std::function<void()>& f) {
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

// memcpy of 256 MiB, far larger than any cache, into a destination written once before the clock
// starts so that page faults are not counted: the rate at which this machine moves memory.
double memcpy_mb_per_s(int repeats) {
    constexpr std::size_t bytes = std::size_t{256} << 20;
    const auto from = std::make_unique<unsigned char[]>(bytes);
    const auto to = std::make_unique<unsigned char[]>(bytes);
    std::memset(from.get(), 1, bytes);
    std::memset(to.get(), 0, bytes);
    const double seconds = best_seconds(repeats, [&] {
        std::memcpy(to.get(), from.get(), bytes);
        // Keeps the copy from being optimised away.
        volatile unsigned char sink = to[bytes / 2];
        (void)sink;
    });
    return static_cast<double>(bytes) / seconds / 1e6;
}

int run(int argc, char** argv) {
    std::string path, store_dir;
    int repeats = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--repeats" && i + 1 < argc) {
            repeats = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--store" && i + 1 < argc) {
            store_dir = argv[++i];
        } else if (!arg.starts_with("--") && path.empty()) {
            path = arg;
        } else {
            std::fprintf(stderr, "usage: csv_read_benchmark <file.csv> [--repeats N] [--store <directory>]\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: csv_read_benchmark <file.csv> [--repeats N] [--store <directory>]\n");
        return 2;
    }
    const double file_mb = static_cast<double>(fs::file_size(path)) / 1e6;

    lolpop::csv_options one_thread;
    one_thread.threads = 1;
    lolpop::csv_options every_core;
    every_core.threads = 0;
    lolpop::frame data;
    const double one_thread_s = best_seconds(repeats, [&] { data = lolpop::read_csv_file(path, one_thread); });
    const double every_core_s = best_seconds(repeats, [&] { data = lolpop::read_csv_file(path, every_core); });

    const bool own_store = store_dir.empty();
    if (own_store) {
        std::random_device seed;
        store_dir = (fs::temp_directory_path() / fmt::format("csv_read_benchmark-{:016x}",
                                                             (std::uint64_t{seed()} << 32) | seed()))
                        .string();
    }
    lolpop::context ctx;
    lolpop::local_artifact_store store({.path = store_dir}, ctx);
    const std::string hash = store.version_data(data).hash;
    // A load as a later step makes it (the object known intact), as the first load after its file
    // changed (its SHA-256 checked), and followed by one read of every value: the mapped pages
    // touched, which the step using the data then pays instead of the load.
    lolpop::frame loaded;
    double checksum = 0;
    const auto read_every_value = [&] {
        for (const auto& c : loaded.columns()) {
            if (c.type() == lolpop::column_type::numeric)
                for (double v : c.numeric_values()) checksum += v == v ? v : 0;  // NaN: missing
            else if (c.type() == lolpop::column_type::integer)
                for (auto v : c.integer_values()) checksum += static_cast<double>(v);
            else
                for (auto v : c.codes()) checksum += v;
        }
    };
    const double get_data_s = best_seconds(repeats, [&] { loaded = store.get_data(hash); });
    const double get_data_read_s = best_seconds(repeats, [&] {
        loaded = store.get_data(hash);
        read_every_value();
    });
    const double hashed_s = best_seconds(repeats, [&] {
        std::error_code removed;
        fs::remove_all(fs::path(store_dir) / "verified", removed);
        loaded = store.get_data(hash);
    });
    if (loaded.rows() != data.rows() || loaded.cols() != data.cols())
        throw lolpop::error(fmt::format("get_data gave {} x {}, the file has {} x {}", loaded.rows(), loaded.cols(),
                                        data.rows(), data.cols()),
                            store_dir);
    std::error_code ec;
    std::uintmax_t stored_bytes = 0;
    for (const auto& entry : fs::recursive_directory_iterator(store_dir, ec))
        if (entry.is_regular_file(ec)) stored_bytes += entry.file_size(ec);
    if (own_store) fs::remove_all(store_dir, ec);

    const double memcpy_rate = memcpy_mb_per_s(repeats);
    fmt::print(
        "{{\"file\": \"{}\", \"file_mb\": {:.3f}, \"rows\": {}, \"cols\": {}, \"repeats\": {}, \"cores\": {}, "
        "\"read_csv_1thread_s\": {:.6f}, \"read_csv_1thread_mb_s\": {:.1f}, "
        "\"read_csv_all_s\": {:.6f}, \"read_csv_all_mb_s\": {:.1f}, "
        "\"memcpy_mb_s\": {:.1f}, \"stored_mb\": {:.3f}, \"get_data_s\": {:.6f}, \"get_data_read_s\": {:.6f}, \"get_data_hashed_s\": {:.6f}, "
        "\"reparse_s\": {:.6f}, \"checksum\": {:.6g}}}\n",
        fs::path(path).filename().string(), file_mb, data.rows(), data.cols(), repeats,
        std::thread::hardware_concurrency(), one_thread_s, file_mb / one_thread_s, every_core_s,
        file_mb / every_core_s, memcpy_rate, static_cast<double>(stored_bytes) / 1e6, get_data_s, get_data_read_s, hashed_s, every_core_s, checksum);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "csv_read_benchmark: %s\n", e.what());
        return 1;
    }
}
