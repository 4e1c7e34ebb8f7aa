// Wall-clock throughput of the CSV reader and writer on one file:
//   csv_throughput <file.csv> [threads] [repetitions]
// prints the best of the repetitions of read_csv_file (MB/s of the file) and of to_csv of the
// frame it read. threads 0 is every core (csv_options::threads).
#include <lolpop/data/csv.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: csv_throughput <file.csv> [threads] [repetitions]\n");
        return 2;
    }
    try {
        const std::string path = argv[1];
        const auto threads = static_cast<unsigned>(argc > 2 ? std::atoi(argv[2]) : 0);
        const int repetitions = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
        const double megabytes = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
        using clock = std::chrono::steady_clock;
        lolpop::csv_options options;
        options.threads = threads;
        double best_read = 1e300, best_write = 1e300;
        lolpop::frame f;
        std::size_t written = 0;
        for (int i = 0; i < repetitions; ++i) {
            const auto t0 = clock::now();
            f = lolpop::read_csv_file(path, options);
            const auto t1 = clock::now();
            written = lolpop::to_csv(f).size();
            const auto t2 = clock::now();
            best_read = std::min(best_read, std::chrono::duration<double>(t1 - t0).count());
            best_write = std::min(best_write, std::chrono::duration<double>(t2 - t1).count());
        }
        std::printf("read_csv_file: %.1f ms, %.0f MB/s (%zu rows x %zu columns, %u threads)\n", best_read * 1e3,
                    megabytes / best_read, f.rows(), f.cols(), threads);
        std::printf("to_csv: %.1f ms, %.0f MB/s (%zu bytes)\n", best_write * 1e3,
                    static_cast<double>(written) / 1e6 / best_write, written);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "csv_throughput: %s\n", e.what());
        return 1;
    }
}
