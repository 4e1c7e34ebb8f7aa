#include <lolpop/components/model_trainer/xgboost_trainer.hpp>

#include "detail/xgboost_c_api.hpp"

#include <lolpop/core/error.hpp>
#include <lolpop/core/progress.hpp>
#include <lolpop/data/sha256.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lolpop {

namespace {

using detail::check;
using detail::dmatrix;
using detail::xgboost_message;

constexpr std::string_view magic = "lolpop-xgboost-model\n";
constexpr std::int64_t format_version = 1;

// Owns a booster until it is handed to an xgboost_model.
class booster_owner {
public:
    booster_owner(const DMatrixHandle* cache, std::size_t n, std::string_view where) {
        check(detail::xgboost().XGBoosterCreate(cache, n, &handle_), where);
    }
    ~booster_owner() {
        if (handle_ != nullptr) detail::xgboost().XGBoosterFree(handle_);
    }
    booster_owner(const booster_owner&) = delete;
    booster_owner& operator=(const booster_owner&) = delete;
    BoosterHandle get() const noexcept { return handle_; }
    BoosterHandle release() noexcept { return std::exchange(handle_, nullptr); }

private:
    BoosterHandle handle_ = nullptr;
};

void set_param(BoosterHandle b, const std::string& key, const std::string& value, std::string_view where) {
    check(detail::xgboost().XGBoosterSetParam(b, key.c_str(), value.c_str()), where);
}

bool numeric_less(const column& c, std::size_t a, std::size_t b) {
    if (c.type() == column_type::integer) return c.integer_values()[a] < c.integer_values()[b];
    return c.as_double(a) < c.as_double(b);
}

// The distinct labels of a classification target, sorted as scikit-learn sorts them: by value
// for numbers, by text for categories. One row per class, typed like the target.
column class_values_of(const column& y) {
    std::unordered_map<std::string, std::size_t> first_row;
    std::vector<std::size_t> firsts;
    for (std::size_t i = 0; i < y.size(); ++i)
        if (first_row.emplace(y.to_string(i), i).second) firsts.push_back(i);
    if (y.type() != column_type::categorical) {
        std::sort(firsts.begin(), firsts.end(), [&](std::size_t a, std::size_t b) { return numeric_less(y, a, b); });
        return y.take(firsts);
    }
    // Rebuilt rather than taken, so that the categories are exactly the classes, in class order.
    std::sort(firsts.begin(), firsts.end(), [&](std::size_t a, std::size_t b) { return y.to_string(a) < y.to_string(b); });
    column out(y.name(), column_type::categorical);
    for (std::size_t r : firsts) out.push_category(y.to_string(r));
    return out;
}

void require_complete(const column& y, std::string_view part) {
    for (std::size_t i = 0; i < y.size(); ++i)
        if (y.is_missing(i))
            throw error("the target has a missing value",
                        std::string(part) + " target '" + y.name() + "', row " + std::to_string(i + 1));
}

// Class indices, or values for regression, as XGBoost's labels.
std::vector<float> labels_of(const column& y, const std::vector<std::string>& classes, problem_type problem,
                             std::string_view part) {
    require_complete(y, part);
    std::vector<float> out(y.size());
    if (problem == problem_type::regression) {
        for (std::size_t i = 0; i < y.size(); ++i) out[i] = static_cast<float>(y.as_double(i));
        return out;
    }
    std::unordered_map<std::string, float> index;
    for (std::size_t k = 0; k < classes.size(); ++k) index.emplace(classes[k], static_cast<float>(k));
    for (std::size_t i = 0; i < y.size(); ++i) {
        auto label = y.to_string(i);
        auto it = index.find(label);
        if (it == index.end())
            throw error("class '" + label + "' does not occur in the training target",
                        std::string(part) + " target '" + y.name() + "', row " + std::to_string(i + 1));
        out[i] = it->second;
    }
    return out;
}

std::string objective_for(problem_type problem, const std::string& objective) {
    const std::string where = "xgboost_trainer.objective";
    switch (problem) {
        case problem_type::binary:
            if (objective.empty() || objective == "binary:logistic") return "binary:logistic";
            throw error("objective '" + objective + "' gives no class probabilities; a binary problem needs binary:logistic",
                        where);
        case problem_type::multiclass:
            if (objective.empty() || objective == "multi:softprob") return "multi:softprob";
            throw error("objective '" + objective +
                            "' gives no class probabilities; a multiclass problem needs multi:softprob",
                        where);
        case problem_type::regression:
            if (objective.empty()) return "reg:squarederror";
            for (std::string_view prefix : {"binary:", "multi:", "rank:"})
                if (objective.starts_with(prefix))
                    throw error("objective '" + objective + "' is not a regression objective", where);
            return objective;
    }
    return objective;
}

// XGBoost's names (and aliases) of the parameters the config sets itself, so that extra_params
// cannot quietly contradict a typed setting.
const std::unordered_map<std::string_view, std::string_view>& typed_parameters() {
    static const std::unordered_map<std::string_view, std::string_view> names{
        {"booster", "booster"},
        {"eta", "eta"},
        {"learning_rate", "eta"},
        {"gamma", "gamma"},
        {"min_split_loss", "gamma"},
        {"max_depth", "max_depth"},
        {"min_child_weight", "min_child_weight"},
        {"max_delta_step", "max_delta_step"},
        {"subsample", "subsample"},
        {"colsample_bytree", "colsample_bytree"},
        {"colsample_bylevel", "colsample_bylevel"},
        {"colsample_bynode", "colsample_bynode"},
        {"lambda", "reg_lambda"},
        {"reg_lambda", "reg_lambda"},
        {"alpha", "reg_alpha"},
        {"reg_alpha", "reg_alpha"},
        {"tree_method", "tree_method"},
        {"max_bin", "max_bin"},
        {"grow_policy", "grow_policy"},
        {"max_leaves", "max_leaves"},
        {"scale_pos_weight", "scale_pos_weight"},
        {"objective", "objective"},
        {"eval_metric", "eval_metric"},
        {"seed", "seed"},
        {"random_state", "seed"},
        {"nthread", "nthread"},
        {"num_class", ""},
    };
    return names;
}

void set_parameters(BoosterHandle b, const xgboost_trainer::config& c, problem_type problem, std::size_t classes) {
    const std::string where = "xgboost_trainer";
    const xgboost_trainer::config defaults;
    // XGBoost warns about parameters the chosen booster ignores (max_depth for gblinear); passing
    // only what differs from its defaults keeps that warning for settings the user really made.
    auto param = [&](const char* key, const auto& value, const auto& default_value) {
        if (value != default_value) set_param(b, key, fmt::format("{}", value), where + "." + key);
    };
    set_param(b, "validate_parameters", "1", where);
    param("booster", c.booster, defaults.booster);
    param("eta", c.eta, defaults.eta);
    param("gamma", c.gamma, defaults.gamma);
    param("max_depth", c.max_depth, defaults.max_depth);
    param("min_child_weight", c.min_child_weight, defaults.min_child_weight);
    param("max_delta_step", c.max_delta_step, defaults.max_delta_step);
    param("subsample", c.subsample, defaults.subsample);
    param("colsample_bytree", c.colsample_bytree, defaults.colsample_bytree);
    param("colsample_bylevel", c.colsample_bylevel, defaults.colsample_bylevel);
    param("colsample_bynode", c.colsample_bynode, defaults.colsample_bynode);
    param("lambda", c.reg_lambda, defaults.reg_lambda);
    param("alpha", c.reg_alpha, defaults.reg_alpha);
    param("tree_method", c.tree_method, defaults.tree_method);
    param("max_bin", c.max_bin, defaults.max_bin);
    param("grow_policy", c.grow_policy, defaults.grow_policy);
    param("max_leaves", c.max_leaves, defaults.max_leaves);
    param("scale_pos_weight", c.scale_pos_weight, defaults.scale_pos_weight);
    param("seed", c.seed, defaults.seed);
    param("nthread", c.nthread, defaults.nthread);
    set_param(b, "objective", objective_for(problem, c.objective), where + ".objective");
    if (problem == problem_type::multiclass) set_param(b, "num_class", std::to_string(classes), where);
    // Each call adds a metric: XGBoost keeps a list and evaluates all of them.
    std::string_view metrics = c.eval_metric;
    while (!metrics.empty()) {
        const auto comma = metrics.find(',');
        auto metric = metrics.substr(0, comma);
        metrics = comma == std::string_view::npos ? std::string_view{} : metrics.substr(comma + 1);
        while (metric.starts_with(' ')) metric.remove_prefix(1);
        while (metric.ends_with(' ')) metric.remove_suffix(1);
        if (!metric.empty()) set_param(b, "eval_metric", std::string(metric), where + ".eval_metric");
    }
    for (const auto& [key, value] : c.extra_params) {
        if (auto it = typed_parameters().find(key); it != typed_parameters().end()) {
            throw error("'" + key + "' cannot be an extra parameter: " +
                            (it->second.empty() ? std::string("it follows from the training classes")
                                                : "use the setting '" + std::string(it->second) + "'"),
                        where + ".extra_params");
        }
        set_param(b, key, value, where + ".extra_params." + key);
    }
}

// XGBoost's own rule for which evaluation metrics improve upwards.
bool maximized(std::string_view metric) {
    for (std::string_view m : {"auc", "aucpr", "map", "ndcg", "pre"})
        if (metric == m) return true;
    for (std::string_view prefix : {"auc@", "aucpr@", "map@", "ndcg@", "pre@"})
        if (metric.starts_with(prefix)) return true;
    return false;
}

struct evaluation_result {
    std::string metric;
    double value;
};

// The last metric of a line like "[3]\tvalid-logloss:0.41\tvalid-auc:0.97".
evaluation_result last_metric(std::string_view line) {
    const auto tab = line.rfind('\t');
    const auto colon = line.rfind(':');
    const auto dash = line.find('-', tab == std::string_view::npos ? 0 : tab);
    double value = 0;
    if (tab == std::string_view::npos || colon == std::string_view::npos || dash == std::string_view::npos ||
        colon < dash ||
        std::from_chars(line.data() + colon + 1, line.data() + line.size(), value).ec != std::errc())
        throw error("XGBoost returned an evaluation line lolpop cannot read: '" + std::string(line) + "'",
                    "xgboost_trainer.early_stopping_rounds");
    return {std::string(line.substr(dash + 1, colon - dash - 1)), value};
}

// XGBoost's output for `rows` rows of features laid out as the model's (row-major, one float per
// feature): per row one value (the probability of class 1, or the regression value) or, for
// multiclass, one probability per class. The values belong to the booster and stay valid until
// its next prediction; they are read, not copied.
std::span<const float> raw_predictions(const xgboost_model& model, const float* values, std::size_t rows,
                                       std::string_view where) {
    if (rows == 0) return {};
    const std::size_t cols = model.features().size();
    const std::size_t width = model.problem() == problem_type::multiclass ? model.classes().size() : 1;
    const int end = detail::prediction_end(model);
    const auto config = fmt::format(
        R"({{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": {}, "strict_shape": false, "missing": NaN, "cache_id": 0}})",
        end);
    const bst_ulong* shape = nullptr;
    bst_ulong dims = 0;
    const float* result = nullptr;
    if (model.booster_type() == "gblinear") {
        // XGBoost has no in-place prediction for linear boosters.
        dmatrix data(values, rows, cols, where);
        check(detail::xgboost().XGBoosterPredictFromDMatrix(model.booster(), data.get(), config.c_str(), &shape, &dims,
                                                            &result),
              where);
    } else {
        const auto array = fmt::format(
            R"({{"data": [{}, true], "shape": [{}, {}], "strides": null, "typestr": "<f4", "version": 3}})",
            reinterpret_cast<std::uintptr_t>(values), rows, cols);
        check(detail::xgboost().XGBoosterPredictFromDense(model.booster(), array.c_str(), config.c_str(), nullptr,
                                                          &shape, &dims, &result),
              where);
    }
    std::size_t n = 1;
    for (bst_ulong d = 0; d < dims; ++d) n *= shape[d];
    if (n != rows * width)
        throw error(fmt::format("XGBoost returned {} values for {} rows of {} outputs", n, rows, width),
                    std::string(where));
    return {result, n};
}

