#pragma once
// Which rows a model learned from, as a sorted list of 64-bit hashes of each row's values: what the
// champion/challenger comparison needs to score a deployed model only on rows it has not seen.
//
// A row's hash covers every column, taken in the order of their names, so that the same rows hash
// the same whatever the column order; integer and numeric values hash as the same number, a
// categorical value as its label, a missing value as itself. Equal rows (duplicates) hash equal,
// which is what is wanted: a model has seen a test row that duplicates one it learned from.
// Two different rows share a hash with probability about n^2 / 2^65 (10^6 rows: ~3e-8), which
// at worst leaves a row out of the comparison.
//
// Stored format: "lolpop-row-fingerprint 1 <count>\n", then <count> hashes, 8 bytes each, little
// endian, ascending.
#include <lolpop/core/frame.hpp>
#include <lolpop/core/split.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

// One hash per row of `data` (its features and its target), in row order.
std::vector<std::uint64_t> row_hashes(const labeled_data& data);

// The rows of `parts` together, as a fingerprint: their hashes, sorted, each once.
class row_fingerprint {
public:
    row_fingerprint() = default;
    explicit row_fingerprint(std::span<const labeled_data* const> parts);

    bool contains(std::uint64_t hash) const noexcept;
    std::size_t size() const noexcept { return hashes_.size(); }

    std::string save() const;
    // Throws lolpop::error "not a lolpop row fingerprint" naming `where` for bytes save() did not write.
    static row_fingerprint load(std::string_view bytes, std::string_view where);

    // The rows of `data` (by position) whose hash is not in the fingerprint.
    std::vector<std::size_t> unseen_rows(const labeled_data& data) const;

private:
    std::vector<std::uint64_t> hashes_;
};

}  // namespace lolpop
