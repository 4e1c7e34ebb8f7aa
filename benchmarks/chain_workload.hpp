#pragma once
// The feature-chain workload every chain benchmark runs, three ways that give the same floats:
//   fused         lolpop::feature_chain's transform_dense: the steps composed at compile time;
//   hand_written  the same five transforms written by hand as one loop over the rows;
//   virtual_chain the same steps behind a virtual interface in a std::vector, each materializing
//                 its whole output frame before the next runs (what scikit-learn's Pipeline does).
// The steps: mean_imputer -> log_transform -> standard_scaler -> clip [-3, 3] -> min_max_scaler.
// All three functions live in one translation unit, compiled with the same flags.
#include <lolpop/components/feature_transformer/clip.hpp>
#include <lolpop/components/feature_transformer/feature_chain.hpp>
#include <lolpop/components/feature_transformer/log_transform.hpp>
#include <lolpop/components/feature_transformer/mean_imputer.hpp>
#include <lolpop/components/feature_transformer/min_max_scaler.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/dense_matrix.hpp>
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lolpop_bench {

using chain = lolpop::feature_chain<lolpop::mean_imputer, lolpop::log_transform, lolpop::standard_scaler, lolpop::clip,
                                    lolpop::min_max_scaler>;

// Every step on every column; clip at [-3, 3] standard deviations.
chain::settings chain_settings();

// `cols` numeric columns x0, x1, ... of log-normal values (positive, skewed: what log_transform
// is for) with about 5% missing, the same for the same seed.
lolpop::frame synthetic_features(std::size_t rows, std::size_t cols, std::uint64_t seed);

lolpop::dense_matrix fused(const chain& fitted, const lolpop::frame& X);

// The loop a programmer writes for these transforms, with the parameters `fitted` learned.
class hand_written {
public:
    explicit hand_written(const chain& fitted);
    lolpop::dense_matrix transform(const lolpop::frame& X) const;

private:
    struct column_step {
        std::string name;
        double fill, mean, scale, min, max, range_scale, range_offset;
    };
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

    explicit virtual_chain(const chain::settings& s);
    void fit(const lolpop::frame& X);
    // Each step's output frame in turn, then the last one as the row-major float matrix XGBoost
    // reads, as a model fed by such a pipeline needs it.
    lolpop::dense_matrix transform(const lolpop::frame& X) const;

private:
    lolpop::context ctx_;
    std::vector<std::unique_ptr<step>> steps_;
};

// Value for value (NaN equal to NaN), and the same columns.
bool same_values(const lolpop::dense_matrix& a, const lolpop::dense_matrix& b);

}  // namespace lolpop_bench
