// One way of running the chain workload (chain_workload.hpp) with callgrind's instrumentation on
// around that pass alone, for instruction counts that do not depend on the machine's load:
//   valgrind --tool=callgrind --instr-atstart=no chain_instructions <fused|hand_written|virtual> <rows>
// Making the data, fitting and one warm-up pass run uninstrumented; the measured pass is the
// second, so that lazy symbol binding and first use of the allocator are not counted. Its output
// is then compared with another way's (the hand-written loop's, or the fused chain's for the
// hand-written loop itself): exit status 1 when they differ, 2 for bad arguments.
#include "chain_workload.hpp"

#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

int main(int argc, char** argv) {
    using namespace lolpop_bench;
    const std::string_view way = argc == 3 ? argv[1] : "";
    if (way != "fused" && way != "hand_written" && way != "virtual") {
        std::fprintf(stderr, "usage: chain_instructions <fused|hand_written|virtual> <rows>\n");
        return 2;
    }
    const std::size_t rows = std::strtoull(argv[2], nullptr, 10);
    try {
        const lolpop::frame X = synthetic_features(rows, 8, 42);
        lolpop::context ctx;
        chain fitted(chain_settings(), ctx);
        fitted.fit(X);
        const hand_written by_hand(fitted);
        virtual_chain runtime(chain_settings());
        runtime.fit(X);

        const auto run = [&] {
            if (way == "fused") return fused(fitted, X);
            if (way == "hand_written") return by_hand.transform(X);
            return runtime.transform(X);
        };
        (void)run();
        CALLGRIND_START_INSTRUMENTATION;
        const lolpop::dense_matrix measured = run();
        CALLGRIND_STOP_INSTRUMENTATION;

        const lolpop::dense_matrix expected = way == "hand_written" ? fused(fitted, X) : by_hand.transform(X);
        if (!same_values(measured, expected)) {
            std::fprintf(stderr, "chain_instructions: the %s output differs from the %s one\n", argv[1],
                         way == "hand_written" ? "fused" : "hand-written");
            return 1;
        }
        std::printf("%s: %zu rows x %zu columns, output checked\n", argv[1], measured.rows(), measured.cols());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "chain_instructions: %s\n", e.what());
        return 1;
    }
}