// raw_predictions for the rows of a frame, made a chunk of rows at a time: each chunk is laid out in
// a buffer small enough to stay in the cache while XGBoost reads it, so a large frame is neither
// copied whole into a float matrix nor read back from memory.
std::vector<float> raw_predictions(const xgboost_model& model, const frame& X, std::string_view where) {
    const detail::frame_features features(model.features(), X, where);
    const std::size_t chunk = features.chunk_rows();
    const auto buffer = std::make_unique_for_overwrite<float[]>(std::min(chunk, features.rows()) * features.cols());
    std::vector<float> out;
    for (std::size_t begin = 0; begin < features.rows(); begin += chunk) {
        const std::size_t end = std::min(begin + chunk, features.rows());
        features.fill(begin, end, buffer.get());
        const std::span<const float> raw = raw_predictions(model, buffer.get(), end - begin, where);
        if (out.empty()) out.reserve(raw.size() / (end - begin) * features.rows());
        out.insert(out.end(), raw.begin(), raw.end());
    }
    return out;
}

// A dense matrix is read as the model's features as it is, so it must be laid out as they are.
void require_model_layout(const xgboost_model& model, const dense_matrix& X, std::string_view where) {
    const auto& features = model.features();
    if (X.cols() != features.size())
        throw error(fmt::format("the matrix has {} columns, the model {} features", X.cols(), features.size()),
                    std::string(where));
    for (std::size_t j = 0; j < features.size(); ++j) {
        const xgboost_feature& f = features[j];
        const layout_column& c = X.columns()[j];
        if (c.name != f.name)
            throw error(fmt::format("column {} of the matrix is '{}', but the model's feature {} is '{}'", j + 1, c.name,
                                    j + 1, f.name),
                        std::string(where));
        if ((c.type == column_type::categorical) != (f.type == column_type::categorical))
            throw error(fmt::format("feature '{}' is {} in the matrix but {} in the model", f.name, to_string(c.type),
                                    to_string(f.type)),
                        std::string(where));
        if (f.type == column_type::categorical && c.categories != f.categories)
            throw error(fmt::format("feature '{}' is coded with other categories than the model was trained with",
                                    f.name),
                        std::string(where));
    }
}

