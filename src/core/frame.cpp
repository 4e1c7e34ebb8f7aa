#include <lolpop/core/frame.hpp>

#include "detail/parse_number.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>

#include <fmt/format.h>
#include <range/v3/algorithm/equal.hpp>
#include <range/v3/range/conversion.hpp>
#include <range/v3/view/zip.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>

namespace lolpop {
namespace {

constexpr double missing_double = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void wrong_type(const column& c, column_type wanted) {
    throw error(fmt::format("column '{}' is {}, not {}", c.name(), to_string(c.type()), to_string(wanted)));
}

void require_type(const column& c, column_type wanted) {
    if (c.type() != wanted) wrong_type(c, wanted);
}

void check_row(const column& c, std::size_t row) {
    if (row >= c.size())
        throw error(fmt::format("row {} is out of range for column '{}' with {} rows", row, c.name(), c.size()));
}

std::string unknown_column(std::string_view name, const std::vector<std::string>& names) {
    return fmt::format("no column named '{}'{}", name, did_you_mean(name, names));
}

}  // namespace

std::string_view to_string(column_type t) noexcept {
    switch (t) {
        case column_type::numeric: return "numeric";
        case column_type::integer: return "integer";
        case column_type::categorical: return "categorical";
    }
    return "unknown";
}

column_type parse_column_type(std::string_view s, std::string_view where) {
    for (column_type t : {column_type::numeric, column_type::integer, column_type::categorical})
        if (s == to_string(t)) return t;
    static const std::string_view names[] = {"numeric", "integer", "categorical"};
    std::string hint = did_you_mean(s, std::span<const std::string_view>(names));
    if (hint.empty()) hint = " (expected numeric, integer or categorical)";
    throw error(fmt::format("unknown column type '{}'{}", s, hint), std::string(where));
}

column::column(std::string name, column_type type) : name_(std::move(name)), type_(type) {}

column column::numeric(std::string name, std::vector<double> values) {
    column c(std::move(name), column_type::numeric);
    c.numeric_ = detail::column_buffer<double>(std::move(values));
    return c;
}

column column::integer(std::string name, std::vector<std::int64_t> values, std::vector<bool> valid) {
    if (valid.empty()) valid.assign(values.size(), true);
    if (valid.size() != values.size())
        throw error(fmt::format("column '{}' has {} values but {} validity flags", name, values.size(), valid.size()));
    column c(std::move(name), column_type::integer);
    // Missing slots hold 0 so that no stale value can leak out through integer_values().
    for (auto [value, present] : ranges::views::zip(values, valid))
        if (!present) value = 0;
    c.integer_ = detail::column_buffer<std::int64_t>(std::move(values));
    c.valid_ = std::move(valid);
    return c;
}

column column::categorical(std::string name, const std::vector<std::optional<std::string>>& values) {
    column c(std::move(name), column_type::categorical);
    std::vector<std::int32_t> codes;
    codes.reserve(values.size());
    // Hashing keeps construction linear in the rows even for columns with many distinct labels.
    std::unordered_map<std::string_view, std::int32_t> index;
    for (const auto& v : values) {
        if (!v) {
            codes.push_back(-1);
            continue;
        }
        auto [it, inserted] = index.try_emplace(*v, static_cast<std::int32_t>(c.categories_.size()));
        if (inserted) c.categories_.push_back(*v);
        codes.push_back(it->second);
    }
    c.codes_ = detail::column_buffer<std::int32_t>(std::move(codes));
    return c;
}

column column::numeric_view(std::string name, std::span<const double> values, std::shared_ptr<const void> owner) {
    column c(std::move(name), column_type::numeric);
    c.numeric_ = detail::column_buffer<double>(values, std::move(owner));
    return c;
}

column column::integer_view(std::string name, std::span<const std::int64_t> values, std::vector<bool> valid,
                            std::shared_ptr<const void> owner) {
    if (valid.empty()) valid.assign(values.size(), true);
    if (valid.size() != values.size())
        throw error(fmt::format("column '{}' has {} values but {} validity flags", name, values.size(), valid.size()));
    // The memory is not ours to zero, so a stale value in a missing slot is refused instead.
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!valid[i] && values[i] != 0)
            throw error(fmt::format("column '{}' holds {} in row {}, which is missing (expected 0)", name, values[i],
                                    i + 1));
    column c(std::move(name), column_type::integer);
    c.integer_ = detail::column_buffer<std::int64_t>(values, std::move(owner));
    c.valid_ = std::move(valid);
    return c;
}

