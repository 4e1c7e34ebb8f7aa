#pragma once
// The rows a model learns from and scores, as a runner's task derives them from a dataset.
//
// A task's rows hook is called with the dataset as the process or predict step reads it (after
// the data transformer) and returns its model_rows; offline_train and offline_predict call the
// same hook, so a model's features are computed identically at train and predict time.
// Classification and regression use the rows as they are (same_rows, which the pipelines do not
// even call); time series turn each row into a forecast origin (lolpop::timeseries_features).
#include <lolpop/core/frame.hpp>

namespace lolpop {

struct model_rows {
    // The index column (if any), the features and the label column named like the target, which
    // is missing where the label is unknown (beyond the end of a series, say).
    frame data;
    // What the predictions carry between the index and the prediction, one value per row of
    // `data` (the time a forecast is made and the time it is for): never features.
    frame annotations;
};

// The dataset's rows are the model's rows.
struct same_rows {
    model_rows operator()(const frame& data) const { return {data, {}}; }
};

}  // namespace lolpop