column predictions_of(const xgboost_model& model, std::span<const float> raw, std::size_t rows) {
    if (model.problem() == problem_type::regression) {
        std::vector<double> values(raw.begin(), raw.end());
        return column::numeric(model.target_name(), std::move(values));
    }
    const std::size_t k = model.classes().size();
    std::vector<std::size_t> predicted(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        if (model.problem() == problem_type::binary) {
            predicted[i] = raw[i] > 0.5f ? 1 : 0;
        } else {
            const auto row = raw.begin() + static_cast<std::ptrdiff_t>(i * k);
            predicted[i] = static_cast<std::size_t>(std::max_element(row, row + static_cast<std::ptrdiff_t>(k)) - row);
        }
    }
    column out = model.class_values().take(predicted);
    out.rename(model.target_name());
    return out;
}

class_probabilities probabilities_of(const xgboost_model& model, std::span<const float> raw) {
    class_probabilities out{model.classes(), {}};
    if (model.problem() == problem_type::binary) {
        out.values.resize(raw.size() * 2);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            out.values[2 * i] = 1.0 - static_cast<double>(raw[i]);
            out.values[2 * i + 1] = raw[i];
        }
    } else {
        out.values.assign(raw.begin(), raw.end());
    }
    return out;
}

predictions predictions_with_proba(const xgboost_model& model, std::span<const float> raw, std::size_t rows) {
    predictions out{predictions_of(model, raw, rows), {}};
    if (model.problem() != problem_type::regression) out.proba = probabilities_of(model, raw);
    return out;
}

