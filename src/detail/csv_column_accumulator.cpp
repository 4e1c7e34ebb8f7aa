#include "detail/csv_column_accumulator.hpp"

#include "detail/parse_number.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace lolpop::detail {
namespace {

constexpr double missing_double = std::numeric_limits<double>::quiet_NaN();

bool is_negative_zero_text(std::string_view text, std::int64_t v) { return v == 0 && text.find('-') != text.npos; }

}  // namespace

csv_kind csv_kind_of(column_type t) noexcept {
    switch (t) {
        case column_type::integer: return csv_kind::integer;
        case column_type::numeric: return csv_kind::numeric;
        case column_type::categorical: return csv_kind::categorical;
    }
    return csv_kind::categorical;
}

void csv_column_accumulator::reserve(std::size_t rows) {
    expected_rows_ = rows;
    switch (kind_) {
        case csv_kind::empty: break;
        case csv_kind::integer: integers_.reserve(rows); break;
        case csv_kind::numeric: doubles_.reserve(rows); break;
        case csv_kind::categorical: codes_.reserve(rows); break;
    }
}

void csv_column_accumulator::start_kind(csv_kind k) {
    // The rows so far are all missing.
    kind_ = k;
    kind_since_ = rows_;
    changed_at_ = rows_;
    reserve(std::max(expected_rows_, rows_));
    switch (k) {
        case csv_kind::empty: break;
        case csv_kind::integer:
            integers_.assign(rows_, 0);
            for (std::size_t r = 0; r < rows_; ++r) missing_integers_.push_back(r);
            break;
        case csv_kind::numeric: doubles_.assign(rows_, missing_double); break;
        case csv_kind::categorical: codes_.assign(rows_, -1); break;
    }
}

void csv_column_accumulator::push_missing() {
    switch (kind_) {
        case csv_kind::empty: break;
        case csv_kind::integer:
            missing_integers_.push_back(rows_);
            integers_.push_back(0);
            break;
        case csv_kind::numeric: doubles_.push_back(missing_double); break;
        case csv_kind::categorical: codes_.push_back(-1); break;
    }
    ++rows_;
}

void csv_column_accumulator::push_label(std::string_view label) {
    if (label.empty()) {
        codes_.push_back(-1);
        return;
    }
    auto it = index_.find(label);
    if (it == index_.end()) {
        it = index_.emplace(std::string(label), static_cast<std::int32_t>(categories_.size())).first;
        categories_.emplace_back(label);
        category_since_.push_back(rows_);
    }
    codes_.push_back(it->second);
}

bool csv_column_accumulator::is_missing_spelling(std::string_view text) const {
    if (!missing_) return false;
    for (const auto& m : *missing_)
        if (m == text) return true;
    return false;
}

void csv_column_accumulator::note(std::optional<csv_bad_cell>& slot, std::string_view text, std::size_t line,
                                  csv_cell_fault fault) {
    // A cell's text is kept whole only when short: the message shows its start.
    constexpr std::size_t shown = 64;
    if (!slot) slot = csv_bad_cell{std::string(text.substr(0, shown + 1)), line, rows_, fault};
}

