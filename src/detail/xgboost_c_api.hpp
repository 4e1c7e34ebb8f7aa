#pragma once
// lolpop's thin layer over XGBoost's C API, shared by the trainer and the explainer: errors as
// lolpop::error, an owned DMatrix, frames encoded the way a model was trained on them.
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/core/frame.hpp>

#include <xgboost/c_api.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

inline constexpr float missing = std::numeric_limits<float>::quiet_NaN();

// The sentence of XGBoost's last error, without its time stamp, source line and stack trace.
std::string xgboost_message();

// Throws lolpop::error "XGBoost: <its message>" naming `where` when a C API call failed.
void check(int rc, std::string_view where);

class dmatrix {
public:
    // XGBoost copies the rows*cols values.
    dmatrix(const float* values, std::size_t rows, std::size_t cols, std::string_view where) {
        check(XGDMatrixCreateFromMat(values, rows, cols, missing, &handle_), where);
    }
    ~dmatrix() { XGDMatrixFree(handle_); }
    dmatrix(const dmatrix&) = delete;
    dmatrix& operator=(const dmatrix&) = delete;
    DMatrixHandle get() const noexcept { return handle_; }

private:
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