template <class Enum, std::size_t N>
Enum parse_enum(std::string_view s, const Enum (&values)[N], std::string_view what) {
    for (auto v : values)
        if (to_string(v) == s) return v;
    throw std::invalid_argument("unknown " + std::string(what) + " '" + std::string(s) + "'");
}

constexpr problem_type all_problems[] = {problem_type::binary, problem_type::multiclass, problem_type::regression};
constexpr column_type all_column_types[] = {column_type::numeric, column_type::integer, column_type::categorical};

template <class T>
T required(const toml::node_view<const toml::node>& node, std::string_view key) {
    if (auto v = node[key].value<T>()) return *v;
    throw std::invalid_argument("the metadata has no valid '" + std::string(key) + "'");
}

const toml::array& required_array(const toml::node_view<const toml::node>& node, std::string_view key) {
    if (auto a = node[key].as_array()) return *a;
    throw std::invalid_argument("the metadata has no array '" + std::string(key) + "'");
}

column class_values_from(const toml::array& classes, const std::string& target, column_type type) {
    column out(target, type);
    for (const auto& node : classes) {
        switch (type) {
            case column_type::integer:
                if (auto v = node.value<std::int64_t>()) {
                    out.push_integer(*v);
                    continue;
                }
                break;
            case column_type::numeric:
                if (auto v = node.value<std::string>()) {
                    double d = 0;
                    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
                    if (ec == std::errc() && ptr == v->data() + v->size()) {
                        out.push_numeric(d);
                        continue;
                    }
                }
                break;
            case column_type::categorical:
                if (auto v = node.value<std::string>()) {
                    out.push_category(*v);
                    continue;
                }
                break;
        }
        throw std::invalid_argument("a class value does not fit the target type " + std::string(to_string(type)));
    }
    return out;
}

