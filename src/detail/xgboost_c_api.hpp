#pragma once
// lolpop's thin layer over XGBoost's C API, shared by the trainer and the explainer: errors as
// lolpop::error, an owned DMatrix, frames encoded the way a model was trained on them.
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/core/frame.hpp>

#include "detail/xgboost_api.hpp"

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop::detail {

inline constexpr float missing = std::numeric_limits<float>::quiet_NaN();

// The sentence of XGBoost's last error, without its time stamp, source line and stack trace.
std::string xgboost_message();

// Throws lolpop::error "XGBoost: <its message>" naming `where` when a C API call failed.
void check(int rc, std::string_view where);

// Rows of features as XGBoost reads them (row-major floats, one per feature), a range at a time:
// either laid out already (`values`, all rows) or laid out on demand into a buffer (`fill`).
struct feature_batches {
    std::size_t rows = 0;
    std::size_t cols = 0;
    const float* values = nullptr;
    std::function<void(std::size_t begin, std::size_t end, float* out)> fill;
    // The rows of one range, when the rows are laid out on demand.
    std::size_t chunk_rows = 1;
};

class dmatrix {
public:
    // XGBoost copies the rows*cols values, on `nthread` threads (0 = every core).
    dmatrix(const float* values, std::size_t rows, std::size_t cols, std::string_view where, int nthread = 0) {
        check(xgboost().XGDMatrixCreateFromMat_omp(values, rows, cols, missing, &handle_, nthread), where);
    }
    // A DMatrix of all rows: XGBoost's copy of them, made from `values` when they are laid out
    // already, else from one buffer of all rows that is freed as soon as XGBoost has its copy.
    static dmatrix of(const feature_batches& rows, std::string_view where, int nthread);
    // A quantile DMatrix (what tree_method "hist" trains on): XGBoost reads the rows a range at a
    // time and keeps only their histogram bins, so the features are never held whole as floats,
    // neither here nor in XGBoost. `reference` gives the bins of a validation part its training
    // part's cuts.
    static dmatrix quantized(const feature_batches& rows, int max_bin, int nthread, const dmatrix* reference,
                             std::string_view where);
    ~dmatrix() {
        if (handle_) xgboost().XGDMatrixFree(handle_);
    }
    dmatrix(dmatrix&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
    dmatrix(const dmatrix&) = delete;
    dmatrix& operator=(const dmatrix&) = delete;
    dmatrix& operator=(dmatrix&&) = delete;
    DMatrixHandle get() const noexcept { return handle_; }

private:
    explicit dmatrix(DMatrixHandle handle) noexcept : handle_(handle) {}
    DMatrixHandle handle_ = nullptr;
};

// X's columns as a model's features, checked and converted once, so that any range of rows can
// then be laid out as XGBoost reads them: row-major floats, features in training order.
// Categorical values are looked up by label in the training categories, so a frame whose
// categories come in another order (or with labels training never saw, which become missing) is
// encoded consistently. X must outlive the object.
class frame_features {
public:
    // Throws lolpop::error naming `where` for a missing feature or a categorical column where the
    // model saw numbers.
    frame_features(const std::vector<xgboost_feature>& features, const frame& X, std::string_view where);
    frame_features(const frame_features&) = delete;
    frame_features& operator=(const frame_features&) = delete;

    // Rows laid out a range at a time go in ranges of about this many bytes: small enough for the
    // cache, large enough that XGBoost's cost per call (about 0.1 ms) stays small.
    static constexpr std::size_t chunk_bytes = std::size_t{1} << 22;
    // The rows of one such range: at least 64.
    std::size_t chunk_rows() const noexcept { return std::max<std::size_t>(64, chunk_bytes / (sizeof(float) * std::max<std::size_t>(1, cols()))); }

    std::size_t rows() const noexcept { return rows_; }
    std::size_t cols() const noexcept { return sources_.size(); }
    // Rows [begin, end) into out, (end - begin) * cols() floats.
    void fill(std::size_t begin, std::size_t end, float* out) const;

private:
    std::size_t rows_;
    std::vector<std::vector<double>> converted_;  // the features that are not numeric columns of X
    std::vector<const double*> sources_;          // each feature's values, NaN where missing
};

// All of X's rows at once (what a DMatrix for training is made of).
std::unique_ptr<float[]> dense_features(const std::vector<xgboost_feature>& features, const frame& X,
                                        std::string_view where);

// The "iteration_end" a prediction uses: early stopping keeps the rounds after the best one in
// the booster, and prediction stops at it (0 = every round).
int prediction_end(const xgboost_model& model) noexcept;

}  // namespace lolpop::detail