csv_column_accumulator::outcome csv_column_accumulator::push_text(std::string_view text, std::size_t line) {
    if (text.empty() || is_missing_spelling(text)) {
        push_missing();
        return outcome::stored;
    }
    if (text.find('\0') != text.npos) {
        note(bad_, {}, line, csv_cell_fault::nul_byte);
        push_missing();
        return outcome::stored;
    }
    if (fixed_) return push_fixed(text, line);
    double d = 0;
    const number_text shape = read_number(text, d);
    switch (shape) {
        case number_text::overflow:
            note(bad_, text, line, csv_cell_fault::not_finite);
            push_missing();
            return outcome::stored;
        case number_text::word:
            // An error unless the column turns out to hold text: decided once every chunk is in.
            note(first_word_, text, line, csv_cell_fault::not_finite);
            if (kind_ == csv_kind::categorical) {
                push_label(text);
                ++rows_;
                return outcome::stored;
            }
            // Kept as the cell of a number column that it would be if the column stays one; the
            // column's widening to categorical reads the text again.
            if (kind_ == csv_kind::empty) start_kind(csv_kind::numeric);
            push_missing();
            return outcome::stored;
        case number_text::not_number:
            note(first_text_, text, line);
            if (kind_ == csv_kind::integer || kind_ == csv_kind::numeric) return outcome::needs_categorical;
            if (kind_ == csv_kind::empty) start_kind(csv_kind::categorical);
            push_label(text);
            ++rows_;
            return outcome::stored;
        case number_text::finite: break;
    }
    if (kind_ == csv_kind::empty) start_kind(parse_int64(text) ? csv_kind::integer : csv_kind::numeric);
    switch (kind_) {
        case csv_kind::empty: break;
        case csv_kind::integer:
            if (auto v = parse_int64(text)) {
                push_integer(*v, is_negative_zero_text(text, *v));
                return outcome::stored;
            }
            widen(csv_kind::numeric, {});
            push_double(d);
            return outcome::stored;
        case csv_kind::numeric: push_double(d); return outcome::stored;
        case csv_kind::categorical:
            had_number_ = true;
            push_label(text);
            ++rows_;
            return outcome::stored;
    }
    return outcome::stored;
}

csv_column_accumulator::outcome csv_column_accumulator::push_fixed(std::string_view text, std::size_t line) {
    if (kind_ == csv_kind::categorical) {
        push_label(text);
        ++rows_;
        return outcome::stored;
    }
    double d = 0;
    const number_text shape = read_number(text, d);
    if (shape != number_text::finite) {
        note(bad_, text, line, shape == number_text::not_number ? csv_cell_fault::not_number : csv_cell_fault::not_finite);
        push_missing();
        return outcome::stored;
    }
    if (kind_ == csv_kind::numeric) {
        push_double(d);
        return outcome::stored;
    }
    // A forced integer column takes whole numbers written as decimals.
    if (auto v = parse_int64(text)) push_integer(*v, is_negative_zero_text(text, *v));
    else if (auto whole = whole_number(d)) push_integer(*whole, false);
    else {
        note(bad_, text, line, csv_cell_fault::not_whole);
        push_missing();
    }
    return outcome::stored;
}

bool csv_column_accumulator::truncate(std::size_t rows) {
    if (rows >= rows_) return true;
    if (changed_at_ != static_cast<std::size_t>(-1) && changed_at_ >= rows) return false;
    rows_ = rows;
    const auto drop_from = [rows](std::vector<std::size_t>& v) {
        while (!v.empty() && v.back() >= rows) v.pop_back();
    };
    integers_.resize(std::min(integers_.size(), rows));
    doubles_.resize(std::min(doubles_.size(), rows));
    codes_.resize(std::min(codes_.size(), rows));
    drop_from(missing_integers_);
    drop_from(negative_zeros_);
    while (!category_since_.empty() && category_since_.back() >= rows) {
        index_.erase(categories_.back());
        categories_.pop_back();
        category_since_.pop_back();
    }
    for (auto* slot : {&bad_, &first_text_, &first_word_})
        if (*slot && (*slot)->row >= rows) slot->reset();
    return true;
}

