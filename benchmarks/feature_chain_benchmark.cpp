// Wall time of the chain workload (chain_workload.hpp), the three ways side by side, on 1 M rows
// x 8 columns made in memory:
//   chain/fused          feature_chain::transform_dense, the fused pass into a float matrix;
//   chain/hand_written   the same transforms written by hand as one loop;
//   chain/virtual        the steps behind a virtual interface, each materializing its output;
//   chain/fused_frame    feature_chain::transform, the fused pass into a frame of doubles.
// With --csv=<file> (numeric columns, as benchmarks/peers/make_chain_data.py writes them) the
// chain is also fitted on that file and its transform timed, for the comparison with
// scikit-learn's Pipeline on the same file (benchmarks/peers/sklearn_pipeline.py):
//   csv/fused_frame, csv/fused
#include "chain_workload.hpp"

#include <lolpop/core/csv.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace lolpop_bench;

// Data and fitted transformers, made once and shared by every benchmark on them.
struct workload {
    lolpop::frame X;
    lolpop::context ctx;
    chain fitted{chain_settings(), ctx};
    hand_written by_hand;
    virtual_chain runtime{chain_settings()};

    explicit workload(lolpop::frame data) : X(std::move(data)), by_hand(fitted_on(fitted, X)) { runtime.fit(X); }

private:
    static const chain& fitted_on(chain& c, const lolpop::frame& data) {
        c.fit(data);
        return c;
    }
};

template <class Transform>
void time_transform(benchmark::State& state, const workload& w, Transform transform) {
    for (auto _ : state) {
        auto out = transform(w);
        benchmark::DoNotOptimize(out);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * w.X.rows()));
    state.counters["rows"] = static_cast<double>(w.X.rows());
    state.counters["cols"] = static_cast<double>(w.X.cols());
}

void register_all(const std::string& prefix, std::shared_ptr<const workload> w, bool all_ways) {
    auto add = [&](const std::string& name, auto transform) {
        benchmark::RegisterBenchmark((prefix + "/" + name).c_str(),
                                     [w, transform](benchmark::State& s) { time_transform(s, *w, transform); })
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Repetitions(5);
    };
    add("fused", [](const workload& x) { return fused(x.fitted, x.X); });
    if (all_ways) {
        add("hand_written", [](const workload& x) { return x.by_hand.transform(x.X); });
        add("virtual", [](const workload& x) { return x.runtime.transform(x.X); });
    }
    add("fused_frame", [](const workload& x) { return x.fitted.transform(x.X); });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::string csv;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--csv=")) {
            csv = arg.substr(6);
        } else {
            std::fprintf(stderr, "feature_chain_benchmark: unknown argument %s (benchmark flags and --csv=<file>)\n",
                         argv[i]);
            return 2;
        }
    }
    register_all("chain", std::make_shared<const workload>(synthetic_features(1'000'000, 8, 42)), true);
    if (!csv.empty()) register_all("csv", std::make_shared<const workload>(lolpop::read_csv_file(csv)), false);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