// Rows of features laid out as the model's, with their target.
struct feature_rows {
    detail::feature_batches batches;
    const column& y;
};

// The rows of X as the model's features, laid out a chunk at a time when XGBoost reads them.
detail::feature_batches batches_of(const detail::frame_features& X) {
    return {X.rows(), X.cols(), nullptr, [&X](std::size_t b, std::size_t e, float* out) { X.fill(b, e, out); },
            X.chunk_rows()};
}

detail::feature_batches batches_of(const dense_matrix& X) { return {X.rows(), X.cols(), X.data(), {}, X.rows()}; }

// What XGBoost trains on: with tree_method "hist" a quantile DMatrix, built from the rows a chunk at
// a time; otherwise a DMatrix, XGBoost's one copy of all rows.
dmatrix training_matrix(const xgboost_trainer::config& config, const detail::feature_batches& rows,
                        const dmatrix* reference, std::string_view where) {
    if (config.tree_method == "hist") return dmatrix::quantized(rows, config.max_bin, config.nthread, reference, where);
    return dmatrix::of(rows, where, config.nthread);
}

std::vector<xgboost_feature> features_of(const dense_matrix& X) {
    std::vector<xgboost_feature> out;
    for (const layout_column& c : X.columns())
        out.push_back({c.name, c.type, c.type == column_type::categorical ? c.categories : std::vector<std::string>{}});
    return out;
}