column column::categorical_view(std::string name, std::span<const std::int32_t> codes,
                                std::vector<std::string> categories, std::shared_ptr<const void> owner) {
    if (categories.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
        throw error(fmt::format("column '{}' has more categories than int32 codes can number", name));
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t k = 0; k < categories.size(); ++k)
        if (auto [it, inserted] = seen.try_emplace(categories[k], k); !inserted)
            throw error(fmt::format("column '{}' lists category '{}' twice", name, categories[k]));
    const auto limit = static_cast<std::int32_t>(categories.size());
    for (std::size_t i = 0; i < codes.size(); ++i)
        if (codes[i] < -1 || codes[i] >= limit)
            throw error(fmt::format("column '{}' has code {} in row {}, outside -1..{}", name, codes[i], i + 1,
                                    limit - 1));
    column c(std::move(name), column_type::categorical);
    c.codes_ = detail::column_buffer<std::int32_t>(codes, std::move(owner));
    c.categories_ = std::move(categories);
    return c;
}

column column::categorical(std::string name, std::vector<std::int32_t> codes, std::vector<std::string> categories) {
    const auto count = static_cast<std::int64_t>(categories.size());
    for (std::size_t r = 0; r < codes.size(); ++r)
        if (codes[r] < -1 || codes[r] >= count)
            throw error(fmt::format("column '{}' has code {} at row {}, outside [-1, {})", name, codes[r], r, count));
    column c(std::move(name), column_type::categorical);
    c.codes_ = detail::column_buffer<std::int32_t>(std::move(codes));
    c.categories_ = std::move(categories);
    return c;
}

std::size_t column::size() const noexcept {
    switch (type_) {
        case column_type::numeric: return numeric_.size();
        case column_type::integer: return integer_.size();
        case column_type::categorical: return codes_.size();
    }
    return 0;
}

bool column::is_missing(std::size_t row) const {
    check_row(*this, row);
    switch (type_) {
        case column_type::numeric: return std::isnan(numeric_[row]);
        case column_type::integer: return !valid_[row];
        case column_type::categorical: return codes_[row] < 0;
    }
    return false;
}

std::size_t column::missing_count() const {
    switch (type_) {
        case column_type::numeric:
            return static_cast<std::size_t>(
                std::count_if(numeric_.begin(), numeric_.end(), [](double v) { return std::isnan(v); }));
        case column_type::integer: return static_cast<std::size_t>(std::count(valid_.begin(), valid_.end(), false));
        case column_type::categorical:
            return static_cast<std::size_t>(std::count_if(codes_.begin(), codes_.end(), [](auto c) { return c < 0; }));
    }
    return 0;
}

std::span<const double> column::numeric_values() const {
    require_type(*this, column_type::numeric);
    return numeric_;
}

std::span<const std::int64_t> column::integer_values() const {
    require_type(*this, column_type::integer);
    return integer_;
}

std::span<const std::int32_t> column::codes() const {
    require_type(*this, column_type::categorical);
    return codes_;
}

double column::as_double(std::size_t row) const {
    check_row(*this, row);
    switch (type_) {
        case column_type::numeric: return numeric_[row];
        case column_type::integer: return valid_[row] ? static_cast<double>(integer_[row]) : missing_double;
        case column_type::categorical: return codes_[row] < 0 ? missing_double : static_cast<double>(codes_[row]);
    }
    return missing_double;
}

std::string column::to_string(std::size_t row) const {
    if (is_missing(row)) return {};
    switch (type_) {
        case column_type::numeric: return fmt::format("{}", numeric_[row]);
        case column_type::integer: return fmt::format("{}", integer_[row]);
        case column_type::categorical: return categories_[static_cast<std::size_t>(codes_[row])];
    }
    return {};
}

