#pragma once
// Typed records of what a workflow produced, as the metadata tracker stores them.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

using metric_values = std::map<std::string, double>;

// Bytes stored by the resource version control, addressed by their content.
struct artifact {
    std::string hash;  // lowercase hex SHA-256
    std::string uri;   // where it is stored
    std::size_t size = 0;
};

// Where a run stands: it starts running and ends ok or failed; a run whose process died before
// it ended is found abandoned by a later step.
enum class run_status { running, ok, failed, abandoned };

std::string_view to_string(run_status s) noexcept;
// The status a stored name stands for; nothing for a name that is not one.
std::optional<run_status> parse_run_status(std::string_view name) noexcept;

// One execution of one runner step by one profile binary.
struct run {
    std::string id;
    std::string profile;   // profile name, e.g. "dev"
    std::string build_id;  // hash of the resolved profile and generator version
    std::string step;      // "process", "train", ...
    run_status status = run_status::running;
    std::string started_at;
    std::string ended_at;
};

struct dataset {
    std::string id;
    std::string name;  // e.g. "train", "predict"
};

// An immutable, content-addressed version of a dataset.
struct dataset_version {
    std::string id;
    std::string dataset_name;
    std::string content_hash;  // SHA-256 of the stored bytes
    std::string uri;           // where the resource version control keeps it
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::string run_id;
    std::string created_at;
};

struct model {
    std::string id;
    std::string name;
};

struct model_version {
    std::string id;
    std::string model_name;
    int version = 0;                       // 1, 2, ... per model name
    std::string trainer;                   // component name, e.g. "xgboost_trainer"
    std::string content_hash;              // SHA-256 of the serialized model
    std::string uri;
    std::string params;                    // the trainer's effective settings, TOML
    std::vector<std::string> dataset_versions;  // lineage: ids of the data it was trained on
    std::string run_id;
    std::string created_at;
};

// A hyperparameter trial or any other evaluated attempt at a model version.
struct experiment {
    std::string id;
    std::string model_version_id;
    std::string name;
    std::string params;
    metric_values metrics;
    std::string created_at;
};

struct prediction_job {
    std::string id;
    std::string model_version_id;
    std::string dataset_version_id;
    std::string output_uri;
    std::size_t rows = 0;
    std::string run_id;
    std::string created_at;
};

// A model version put forward for deployment, and whether it is approved.
struct promotion {
    std::string id;
    std::string model_name;
    std::string model_version_id;
    bool approved = false;
    std::string created_at;
};

// The model version a deployer serves for a model name, and where.
struct deployment {
    std::string model_name;
    std::string model_version_id;
    std::string uri;
    std::string deployed_at;
};

// How much one feature weighs in a model's predictions, as its explainer measures it.
struct feature_importance {
    std::string feature;
    double importance = 0;
};

}  // namespace lolpop