// Fits on rows laid out as `features` (row-major, one float per feature); `valid`, when given, is
// watched for early stopping.
xgboost_model fit_rows(const xgboost_trainer::config& config, const context& ctx, std::vector<xgboost_feature> features,
                       const feature_rows& train, const feature_rows* valid_rows, problem_type problem) {
    const std::string where = "xgboost_trainer.fit";
    const column& y = train.y;
    if (features.empty()) throw error("there are no feature columns", where);
    if (train.batches.rows == 0) throw error("there are no training rows", where);
    if (y.size() != train.batches.rows)
        throw error("the training target has " + std::to_string(y.size()) + " rows but the features have " +
                        std::to_string(train.batches.rows),
                    where);

    require_complete(y, "training");
    column class_values(y.name(), y.type());
    if (problem == problem_type::regression) {
        if (y.type() == column_type::categorical)
            throw error("a regression target must be numeric, not categorical", "training target '" + y.name() + "'");
    } else {
        class_values = class_values_of(y);
        if (class_values.size() < 2)
            throw error("classification needs at least 2 classes, the target has " +
                            std::to_string(class_values.size()),
                        "training target '" + y.name() + "'");
        if (problem == problem_type::binary && class_values.size() > 2)
            throw error("a binary problem needs 2 classes, the target has " + std::to_string(class_values.size()) +
                            " (use a multiclass problem)",
                        "training target '" + y.name() + "'");
    }
    std::vector<std::string> classes;
    for (std::size_t k = 0; k < class_values.size(); ++k) classes.push_back(class_values.to_string(k));

    const dmatrix train_data = training_matrix(config, train.batches, nullptr, where);
    const auto train_labels = labels_of(y, classes, problem, "training");
    check(detail::xgboost().XGDMatrixSetFloatInfo(train_data.get(), "label", train_labels.data(), train_labels.size()),
          where);

    std::optional<dmatrix> valid;
    if (valid_rows) {
        const std::string valid_where = "xgboost_trainer.fit (validation part)";
        const auto valid_labels = labels_of(valid_rows->y, classes, problem, "validation");
        if (valid_labels.size() != valid_rows->batches.rows)
            throw error("the validation target has " + std::to_string(valid_labels.size()) +
                            " rows but the features have " + std::to_string(valid_rows->batches.rows),
                        valid_where);
        valid.emplace(training_matrix(config, valid_rows->batches, &train_data, valid_where));
        check(detail::xgboost().XGDMatrixSetFloatInfo(valid->get(), "label", valid_labels.data(), valid_labels.size()),
              valid_where);
    }

    std::vector<DMatrixHandle> cache{train_data.get()};
    if (valid) cache.push_back(valid->get());
    booster_owner booster(cache.data(), cache.size(), where);
    set_parameters(booster.get(), config, problem, classes.size());

    int best_iteration = 0, rounds = 0;
    double best_score = 0;
    std::string metric;
    progress_meter meter(ctx, "training", static_cast<std::uint64_t>(config.num_boost_round), "rounds");
    for (int i = 0; i < config.num_boost_round; ++i) {
        check(detail::xgboost().XGBoosterUpdateOneIter(booster.get(), i, train_data.get()), where);
        rounds = i + 1;
        meter.update(static_cast<std::uint64_t>(rounds));
        if (!valid) {
            best_iteration = i;
            continue;
        }
        DMatrixHandle eval_sets[] = {valid->get()};
        const char* eval_names[] = {"valid"};
        const char* line = nullptr;
        check(detail::xgboost().XGBoosterEvalOneIter(booster.get(), i, eval_sets, eval_names, 1, &line), where);
        auto result = last_metric(line);
        const bool better = i == 0 || (maximized(result.metric) ? result.value > best_score : result.value < best_score);
        if (better) {
            best_score = result.value;
            metric = std::move(result.metric);
            best_iteration = i;
        }
        if (i - best_iteration >= config.early_stopping_rounds) break;
    }
    if (valid) {
        ctx.log(log_level::info, fmt::format("xgboost_trainer: {} rounds, best round {} with valid-{} {}",
                                                   rounds, best_iteration + 1, metric, best_score));
        // A linear booster's rounds update one set of weights: only the last can predict.
        if (config.booster == "gblinear") best_iteration = rounds - 1;
    } else {
        ctx.log(log_level::info, fmt::format("xgboost_trainer: {} rounds", rounds));
    }

    return xgboost_model(booster.release(), config.booster, problem, std::move(features), std::move(class_values),
                         y.name(), y.type(), best_iteration, rounds);
}

}  // namespace

xgboost_trainer::xgboost_trainer(const config& settings, context& ctx) : config_(settings), context_(&ctx) {
    if (config_.num_boost_round < 1)
        throw error("num_boost_round must be at least 1, got " + std::to_string(config_.num_boost_round),
                    "xgboost_trainer.num_boost_round");
    if (config_.early_stopping_rounds < 0)
        throw error("early_stopping_rounds must be 0 (off) or positive, got " +
                        std::to_string(config_.early_stopping_rounds),
                    "xgboost_trainer.early_stopping_rounds");
}

xgboost_model xgboost_trainer::fit(const data_split& split, problem_type problem) const {
    const frame& X = split.train.X;
    std::vector<xgboost_feature> features;
    for (const auto& c : X.columns()) {
        xgboost_feature f{c.name(), c.type(), {}};
        if (c.type() == column_type::categorical) f.categories = c.categories();
        features.push_back(std::move(f));
    }
    const detail::frame_features train(features, X, "xgboost_trainer.fit");
    if (config_.early_stopping_rounds == 0 || split.valid.X.rows() == 0)
        return fit_rows(config_, *context_, std::move(features), {batches_of(train), split.train.y}, nullptr, problem);
    const detail::frame_features valid(features, split.valid.X, "xgboost_trainer.fit (validation part)");
    const feature_rows valid_rows{batches_of(valid), split.valid.y};
    return fit_rows(config_, *context_, std::move(features), {batches_of(train), split.train.y}, &valid_rows, problem);
}

xgboost_model xgboost_trainer::fit(const dense_matrix& X, const column& y, problem_type problem) const {
    return fit_rows(config_, *context_, features_of(X), {batches_of(X), y}, nullptr, problem);
}

