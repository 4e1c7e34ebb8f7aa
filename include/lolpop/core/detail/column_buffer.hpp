#pragma once
// The values of one column: either a vector it owns, or a view of memory that someone else keeps
// alive (a mapped file), held through `owner`. Reads cost the same either way (a pointer and a
// size); the first write to a view copies it into a vector (copy on write), so a mapping is never
// written to.
#include <cstddef>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace lolpop::detail {

template <class T>
class column_buffer {
public:
    column_buffer() = default;
    explicit column_buffer(std::vector<T> values) : owned_(std::move(values)) { point_at_owned(); }
    // Views `values`, which stay valid as long as `owner` lives; without an owner, copies them.
    column_buffer(std::span<const T> values, std::shared_ptr<const void> owner)
        : owner_(std::move(owner)), data_(values.data()), size_(values.size()) {
        if (!owner_) {
            owned_.assign(values.begin(), values.end());
            point_at_owned();
        }
    }

    column_buffer(const column_buffer& other)
        : owned_(other.owned_), owner_(other.owner_), data_(other.data_), size_(other.size_) {
        if (!owner_) point_at_owned();
    }
    column_buffer(column_buffer&& other) noexcept
        : owned_(std::move(other.owned_)), owner_(std::move(other.owner_)), data_(other.data_), size_(other.size_) {
        if (!owner_) point_at_owned();
        other.owned_.clear();
        other.point_at_owned();
    }
    column_buffer& operator=(column_buffer other) noexcept {
        swap(other);
        return *this;
    }
    ~column_buffer() = default;

    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const T* data() const noexcept { return data_; }
    const T* begin() const noexcept { return data_; }
    const T* end() const noexcept { return data_ + size_; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    operator std::span<const T>() const noexcept { return {data_, size_}; }
    // True when the values are a view of someone else's memory.
    bool is_view() const noexcept { return owner_ != nullptr; }

    void push_back(const T& v) {
        own();
        owned_.push_back(v);
        point_at_owned();
    }
    void reserve(std::size_t n) {
        own();
        owned_.reserve(n);
        point_at_owned();
    }
    // Gives the owned vector to fill in place (a view is copied into it first); the buffer sees
    // the vector's contents again after `fill` returns.
    template <class Fill>
    void modify(Fill&& fill) {
        own();
        std::forward<Fill>(fill)(owned_);
        point_at_owned();
    }

private:
    void own() {
        if (!owner_) return;
        owned_.assign(data_, data_ + size_);
        owner_.reset();
    }
    void point_at_owned() noexcept {
        data_ = owned_.data();
        size_ = owned_.size();
    }
    void swap(column_buffer& other) noexcept {
        // Swapping vectors keeps their heap blocks, so the pointers into them stay right.
        owned_.swap(other.owned_);
        owner_.swap(other.owner_);
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        if (!owner_) point_at_owned();
        if (!other.owner_) other.point_at_owned();
    }

    std::vector<T> owned_;
    std::shared_ptr<const void> owner_;
    const T* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace lolpop::detail
