#pragma once
// XGBoost's C API as a table of functions, filled the first time a model is trained, loaded or
// explained. A profile binary does not link libxgboost: loading it with its OpenMP and dmlc
// libraries and running their static initialisers would cost every start of the binary 2 ms on
// an idle machine and several times that on a busy one, `--version`, `--help` and the steps that
// need no model included.
#include <xgboost/c_api.h>

namespace lolpop::detail {

// Every function of the C API lolpop calls, by its own name.
#define LOLPOP_XGBOOST_FUNCTIONS(X)     \
    X(XGBGetLastError)                  \
    X(XGBoosterCreate)                  \
    X(XGBoosterEvalOneIter)             \
    X(XGBoosterFeatureScore)            \
    X(XGBoosterFree)                    \
    X(XGBoosterGetNumFeature)           \
    X(XGBoosterLoadModelFromBuffer)     \
    X(XGBoosterPredictFromDMatrix)      \
    X(XGBoosterPredictFromDense)        \
    X(XGBoosterSaveModelToBuffer)       \
    X(XGBoosterSetParam)                \
    X(XGBoosterSlice)                   \
    X(XGBoosterUpdateOneIter)           \
    X(XGDMatrixCreateFromMat_omp)       \
    X(XGDMatrixFree)                    \
    X(XGDMatrixSetFloatInfo)            \
    X(XGProxyDMatrixCreate)             \
    X(XGProxyDMatrixSetDataDense)       \
    X(XGQuantileDMatrixCreateFromCallback)

struct xgboost_api {
#define LOLPOP_XGBOOST_MEMBER(name) decltype(&::name) name = nullptr;
    LOLPOP_XGBOOST_FUNCTIONS(LOLPOP_XGBOOST_MEMBER)
#undef LOLPOP_XGBOOST_MEMBER
};

// The table, libxgboost loaded on the first call (thread-safe) and never unloaded: boosters and
// matrices may live until the process exits. Throws lolpop::error naming the library when it
// cannot be loaded or lacks one of the functions; a later call tries again.
const xgboost_api& xgboost();

}  // namespace lolpop::detail