xgboost_model xgboost_trainer::fit(const dense_matrix& X, const column& y, const dense_matrix& valid_X,
                                   const column& valid_y, problem_type problem) const {
    if (valid_X.columns() != X.columns())
        throw error("the validation matrix has other columns than the training matrix", "xgboost_trainer.fit");
    if (config_.early_stopping_rounds == 0 || valid_X.rows() == 0) return fit(X, y, problem);
    const feature_rows valid_rows{batches_of(valid_X), valid_y};
    return fit_rows(config_, *context_, features_of(X), {batches_of(X), y}, &valid_rows, problem);
}

column xgboost_trainer::predict(const xgboost_model& model, const frame& X) const {
    const std::string where = "xgboost_trainer.predict";
    return predictions_of(model, raw_predictions(model, X, where), X.rows());
}

column xgboost_trainer::predict(const xgboost_model& model, const dense_matrix& X) const {
    const std::string where = "xgboost_trainer.predict";
    require_model_layout(model, X, where);
    return predictions_of(model, raw_predictions(model, X.data(), X.rows(), where), X.rows());
}

class_probabilities xgboost_trainer::predict_proba(const xgboost_model& model, const frame& X) const {
    const std::string where = "xgboost_trainer.predict_proba";
    if (model.problem() == problem_type::regression)
        throw error("a regression model has no class probabilities", where);
    return probabilities_of(model, raw_predictions(model, X, where));
}

class_probabilities xgboost_trainer::predict_proba(const xgboost_model& model, const dense_matrix& X) const {
    const std::string where = "xgboost_trainer.predict_proba";
    if (model.problem() == problem_type::regression)
        throw error("a regression model has no class probabilities", where);
    require_model_layout(model, X, where);
    return probabilities_of(model, raw_predictions(model, X.data(), X.rows(), where));
}

predictions xgboost_trainer::predict_all(const xgboost_model& model, const frame& X) const {
    const std::string where = "xgboost_trainer.predict_all";
    return predictions_with_proba(model, raw_predictions(model, X, where), X.rows());
}

predictions xgboost_trainer::predict_all(const xgboost_model& model, const dense_matrix& X) const {
    const std::string where = "xgboost_trainer.predict_all";
    require_model_layout(model, X, where);
    return predictions_with_proba(model, raw_predictions(model, X.data(), X.rows(), where), X.rows());
}

xgboost_trainer::config xgboost_trainer::refit_config(config settings, const xgboost_model& chosen) {
    if (settings.early_stopping_rounds > 0) settings.num_boost_round = chosen.best_iteration() + 1;
    settings.early_stopping_rounds = 0;
    return settings;
}

std::string xgboost_trainer::save_model(const xgboost_model& model) const {
    bst_ulong length = 0;
    const char* data = nullptr;
    check(detail::xgboost().XGBoosterSaveModelToBuffer(model.booster(), R"({"format": "ubj"})", &length, &data),
          "xgboost_trainer.save_model");
    const std::string booster(data, length);
    // XGBoost reads a damaged UBJSON model out of bounds instead of failing, so load_model checks
    // the booster's size and hash before XGBoost sees it.
    toml::table meta{
        {"format_version", format_version},
        {"booster_size", static_cast<std::int64_t>(booster.size())},
        {"booster_sha256", sha256_hex(booster)},
        {"booster", model.booster_type()},
        {"problem", to_string(model.problem())},
        {"target", model.target_name()},
        {"target_type", to_string(model.target_type())},
        {"best_iteration", model.best_iteration()},
        {"boosted_rounds", model.boosted_rounds()},
    };
    // Integers and text keep their exact value in TOML; doubles go as shortest round-trip text.
    toml::array classes;
    const column& values = model.class_values();
    for (std::size_t k = 0; k < values.size(); ++k) {
        switch (values.type()) {
            case column_type::integer: classes.push_back(values.integer_values()[k]); break;
            case column_type::numeric: classes.push_back(fmt::format("{}", values.numeric_values()[k])); break;
            case column_type::categorical: classes.push_back(values.to_string(k)); break;
        }
    }
    meta.insert("classes", std::move(classes));
    toml::array features;
    for (const auto& f : model.features()) {
        toml::table t{{"name", f.name}, {"type", to_string(f.type)}};
        if (f.type == column_type::categorical) {
            toml::array categories;
            for (const auto& c : f.categories) categories.push_back(c);
            t.insert("categories", std::move(categories));
        }
        features.push_back(std::move(t));
    }
    meta.insert("features", std::move(features));
    std::ostringstream text;
    text << meta << '\n';
    const std::string metadata = text.str();

    std::string out(magic);
    out += std::to_string(metadata.size());
    out += '\n';
    out += metadata;
    out += booster;
    return out;
}

