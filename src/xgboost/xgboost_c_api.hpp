#pragma once
// lolpop's thin layer over XGBoost's C API, shared by the trainer and the explainer: errors as
// lolpop::error, an owned DMatrix, frames encoded the way a model was trained on them.
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/core/frame.hpp>

#include <xgboost/c_api.h>

#include <cstddef>
#include <limits>
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
    dmatrix(const std::vector<float>& values, std::size_t rows, std::size_t cols, std::string_view where)
        : dmatrix(values.data(), rows, cols, where) {}
    ~dmatrix() { XGDMatrixFree(handle_); }
    dmatrix(const dmatrix&) = delete;
    dmatrix& operator=(const dmatrix&) = delete;
    DMatrixHandle get() const noexcept { return handle_; }

private:
    DMatrixHandle handle_ = nullptr;
};

// The row-major float matrix XGBoost reads, features in training order. Categorical values are
// looked up by label in the training categories, so a frame whose categories come in another
// order (or with labels training never saw, which become missing) is encoded consistently.
// Throws lolpop::error naming `where` for a missing feature or a categorical column where the
// model saw numbers.
std::vector<float> dense_features(const std::vector<xgboost_feature>& features, const frame& X, std::string_view where);

// The "iteration_end" a prediction uses: early stopping keeps the rounds after the best one in
// the booster, and prediction stops at it (0 = every round).
int prediction_end(const xgboost_model& model) noexcept;

}  // namespace lolpop::detail
