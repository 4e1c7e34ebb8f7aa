#pragma once
// The feature-chain workloads the chain benchmarks run, each three ways that give the same floats:
//   fused         lolpop::feature_chain's transform_dense: the steps composed at compile time;
//   hand_written  the same transforms written by hand as one loop: over the rows with log1p, over
//                 blocks of rows column by column without it, so that it vectorizes;
//   virtual_chain the same steps behind a virtual interface in a std::vector, each materializing
//                 its whole output frame before the next runs (what scikit-learn's Pipeline does).
// Two chains: log_chain, whose log1p costs more than everything else together, and scale_chain,
// whose steps are a few instructions each, so that the cost of composing them shows the most.
// The functions of the three ways live in one translation unit, compiled with the same flags.
#include <lolpop/components/feature_transformer/clip.hpp>
#include <lolpop/components/feature_transformer/feature_chain.hpp>
#include <lolpop/components/feature_transformer/log_transform.hpp>
#include <lolpop/components/feature_transformer/mean_imputer.hpp>
#include <lolpop/components/feature_transformer/min_max_scaler.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/data/dense_matrix.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/composition/settings.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace lolpop_bench {

using log_chain = lolpop::feature_chain<lolpop::mean_imputer, lolpop::log_transform, lolpop::standard_scaler,
                                        lolpop::clip, lolpop::min_max_scaler>;
using scale_chain = lolpop::feature_chain<lolpop::mean_imputer, lolpop::standard_scaler, lolpop::clip,
                                          lolpop::min_max_scaler>;

// Every step on every column; clip at [-3, 3] standard deviations.
template <class Chain>
typename Chain::settings chain_settings() {
    typename Chain::settings s{};
    lolpop::part<lolpop::chain_step<lolpop::clip>>(s).min = -3;
    lolpop::part<lolpop::chain_step<lolpop::clip>>(s).max = 3;
    return s;
}

// `cols` numeric columns x0, x1, ... of log-normal values (positive, skewed: what log_transform
// is for) with about 5% missing, the same for the same seed.
lolpop::frame synthetic_features(std::size_t rows, std::size_t cols, std::uint64_t seed);

lolpop::dense_matrix fused(const log_chain& fitted, const lolpop::frame& X);
lolpop::dense_matrix fused(const scale_chain& fitted, const lolpop::frame& X);

// The loop a programmer writes for a chain's transforms, with the parameters the fitted chain
// learned. Throws lolpop::error when the chain does not apply every step to every column.
class hand_written {
public:
    explicit hand_written(const log_chain& fitted);
    explicit hand_written(const scale_chain& fitted);
    lolpop::dense_matrix transform(const lolpop::frame& X) const;

    struct column_step {  // one column's learned parameters
        double fill, mean, scale, min, max, range_scale, range_offset;
    };

private:
    // Log: the chain has log_transform as its second step (it learns nothing, so it has no
    // parameter here).
    template <bool Log, class Chain>
    void read_parameters(const Chain& fitted);
    lolpop::dense_matrix rows_one_by_one(const lolpop::frame& X) const;    // with log1p
    lolpop::dense_matrix columns_in_blocks(const lolpop::frame& X) const;  // without: vectorized

    bool log_ = false;
    std::vector<std::string> names_;
    std::vector<column_step> columns_;
    lolpop::row_layout output_;
};

// The steps chosen at run time: a std::vector of pointers to a virtual interface.
class virtual_chain {
public:
    struct step {
        virtual ~step() = default;
        virtual void fit(const lolpop::frame& X) = 0;
        virtual lolpop::frame transform(const lolpop::frame& X) const = 0;
    };

    // The steps of Chain, each with its settings in `s`.
    template <class... Steps>
    explicit virtual_chain(const typename lolpop::feature_chain<Steps...>::settings& s,
                           std::type_identity<lolpop::feature_chain<Steps...>>) {
        (steps_.push_back(std::make_unique<erased<Steps>>(lolpop::part<lolpop::chain_step<Steps>>(s), ctx_)), ...);
    }
    virtual_chain(const virtual_chain&) = delete;
    virtual_chain& operator=(const virtual_chain&) = delete;

    // Each step on what the steps before it make of X, as the fused chain fits.
    void fit(const lolpop::frame& X);
    // Each step's output frame in turn, then the last one as the row-major float matrix XGBoost
    // reads, as a model fed by such a pipeline needs it.
    lolpop::dense_matrix transform(const lolpop::frame& X) const;

private:
    template <class T>
    class erased final : public step {
    public:
        erased(const typename T::config& c, lolpop::context& ctx) : step_(c, ctx) {}
        void fit(const lolpop::frame& X) override { step_.fit(X); }
        lolpop::frame transform(const lolpop::frame& X) const override { return step_.transform(X); }

    private:
        T step_;
    };

    lolpop::context ctx_;
    std::vector<std::unique_ptr<step>> steps_;
};

// Value for value (NaN equal to NaN), and the same columns.
bool same_values(const lolpop::dense_matrix& a, const lolpop::dense_matrix& b);

}  // namespace lolpop_bench