void column::push_numeric(double v) {
    require_type(*this, column_type::numeric);
    numeric_.push_back(v);
}

void column::push_integer(std::optional<std::int64_t> v) {
    require_type(*this, column_type::integer);
    integer_.push_back(v.value_or(0));
    valid_.push_back(v.has_value());
}

void column::push_category(std::optional<std::string_view> label) {
    require_type(*this, column_type::categorical);
    if (!label) {
        codes_.push_back(-1);
        return;
    }
    std::int32_t code = code_of(*label);
    if (code < 0) {
        code = static_cast<std::int32_t>(categories_.size());
        categories_.emplace_back(*label);
    }
    codes_.push_back(code);
}

void column::push_missing() {
    switch (type_) {
        case column_type::numeric: numeric_.push_back(missing_double); break;
        case column_type::integer: push_integer(std::nullopt); break;
        case column_type::categorical: codes_.push_back(-1); break;
    }
}

column column::take(std::span<const std::size_t> rows) const {
    for (std::size_t r : rows) check_row(*this, r);
    column out(name_, type_);
    const auto gather = [rows](const auto& from, auto& to) {
        to.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) to[i] = from[rows[i]];
    };
    const auto gather_buffer = [&](const auto& from, auto& to) { to.modify([&](auto& values) { gather(from, values); }); };
    switch (type_) {
        case column_type::numeric: gather_buffer(numeric_, out.numeric_); break;
        case column_type::integer:
            gather_buffer(integer_, out.integer_);
            // A source no longer than the result (a label column taken from a model's classes) is
            // checked for missing values first: without any, the flags need no gathering one bit at a
            // time. The check is bounded by the result's size, so a few rows taken from a long column
            // do not pay for scanning all of it.
            if (valid_.size() <= rows.size() && std::find(valid_.begin(), valid_.end(), false) == valid_.end())
                out.valid_.assign(rows.size(), true);
            else
                gather(valid_, out.valid_);
            break;
        case column_type::categorical:
            // The categories stay whole so that codes mean the same thing in every part of a split.
            out.categories_ = categories_;
            gather_buffer(codes_, out.codes_);
            break;
    }
    return out;
}

column column::cast(column_type to) const {
    if (to == type_) return *this;
    const std::size_t n = size();
    if (to == column_type::categorical) {
        std::vector<std::optional<std::string>> labels(n);
        for (std::size_t i = 0; i < n; ++i)
            if (!is_missing(i)) labels[i] = to_string(i);
        return categorical(name_, labels);
    }
    if (to == column_type::numeric) {
        std::vector<double> values(n, missing_double);
        for (std::size_t i = 0; i < n; ++i) {
            if (is_missing(i)) continue;
            if (type_ == column_type::integer) {
                values[i] = static_cast<double>(integer_[i]);
                continue;
            }
            const std::string& label = categories_[static_cast<std::size_t>(codes_[i])];
            auto v = detail::parse_double(label);
            if (!v) throw error(fmt::format("'{}' in column '{}' (row {}) is not a number", label, name_, i + 1));
            values[i] = *v;
        }
        return numeric(name_, std::move(values));
    }
    std::vector<std::int64_t> values(n, 0);
    std::vector<bool> valid(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (is_missing(i)) continue;
        std::optional<std::int64_t> v;
        if (type_ == column_type::numeric) {
            v = detail::whole_number(numeric_[i]);
            if (!v)
                throw error(fmt::format("{} in column '{}' (row {}) is not a whole number", numeric_[i], name_, i + 1));
        } else {
            const std::string& label = categories_[static_cast<std::size_t>(codes_[i])];
            v = detail::parse_int64(label);
            if (!v) {
                auto d = detail::parse_double(label);
                if (!d) throw error(fmt::format("'{}' in column '{}' (row {}) is not a number", label, name_, i + 1));
                v = detail::whole_number(*d);
                if (!v)
                    throw error(fmt::format("'{}' in column '{}' (row {}) is not a whole number", label, name_, i + 1));
            }
        }
        values[i] = *v;
        valid[i] = true;
    }
    return integer(name_, std::move(values), std::move(valid));
}