xgboost_model xgboost_trainer::load_model(std::string_view bytes) const {
    auto invalid = [](const std::string& why) {
        return error("not a lolpop xgboost model", "xgboost_trainer.load_model: " + why);
    };
    if (!bytes.starts_with(magic)) throw invalid("the bytes do not start with '" + std::string(magic.substr(0, magic.size() - 1)) + "'");
    bytes.remove_prefix(magic.size());
    const auto newline = bytes.find('\n');
    std::size_t length = 0;
    if (newline == std::string_view::npos ||
        std::from_chars(bytes.data(), bytes.data() + newline, length).ptr != bytes.data() + newline || newline == 0)
        throw invalid("no metadata length");
    bytes.remove_prefix(newline + 1);
    if (length > bytes.size()) throw invalid("the metadata is cut short");

    std::optional<xgboost_model> model;
    try {
        const toml::table table = toml::parse(bytes.substr(0, length));
        const toml::node_view<const toml::node> meta{table};
        if (required<std::int64_t>(meta, "format_version") != format_version)
            throw std::invalid_argument("unsupported format version");
        const auto booster_type = required<std::string>(meta, "booster");
        const auto problem = parse_enum(required<std::string>(meta, "problem"), all_problems, "problem");
        const auto target = required<std::string>(meta, "target");
        const auto target_type = parse_enum(required<std::string>(meta, "target_type"), all_column_types, "target type");
        const auto best_iteration = required<std::int64_t>(meta, "best_iteration");
        const auto rounds = required<std::int64_t>(meta, "boosted_rounds");
        if (rounds < 1 || rounds > std::numeric_limits<int>::max() || best_iteration < 0 || best_iteration >= rounds)
            throw std::invalid_argument("the rounds are inconsistent");
        column class_values = class_values_from(required_array(meta, "classes"), target, target_type);
        const std::size_t k = class_values.size();
        if ((problem == problem_type::regression) != (k == 0) || (problem == problem_type::binary && k != 2) ||
            (problem == problem_type::multiclass && k < 2))
            throw std::invalid_argument("the classes do not fit a " + std::string(to_string(problem)) + " problem");

        std::vector<xgboost_feature> features;
        for (const auto& node : required_array(meta, "features")) {
            const toml::node_view<const toml::node> f{node};
            xgboost_feature feature{required<std::string>(f, "name"),
                                    parse_enum(required<std::string>(f, "type"), all_column_types, "feature type"),
                                    {}};
            if (feature.type == column_type::categorical)
                for (const auto& c : required_array(f, "categories")) feature.categories.push_back(c.value_or(std::string()));
            features.push_back(std::move(feature));
        }
        if (features.empty()) throw std::invalid_argument("there are no features");

        bytes.remove_prefix(length);
        if (required<std::int64_t>(meta, "booster_size") != static_cast<std::int64_t>(bytes.size()) ||
            required<std::string>(meta, "booster_sha256") != sha256_hex(bytes))
            throw std::invalid_argument("the booster is damaged or cut short");
        booster_owner booster(nullptr, 0, "xgboost_trainer.load_model");
        if (detail::xgboost().XGBoosterLoadModelFromBuffer(booster.get(), bytes.data(), bytes.size()) != 0)
            throw std::invalid_argument("the booster does not load: " + xgboost_message());
        bst_ulong booster_features = 0;
        check(detail::xgboost().XGBoosterGetNumFeature(booster.get(), &booster_features), "xgboost_trainer.load_model");
        if (booster_features != features.size())
            throw std::invalid_argument(fmt::format("the booster has {} features, the metadata {}", booster_features,
                                                    features.size()));
        model.emplace(booster.release(), booster_type, problem, std::move(features), std::move(class_values), target, target_type,
                      static_cast<int>(best_iteration), static_cast<int>(rounds));
    } catch (const toml::parse_error& e) {
        throw invalid("the metadata is not TOML: " + std::string(e.description()));
    } catch (const std::invalid_argument& e) {
        throw invalid(e.what());
    }
    if (config_.nthread != 0)
        set_param(model->booster(), "nthread", std::to_string(config_.nthread), "xgboost_trainer.nthread");
    return std::move(*model);
}

}  // namespace lolpop
