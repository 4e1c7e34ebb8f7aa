// One way of running a chain workload (chain_workload.hpp) with callgrind's instrumentation on
// around that pass alone, for instruction counts that do not depend on the machine's load:
//   valgrind --tool=callgrind --instr-atstart=no chain_instructions <chain> <way> <rows>
// with <chain> log_chain or scale_chain and <way> fused, hand_written or virtual.
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
#include <type_traits>

namespace {

using namespace lolpop_bench;

template <class Chain>
int measure(std::string_view way, std::size_t rows) {
    const lolpop::frame X = synthetic_features(rows, 8, 42);
    lolpop::context ctx;
    Chain fitted(chain_settings<Chain>(), ctx);
    fitted.fit(X);
    const hand_written by_hand(fitted);
    virtual_chain runtime(chain_settings<Chain>(), std::type_identity<Chain>{});
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

    const bool by_hand_measured = way == "hand_written";
    const lolpop::dense_matrix expected = by_hand_measured ? fused(fitted, X) : by_hand.transform(X);
    if (!same_values(measured, expected)) {
        std::fprintf(stderr, "chain_instructions: the %.*s output differs from the %s one\n", static_cast<int>(way.size()),
                     way.data(), by_hand_measured ? "fused" : "hand-written");
        return 1;
    }
    std::printf("%.*s: %zu rows x %zu columns, output checked\n", static_cast<int>(way.size()), way.data(),
                measured.rows(), measured.cols());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string_view chain = argc == 4 ? argv[1] : "", way = argc == 4 ? argv[2] : "";
    if ((chain != "log_chain" && chain != "scale_chain") || (way != "fused" && way != "hand_written" && way != "virtual")) {
        std::fprintf(stderr, "usage: chain_instructions <log_chain|scale_chain> <fused|hand_written|virtual> <rows>\n");
        return 2;
    }
    const std::size_t rows = std::strtoull(argv[3], nullptr, 10);
    try {
        return chain == "log_chain" ? measure<log_chain>(way, rows) : measure<scale_chain>(way, rows);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "chain_instructions: %s\n", e.what());
        return 1;
    }
}