void csv_column_accumulator::widen(csv_kind to, const std::function<std::string_view(std::size_t)>& labels) {
    if (to <= kind_) return;
    changed_at_ = rows_;
    if (kind_ == csv_kind::empty) {
        start_kind(to);
        return;
    }
    if (to == csv_kind::numeric) {
        // int64 -> double rounds to nearest as parsing the same digits does; only "-0" differs.
        doubles_.reserve(std::max(expected_rows_, integers_.size()));
        doubles_.resize(integers_.size());
        std::transform(integers_.begin(), integers_.end(), doubles_.begin(),
                       [](std::int64_t v) { return static_cast<double>(v); });
        for (std::size_t r : missing_integers_) doubles_[r] = missing_double;
        for (std::size_t r : negative_zeros_) doubles_[r] = -0.0;
        std::vector<std::int64_t>().swap(integers_);
        std::vector<std::size_t>().swap(missing_integers_);
        std::vector<std::size_t>().swap(negative_zeros_);
        kind_ = csv_kind::numeric;
        return;
    }
    // To categorical: the labels are the cells' text, which numbers do not keep ("1.50").
    const std::size_t rows = rows_;
    codes_.clear();
    codes_.reserve(rows);
    rows_ = 0;
    for (; rows_ < kind_since_; ++rows_) codes_.push_back(-1);
    for (; rows_ < rows; ++rows_) push_label(labels(rows_));
    std::vector<std::int64_t>().swap(integers_);
    std::vector<std::size_t>().swap(missing_integers_);
    std::vector<std::size_t>().swap(negative_zeros_);
    std::vector<double>().swap(doubles_);
    kind_ = csv_kind::categorical;
}

column csv_column_accumulator::finish(std::string name) {
    std::vector<csv_column_accumulator> parts;
    parts.push_back(std::move(*this));
    return merge(std::move(name), parts);
}

column csv_column_accumulator::merge(std::string name, std::vector<csv_column_accumulator>& parts) {
    const csv_kind kind = parts.empty() ? csv_kind::empty : parts.front().kind_;
    std::size_t rows = 0;
    for (const auto& p : parts) rows += p.rows_;
    const auto take_first = [&](auto member) {
        auto values = std::move(parts.front().*member);
        values.reserve(rows);
        for (std::size_t i = 1; i < parts.size(); ++i) {
            auto& more = parts[i].*member;
            values.insert(values.end(), more.begin(), more.end());
            std::remove_reference_t<decltype(more)>().swap(more);
        }
        return values;
    };
    switch (kind) {
        case csv_kind::empty:
            // A column with no values at all reads as numeric, whose missing value is the usual NaN.
            return column::numeric(std::move(name), std::vector<double>(rows, missing_double));
        case csv_kind::numeric: return column::numeric(std::move(name), take_first(&csv_column_accumulator::doubles_));
        case csv_kind::integer: {
            std::vector<bool> valid;
            std::size_t offset = 0;
            for (const auto& p : parts) {
                if (!p.missing_integers_.empty() && valid.empty()) valid.assign(rows, true);
                for (std::size_t r : p.missing_integers_) valid[offset + r] = false;
                offset += p.rows_;
            }
            return column::integer(std::move(name), take_first(&csv_column_accumulator::integers_), std::move(valid));
        }
        case csv_kind::categorical: {
            // Categories in order of first appearance in the file: the first chunk's, then each
            // later chunk's new ones in its own order.
            std::size_t most = 0;
            for (const auto& p : parts) most += p.categories_.size();
            std::vector<std::string> categories = std::move(parts.front().categories_);
            std::vector<std::int32_t> codes = std::move(parts.front().codes_);
            if (parts.size() > 1) {
                categories.reserve(most);  // no reallocation: the index views these strings
                std::unordered_map<std::string_view, std::int32_t> index;
                for (std::size_t c = 0; c < categories.size(); ++c) index.emplace(categories[c], static_cast<std::int32_t>(c));
                codes.reserve(rows);
                std::vector<std::int32_t> to_global;
                for (std::size_t i = 1; i < parts.size(); ++i) {
                    to_global.clear();
                    for (auto& label : parts[i].categories_) {
                        auto it = index.find(label);
                        if (it == index.end()) {
                            categories.push_back(std::move(label));
                            it = index.emplace(categories.back(), static_cast<std::int32_t>(categories.size() - 1)).first;
                        }
                        to_global.push_back(it->second);
                    }
                    for (std::int32_t c : parts[i].codes_) codes.push_back(c < 0 ? -1 : to_global[static_cast<std::size_t>(c)]);
                    std::vector<std::int32_t>().swap(parts[i].codes_);
                }
            }
            return column::categorical(std::move(name), std::move(codes), std::move(categories));
        }
    }
    return column::numeric(std::move(name), {});
}

}  // namespace lolpop::detail
