// Wall time of the chain workloads (chain_workload.hpp), the ways side by side, on 1 M rows x 8
// columns made in memory:
//   <chain>/fused          feature_chain::transform_dense, the fused pass into a float matrix;
//   <chain>/hand_written   the same transforms written by hand as one loop;
//   <chain>/virtual        the steps behind a virtual interface, each materializing its output;
//   <chain>/fused_frame    feature_chain::transform, the fused pass into a frame of doubles.
// With --csv=<file> (as benchmarks/peers/make_chain_data.py writes it) both chains are also
// fitted on that file and their transform into a frame timed, for the comparison with
// scikit-learn's Pipeline on the same file (benchmarks/peers/sklearn_pipeline.py):
//   csv/<chain>/fused_frame
#include "chain_workload.hpp"

#include <lolpop/data/csv.hpp>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

using namespace lolpop_bench;

// Data and fitted transformers, made once and shared by the benchmarks on them.
template <class Chain>
struct workload {
    lolpop::frame X;
    lolpop::context ctx;
    Chain fitted{chain_settings<Chain>(), ctx};
    hand_written by_hand;
    virtual_chain runtime{chain_settings<Chain>(), std::type_identity<Chain>{}};

    explicit workload(lolpop::frame data) : X(std::move(data)), by_hand(fitted_on(fitted, X)) { runtime.fit(X); }

private:
    static const Chain& fitted_on(Chain& c, const lolpop::frame& data) {
        c.fit(data);
        return c;
    }
};

template <class W, class Transform>
void add(const std::string& name, std::shared_ptr<const W> w, Transform transform) {
    benchmark::RegisterBenchmark(name.c_str(),
                                 [w, transform](benchmark::State& state) {
                                     for (auto _ : state) {
                                         auto out = transform(*w);
                                         benchmark::DoNotOptimize(out);
                                     }
                                     state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * w->X.rows()));
                                     state.counters["rows"] = static_cast<double>(w->X.rows());
                                     state.counters["cols"] = static_cast<double>(w->X.cols());
                                 })
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(5);
}

template <class Chain>
void register_chain(const std::string& name, const lolpop::frame& X) {
    const auto w = std::make_shared<const workload<Chain>>(X);
    add(name + "/fused", w, [](const workload<Chain>& x) { return fused(x.fitted, x.X); });
    add(name + "/hand_written", w, [](const workload<Chain>& x) { return x.by_hand.transform(x.X); });
    add(name + "/virtual", w, [](const workload<Chain>& x) { return x.runtime.transform(x.X); });
    add(name + "/fused_frame", w, [](const workload<Chain>& x) { return x.fitted.transform(x.X); });
}

template <class Chain>
void register_csv(const std::string& name, const lolpop::frame& X) {
    const auto w = std::make_shared<const workload<Chain>>(X);
    add("csv/" + name + "/fused_frame", w, [](const workload<Chain>& x) { return x.fitted.transform(x.X); });
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::string csv;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (!arg.starts_with("--csv=")) {
            std::fprintf(stderr, "feature_chain_benchmark: unknown argument %s (benchmark flags and --csv=<file>)\n", argv[i]);
            return 2;
        }
        csv = arg.substr(6);
    }
    {
        const lolpop::frame X = synthetic_features(1'000'000, 8, 42);
        register_chain<log_chain>("log_chain", X);
        register_chain<scale_chain>("scale_chain", X);
    }
    if (!csv.empty()) {
        const lolpop::frame X = lolpop::read_csv_file(csv);
        register_csv<log_chain>("log_chain", X);
        register_csv<scale_chain>("scale_chain", X);
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
}
