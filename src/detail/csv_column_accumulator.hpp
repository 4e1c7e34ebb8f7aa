#pragma once
// The cells of one CSV column within one chunk of records, stored as the column's type so far.
// An inferred column starts with the type a sample suggested (or none) and widens
// integer -> numeric -> categorical when a value needs it; a fixed column (forced by
// column_types, or the types of a chunked read after its first chunk) keeps its type and keeps
// the first cell that does not fit it. Number-shaped cells no double holds (1e400) and NUL bytes
// are bad cells whatever the column; an inferred column also keeps what its reader decides on
// once every chunk is in: its first text cell, its first spelling of infinity or NaN, and whether
// it had a number.
#include <lolpop/core/frame.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lolpop::detail {

// In widening order; `empty` is a column with no value yet.
enum class csv_kind : unsigned char { empty, integer, numeric, categorical };

csv_kind csv_kind_of(column_type t) noexcept;

enum class csv_cell_fault : unsigned char { not_number, not_whole, not_finite, nul_byte };

struct csv_bad_cell {
    std::string text;
    std::size_t line = 0;  // relative to the chunk's first line
    std::size_t row = 0;   // within the chunk
    csv_cell_fault fault = csv_cell_fault::not_number;
};

struct csv_text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class csv_column_accumulator {
public:
    // `missing` (which must outlive the accumulator, or be null) lists the cells' spellings of a
    // missing value besides the empty one.
    csv_column_accumulator(csv_kind start, bool fixed, const std::vector<std::string>* missing = nullptr)
        : kind_(start), fixed_(fixed), missing_(missing && !missing->empty() ? missing : nullptr) {}

    csv_kind kind() const noexcept { return kind_; }
    bool fixed() const noexcept { return fixed_; }
    std::size_t rows() const noexcept { return rows_; }
    const std::optional<csv_bad_cell>& bad_cell() const noexcept { return bad_; }
    // Of an inferred column: its first cell that is no number, its first "inf" or "nan", and
    // whether it had a (finite) number.
    const std::optional<csv_bad_cell>& first_text() const noexcept { return first_text_; }
    const std::optional<csv_bad_cell>& first_word() const noexcept { return first_word_; }
    bool had_number() const noexcept { return had_number_; }
    void reserve(std::size_t rows);

    // The typed fast paths of the parser, for a value it has already parsed.
    void push_integer(std::int64_t v, bool negative_zero) {
        had_number_ = true;
        if (negative_zero) negative_zeros_.push_back(rows_);
        integers_.push_back(v);
        ++rows_;
    }
    void push_double(double v) {
        had_number_ = true;
        doubles_.push_back(v);
        ++rows_;
    }

    enum class outcome { stored, needs_categorical };
    // Any cell's text; "" is a missing value. `needs_categorical`: the text is no number, so an
    // inferred column must first widen to categorical and then take the text again.
    outcome push_text(std::string_view text, std::size_t line);

    // Back to the first `rows` rows, undoing a record the text did not finish. False when that
    // record changed the column's type, which cannot be undone.
    bool truncate(std::size_t rows);

    // Converts to a wider kind; `labels(row)` gives a row's text when it must become categorical
    // (asked only for rows since the column had a value).
    void widen(csv_kind to, const std::function<std::string_view(std::size_t)>& labels);

    // The column of this chunk alone, of the kind it has ('empty' reads as numeric).
    column finish(std::string name);
    // Concatenates chunks of one column, all of one kind (widen them first), in file order.
    static column merge(std::string name, std::vector<csv_column_accumulator>& parts);

private:
    void start_kind(csv_kind k);
    void push_missing();
    void push_label(std::string_view label);
    bool is_missing_spelling(std::string_view text) const;
    outcome push_fixed(std::string_view text, std::size_t line);
    void note(std::optional<csv_bad_cell>& slot, std::string_view text, std::size_t line,
              csv_cell_fault fault = csv_cell_fault::not_number);

    csv_kind kind_;
    bool fixed_;
    const std::vector<std::string>* missing_;
    bool had_number_ = false;
    std::size_t rows_ = 0;
    std::size_t kind_since_ = 0;  // the row at which the column took its kind
    std::size_t expected_rows_ = 0;
    std::size_t changed_at_ = static_cast<std::size_t>(-1);  // the row that last changed the kind
    std::vector<std::int64_t> integers_;
    std::vector<std::size_t> missing_integers_;  // rows of an integer column without a value
    std::vector<std::size_t> negative_zeros_;    // "-0" read as an integer: -0.0 if it widens
    std::vector<double> doubles_;
    std::vector<std::int32_t> codes_;
    std::vector<std::string> categories_;
    std::vector<std::size_t> category_since_;  // the row that brought each category
    std::unordered_map<std::string, std::int32_t, csv_text_hash, std::equal_to<>> index_;
    std::optional<csv_bad_cell> bad_;
    std::optional<csv_bad_cell> first_text_;
    std::optional<csv_bad_cell> first_word_;
};

}  // namespace lolpop::detail
