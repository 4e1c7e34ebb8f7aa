#pragma once
// A columnar table: named, typed columns of equal length, with missing values first class.
#include <lolpop/core/detail/column_buffer.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

enum class column_type { numeric, integer, categorical };

std::string_view to_string(column_type t) noexcept;
// Parses "numeric", "integer" or "categorical"; throws lolpop::error naming `where` otherwise.
column_type parse_column_type(std::string_view s, std::string_view where);

// One column. Storage depends on the type:
//   numeric:     doubles, NaN where missing;
//   integer:     int64 values plus a validity mask;
//   categorical: int32 codes into categories(), -1 where missing.
// The values either belong to the column or are a view of memory kept alive by an owner (a
// mapped file, see the *_view factories); changing a viewed column copies its values first.
class column {
public:
    column(std::string name, column_type type);

    static column numeric(std::string name, std::vector<double> values);
    static column integer(std::string name, std::vector<std::int64_t> values,
                          std::vector<bool> valid = {});
    static column categorical(std::string name, const std::vector<std::optional<std::string>>& values);
    // From codes already computed (-1 where missing); throws lolpop::error when a code is outside
    // [-1, categories.size()).
    static column categorical(std::string name, std::vector<std::int32_t> codes,
                              std::vector<std::string> categories);

    // Columns over memory that `owner` keeps alive and nobody changes while it lives, read in
    // place (without an owner the values are copied). Each checks what the type requires:
    // integer_view that missing slots hold 0 (`valid` as in integer(), empty when none is
    // missing), categorical_view that every code is -1 or a position in `categories`, which hold
    // no label twice.
    static column numeric_view(std::string name, std::span<const double> values, std::shared_ptr<const void> owner);
    static column integer_view(std::string name, std::span<const std::int64_t> values, std::vector<bool> valid,
                               std::shared_ptr<const void> owner);
    static column categorical_view(std::string name, std::span<const std::int32_t> codes,
                                   std::vector<std::string> categories, std::shared_ptr<const void> owner);

    const std::string& name() const noexcept { return name_; }
    void rename(std::string name) { name_ = std::move(name); }
    column_type type() const noexcept { return type_; }
    std::size_t size() const noexcept;

    bool is_missing(std::size_t row) const;
    std::size_t missing_count() const;

    // Typed views; each requires the matching type().
    std::span<const double> numeric_values() const;
    std::span<const std::int64_t> integer_values() const;
    std::span<const std::int32_t> codes() const;
    const std::vector<std::string>& categories() const noexcept { return categories_; }

    // The value as a double: NaN when missing, the code for a categorical.
    double as_double(std::size_t row) const;
    // The value as text: "" when missing, the category label for a categorical.
    std::string to_string(std::size_t row) const;

    void push_numeric(double v);
    void push_integer(std::optional<std::int64_t> v);
    void push_category(std::optional<std::string_view> label);
    void push_missing();

    // The rows at `rows`, in that order (rows may repeat).
    column take(std::span<const std::size_t> rows) const;
    // A converted copy. numeric->integer requires whole numbers; anything->categorical uses text.
    column cast(column_type to) const;
    // The code of a category label, or -1 when it is not one.
    std::int32_t code_of(std::string_view label) const;

private:
    std::string name_;
    column_type type_;
    detail::column_buffer<double> numeric_;
    detail::column_buffer<std::int64_t> integer_;
    std::vector<bool> valid_;
    detail::column_buffer<std::int32_t> codes_;
    std::vector<std::string> categories_;
};

class frame {
public:
    frame() = default;
    explicit frame(std::vector<column> columns);

    std::size_t rows() const noexcept { return columns_.empty() ? 0 : columns_.front().size(); }
    std::size_t cols() const noexcept { return columns_.size(); }
    const std::vector<column>& columns() const noexcept { return columns_; }
    std::vector<std::string> names() const;

    bool has(std::string_view name) const noexcept;
    // Throw lolpop::error "no column named 'x' (did you mean 'y'?)" when absent.
    const column& operator[](std::string_view name) const;
    column& operator[](std::string_view name);

    // Appends a column; its length must equal rows() and its name must be new.
    void add(column c);
    void remove(std::string_view name);
    // Moves a column out of the frame.
    column extract(std::string_view name);

    frame select(std::span<const std::string> names) const;
    frame drop(std::span<const std::string> names) const;
    frame take(std::span<const std::size_t> rows) const;

    friend bool operator==(const frame&, const frame&);

private:
    std::vector<column> columns_;
};

bool operator==(const column&, const column&);

}  // namespace lolpop
