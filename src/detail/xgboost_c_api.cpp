#include "detail/xgboost_c_api.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/row_layout.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>

namespace lolpop::detail {

// XGBoost's messages start with "[time] file:line: " and may carry a stack trace after the first
// line; the user needs the sentence in between.
std::string xgboost_message() {
    std::string_view m = xgboost().XGBGetLastError();
    m = m.substr(0, m.find('\n'));
    if (m.starts_with('[')) {
        if (auto close = m.find("] "); close != std::string_view::npos) {
            auto rest = m.substr(close + 2);
            if (auto colon = rest.find(": "); colon != std::string_view::npos) rest = rest.substr(colon + 2);
            m = rest;
        }
    }
    return std::string(m);
}

void check(int rc, std::string_view where) {
    if (rc != 0) throw error("XGBoost: " + xgboost_message(), std::string(where));
}

frame_features::frame_features(const std::vector<xgboost_feature>& features, const frame& X, std::string_view where)
    : rows_(X.rows()) {
    converted_.reserve(features.size());  // moving a vector keeps its values where `sources_` points
    for (const xgboost_feature& f : features) {
        if (!X.has(f.name)) {
            const auto names = X.names();
            throw error("missing feature '" + f.name + "'" + did_you_mean(f.name, names), std::string(where));
        }
        const column& c = X[f.name];
        if (f.type != column_type::categorical) {
            if (c.type() == column_type::categorical)
                throw error("feature '" + f.name + "' is categorical but the model was trained on it as " +
                                std::string(to_string(f.type)),
                            std::string(where));
            if (c.type() == column_type::numeric) {
                sources_.push_back(c.numeric_values().data());
                continue;
            }
            converted_.push_back(row_values(c));
            sources_.push_back(converted_.back().data());
            continue;
        }
        std::unordered_map<std::string_view, double> index;
        for (std::size_t k = 0; k < f.categories.size(); ++k) index.emplace(f.categories[k], static_cast<double>(k));
        auto lookup = [&](std::string_view label) {
            auto it = index.find(label);
            return it == index.end() ? std::numeric_limits<double>::quiet_NaN() : it->second;
        };
        std::vector<double> values(rows_, std::numeric_limits<double>::quiet_NaN());
        if (c.type() == column_type::categorical) {
            std::vector<double> recode(c.categories().size());
            for (std::size_t k = 0; k < recode.size(); ++k) recode[k] = lookup(c.categories()[k]);
            const auto codes = c.codes();
            for (std::size_t i = 0; i < values.size(); ++i)
                if (codes[i] >= 0) values[i] = recode[static_cast<std::size_t>(codes[i])];
        } else {
            for (std::size_t i = 0; i < values.size(); ++i)
                if (!c.is_missing(i)) values[i] = lookup(c.to_string(i));
        }
        converted_.push_back(std::move(values));
        sources_.push_back(converted_.back().data());
    }
}

void frame_features::fill(std::size_t begin, std::size_t end, float* out) const {
    // A tile of rows at a time, column by column within it: each column is read in runs of `tile`
    // values, which the hardware prefetches, and the tile's rows (tile * cols() floats) stay in the
    // first-level cache while the columns are spread into them.
    constexpr std::size_t tile = 256;
    const std::size_t width = sources_.size();
    for (std::size_t first = begin; first < end; first += tile) {
        const std::size_t last = std::min(end, first + tile);
        for (std::size_t j = 0; j < width; ++j) {
            const double* const column = sources_[j];
            float* to = out + (first - begin) * width + j;
            for (std::size_t i = first; i < last; ++i, to += width) *to = static_cast<float>(column[i]);
        }
    }
}

dmatrix dmatrix::of(const feature_batches& rows, std::string_view where, int nthread) {
    if (rows.values) return dmatrix(rows.values, rows.rows, rows.cols, where, nthread);
    auto all = std::make_unique_for_overwrite<float[]>(rows.rows * rows.cols);  // fill writes every value
    rows.fill(0, rows.rows, all.get());
    return dmatrix(all.get(), rows.rows, rows.cols, where, nthread);
}

namespace {

// The state of XGBoost's iteration over feature_batches: its C callbacks cannot throw, so an
// exception from laying out rows is kept and rethrown once XGBoost has returned.
struct batch_iterator {
    const feature_batches& rows;
    DMatrixHandle proxy;
    std::unique_ptr<float[]> buffer;
    std::size_t next_row = 0;
    std::exception_ptr failure;

    std::size_t step() const noexcept { return rows.values ? rows.rows : std::max<std::size_t>(1, rows.chunk_rows); }

    static void reset(DataIterHandle self) { static_cast<batch_iterator*>(self)->next_row = 0; }

    static int next(DataIterHandle self) {
        auto& it = *static_cast<batch_iterator*>(self);
        if (it.next_row >= it.rows.rows || it.failure) return 0;
        const std::size_t begin = it.next_row, end = std::min(it.rows.rows, begin + it.step());
        try {
            const float* batch = it.rows.values ? it.rows.values + begin * it.rows.cols : it.buffer.get();
            if (!it.rows.values) it.rows.fill(begin, end, it.buffer.get());
            const auto array = fmt::format(
                R"({{"data": [{}, true], "shape": [{}, {}], "strides": null, "typestr": "<f4", "version": 3}})",
                reinterpret_cast<std::uintptr_t>(batch), end - begin, it.rows.cols);
            check(xgboost().XGProxyDMatrixSetDataDense(it.proxy, array.c_str()), "xgboost quantile matrix");
        } catch (...) {
            it.failure = std::current_exception();
            return 0;
        }
        it.next_row = end;
        return 1;
    }
};

}  // namespace

dmatrix dmatrix::quantized(const feature_batches& rows, int max_bin, int nthread, const dmatrix* reference,
                           std::string_view where) {
    DMatrixHandle proxy_handle = nullptr;
    check(xgboost().XGProxyDMatrixCreate(&proxy_handle), where);
    const dmatrix proxy(proxy_handle);
    batch_iterator it{rows, proxy.get(), nullptr, 0, nullptr};
    if (!rows.values) it.buffer = std::make_unique_for_overwrite<float[]>(std::min(it.step(), rows.rows) * rows.cols);
    const auto config = fmt::format(R"({{"missing": NaN, "nthread": {}, "max_bin": {}}})", nthread, max_bin);
    DMatrixHandle out = nullptr;
    const int rc = xgboost().XGQuantileDMatrixCreateFromCallback(&it, proxy.get(), reference ? reference->get() : nullptr,
                                                                 &batch_iterator::reset, &batch_iterator::next,
                                                                 config.c_str(), &out);
    if (it.failure) {
        if (rc == 0) xgboost().XGDMatrixFree(out);
        std::rethrow_exception(it.failure);
    }
    check(rc, where);
    return dmatrix(out);
}

std::unique_ptr<float[]> dense_features(const std::vector<xgboost_feature>& features, const frame& X,
                                        std::string_view where) {
    const frame_features reader(features, X, where);
    auto out = std::make_unique_for_overwrite<float[]>(reader.rows() * reader.cols());  // fill writes every value
    reader.fill(0, reader.rows(), out.get());  // in tiles of its own, so one call is as fast as chunks
    return out;
}

int prediction_end(const xgboost_model& model) noexcept {
    return model.best_iteration() + 1 < model.boosted_rounds() ? model.best_iteration() + 1 : 0;
}

}  // namespace lolpop::detail
