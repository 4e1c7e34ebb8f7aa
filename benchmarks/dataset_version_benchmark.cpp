// What storing and loading a dataset version costs with local_artifact_store: the frame file
// (version_data, get_data with its hash check, the mapping alone, the chunked writer) against the
// typed CSV that earlier versions stored (to_csv, and get_data parsing it). Wall times, page cache
// warm, median of the runs:
//   dataset_version_benchmark [rows] [cols] [runs] [directory]     (400000 32 5 .)
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/mapped_file.hpp>
#include <lolpop/data/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

lolpop::frame numeric_frame(std::size_t rows, std::size_t cols) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<lolpop::column> columns;
    for (std::size_t j = 0; j < cols; ++j) {
        std::vector<double> values(rows);
        for (double& v : values) v = normal(rng);
        columns.push_back(lolpop::column::numeric(fmt::format("x{}", j), std::move(values)));
    }
    return lolpop::frame(std::move(columns));
}

// The median wall time of `runs` calls of `f`, in milliseconds; `setup` runs untimed before each.
double median_ms(int runs, const std::function<void()>& f, const std::function<void()>& setup = [] {}) {
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        setup();
        const auto start = std::chrono::steady_clock::now();
        f();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Where sum() leaves its result, so that the compiler cannot drop the reads.
volatile double sink = 0;

// Reads every value, so that a view's pages are really touched.
void sum(const lolpop::frame& f) {
    double s = 0;
    for (const auto& c : f.columns())
        for (double v : c.numeric_values()) s += v;
    sink = s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 400'000;
    const std::size_t cols = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 32;
    const int runs = argc > 3 ? std::atoi(argv[3]) : 5;
    const fs::path dir = fs::path(argc > 4 ? argv[4] : ".") / "dataset_version_benchmark";
    fs::remove_all(dir);
    lolpop::context ctx;
    const lolpop::frame f = numeric_frame(rows, cols);
    const auto row = [](const std::string& what, double ms, const std::string& note = "") {
        fmt::print("| {} | {:.1f} ms | {} |\n", what, ms, note);
    };
    fmt::print("{} rows x {} numeric columns, {} runs each, median\n\n| step | time | note |\n|---|---:|---|\n", rows,
               cols, runs);

    // Frame file.
    std::string bytes;
    row("to_frame_file (in memory)", median_ms(runs, [&] { bytes = lolpop::to_frame_file(f); }));
    row("sha256_hex of the file", median_ms(runs, [&] { (void)lolpop::sha256_hex(bytes); }),
        fmt::format("{:.2f} GB/s", static_cast<double>(bytes.size()) / 1e6 /
                                       median_ms(runs, [&] { (void)lolpop::sha256_hex(bytes); })));
    lolpop::artifact stored;
    int fresh = 0;
    const auto new_store = [&] { return lolpop::local_artifact_store({(dir / std::to_string(fresh)).string()}, ctx); };
    row("version_data (frame file, written and fsynced)", median_ms(runs, [&] { stored = new_store().version_data(f); },
                                                                    [&] { ++fresh; }));
    const fs::path store_root = dir / std::to_string(fresh);
    lolpop::local_artifact_store store({store_root.string()}, ctx);
    row("get_data (map + SHA-256 check + view)", median_ms(runs, [&] { (void)store.get_data(stored.hash); }));
    row("map_frame_file (MAP_POPULATE, no hash)", median_ms(runs, [&] { (void)lolpop::map_frame_file(stored.uri); }));
    row("map + view without MAP_POPULATE, no hash", median_ms(runs, [&] {
            auto file = lolpop::mapped_file::open(stored.uri, false);
            (void)lolpop::view_frame_file(file->bytes(), file, stored.uri);
        }), "pages read later, on first touch");
    row("... then summing every value (first touch)", median_ms(runs, [&] {
            auto file = lolpop::mapped_file::open(stored.uri, false);
            sum(lolpop::view_frame_file(file->bytes(), file, stored.uri));
        }));
    row("get_data, then summing every value", median_ms(runs, [&] { sum(store.get_data(stored.hash)); }));
    const std::size_t chunk_rows = std::max<std::size_t>(rows / 10, 1);
    row(fmt::format("begin_data_version: {} chunks of {} rows, commit", (rows + chunk_rows - 1) / chunk_rows, chunk_rows),
        median_ms(runs, [&] {
            auto writer = new_store().begin_data_version();
            for (std::size_t at = 0; at < rows; at += chunk_rows) {
                std::vector<std::size_t> picked;
                for (std::size_t r = at; r < std::min(rows, at + chunk_rows); ++r) picked.push_back(r);
                writer.append(f.take(picked));
            }
            if (writer.commit().hash != stored.hash) std::abort();
        }, [&] { ++fresh; }), "includes taking the chunks from the frame");

    // Typed CSV, the earlier form, stored the way earlier versions did.
    std::string csv;
    std::string types;
    for (std::size_t j = 0; j < cols; ++j) types += j > 0 ? ",numeric" : "numeric";
    row("to_csv (in memory)", median_ms(runs, [&] { csv = "# lolpop frame types: " + types + "\n" + lolpop::to_csv(f); }));
    const std::string csv_hash = lolpop::sha256_hex(csv);
    const fs::path csv_path = store_root / "objects" / csv_hash.substr(0, 2) / csv_hash.substr(2);
    row("earlier version_data (to_csv + SHA-256 + atomic write)", median_ms(runs, [&] {
            const std::string b = "# lolpop frame types: " + types + "\n" + lolpop::to_csv(f);
            (void)lolpop::sha256_hex(b);
            lolpop::write_file_atomically(csv_path, b);
        }));
    row("get_data of the typed CSV (read + SHA-256 + parse)", median_ms(runs, [&] { (void)store.get_data(csv_hash); }));
    if (!(store.get_data(csv_hash) == f) || !(store.get_data(stored.hash) == f)) std::abort();

    fmt::print("\nfile sizes: frame file {} bytes ({:.1f} MB; values alone {} bytes), typed CSV {} bytes ({:.1f} MB)\n",
               stored.size, static_cast<double>(stored.size) / 1e6, rows * cols * 8, csv.size(),
               static_cast<double>(csv.size()) / 1e6);
    fs::remove_all(dir);
    return 0;
}