std::int32_t column::code_of(std::string_view label) const {
    auto it = std::find(categories_.begin(), categories_.end(), label);
    return it == categories_.end() ? -1 : static_cast<std::int32_t>(it - categories_.begin());
}

bool operator==(const column& a, const column& b) {
    if (a.name() != b.name() || a.type() != b.type() || a.size() != b.size()) return false;
    switch (a.type()) {
        case column_type::numeric:
            return ranges::equal(a.numeric_values(), b.numeric_values(),
                                 [](double x, double y) { return std::isnan(x) ? std::isnan(y) : x == y; });
        case column_type::integer: {
            auto x = a.integer_values(), y = b.integer_values();
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a.is_missing(i) != b.is_missing(i) || x[i] != y[i]) return false;
            return true;
        }
        case column_type::categorical: {
            // Labels, not codes: the same data may have met its categories in another order.
            const bool same_categories = a.categories() == b.categories();
            return ranges::equal(a.codes(), b.codes(), [&](std::int32_t x, std::int32_t y) {
                if (x < 0 || y < 0) return x < 0 && y < 0;
                return same_categories ? x == y
                                       : a.categories()[static_cast<std::size_t>(x)] ==
                                             b.categories()[static_cast<std::size_t>(y)];
            });
        }
    }
    return false;
}

frame::frame(std::vector<column> columns) {
    columns_.reserve(columns.size());
    for (auto& c : columns) add(std::move(c));
}

std::vector<std::string> frame::names() const { return views::column_names(*this) | ranges::to<std::vector>(); }

// The lookups by name stay plain loops: they run inside every feature chain's transform, where
// check_zero_overhead counts instructions, and range-v3's find costs more than these unoptimized.
bool frame::has(std::string_view name) const noexcept {
    return std::any_of(columns_.begin(), columns_.end(), [&](const column& c) { return c.name() == name; });
}

const column& frame::operator[](std::string_view name) const {
    for (const auto& c : columns_)
        if (c.name() == name) return c;
    throw error(unknown_column(name, names()));
}

column& frame::operator[](std::string_view name) { return const_cast<column&>(std::as_const(*this)[name]); }

void frame::add(column c) {
    if (has(c.name())) throw error(fmt::format("a column named '{}' already exists", c.name()));
    if (!columns_.empty() && c.size() != rows())
        throw error(fmt::format("column '{}' has {} rows, expected {} like column '{}'", c.name(), c.size(), rows(),
                                columns_.front().name()));
    columns_.push_back(std::move(c));
}

void frame::remove(std::string_view name) { (void)extract(name); }

column frame::extract(std::string_view name) {
    auto it = std::find_if(columns_.begin(), columns_.end(), [&](const column& c) { return c.name() == name; });
    if (it == columns_.end()) throw error(unknown_column(name, names()));
    column out = std::move(*it);
    columns_.erase(it);
    return out;
}

frame frame::select(std::span<const std::string> names) const {
    std::vector<column> out;
    out.reserve(names.size());
    for (const auto& n : names) out.push_back((*this)[n]);
    return frame(std::move(out));
}

frame frame::drop(std::span<const std::string> names) const {
    for (const auto& n : names)
        if (!has(n)) throw error(unknown_column(n, this->names()));
    std::vector<column> out;
    for (const auto& c : columns_)
        if (std::find(names.begin(), names.end(), c.name()) == names.end()) out.push_back(c);
    return frame(std::move(out));
}

frame frame::take(std::span<const std::size_t> rows) const {
    std::vector<column> out;
    out.reserve(columns_.size());
    for (const auto& c : columns_) out.push_back(c.take(rows));
    return frame(std::move(out));
}

bool operator==(const frame& a, const frame& b) {
    return a.columns_.size() == b.columns_.size() &&
           std::equal(a.columns_.begin(), a.columns_.end(), b.columns_.begin());
}

}  // namespace lolpop
