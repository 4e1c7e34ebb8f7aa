// The CSV reader's instructions per byte, for benchmarks/check_csv_instructions:
//   valgrind --tool=callgrind --instr-atstart=no csv_instructions <rows>
// writes <rows> x 8 numeric columns (values shaped like breast_cancer's) to a temporary file,
// reads it once uninstrumented (the page cache, lazy binding and the allocator's first use are
// then not counted), then reads it again on one thread with callgrind's instrumentation on, and
// prints the file's size, the compiler, and a checksum of what it read.
#include <lolpop/data/csv.hpp>

#include <valgrind/callgrind.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

int main(int argc, char** argv) {
    const long rows = argc == 2 ? std::atol(argv[1]) : 0;
    if (rows <= 0) {
        std::fprintf(stderr, "usage: csv_instructions <rows>\n");
        return 2;
    }
    const auto path = std::filesystem::temp_directory_path() /
                      ("lolpop-csv-instructions-" + std::to_string(std::random_device{}()) + ".csv");
    try {
        {
            std::mt19937 rng(42);
            std::ofstream out(path, std::ios::binary);
            out << "a,b,c,d,e,f,g,h\n";
            const double scale[8] = {20, 1, 150, 1000, 0.1, 0.3, 0.05, 0.01};
            const int decimals[8] = {2, 4, 1, 1, 5, 4, 5, 6};
            char cell[64];
            for (long r = 0; r < rows; ++r)
                for (int j = 0; j < 8; ++j) {
                    const double v = scale[j] * (0.5 + static_cast<double>(rng() % 100000) / 100000.0);
                    std::snprintf(cell, sizeof cell, "%.*f%c", decimals[j], v, j == 7 ? '\n' : ',');
                    out << cell;
                }
        }
        lolpop::csv_options options;
        options.threads = 1;
        (void)lolpop::read_csv_file(path.string(), options);
        CALLGRIND_START_INSTRUMENTATION;
        const lolpop::frame f = lolpop::read_csv_file(path.string(), options);
        CALLGRIND_STOP_INSTRUMENTATION;
        double sum = 0;
        for (const auto& c : f.columns())
            for (double v : c.numeric_values()) sum += v;
        std::printf("bytes: %ju\n", static_cast<std::uintmax_t>(std::filesystem::file_size(path)));
#if defined(__clang__)
        std::printf("compiler: clang\n");
#else
        std::printf("compiler: gcc\n");
#endif
        std::printf("rows: %zu, checksum: %.6g\n", f.rows(), sum);
        std::filesystem::remove(path);
        return f.rows() == static_cast<std::size_t>(rows) && std::isfinite(sum) ? 0 : 1;
    } catch (const std::exception& e) {
        std::filesystem::remove(path);
        std::fprintf(stderr, "csv_instructions: %s\n", e.what());
        return 1;
    }
}
