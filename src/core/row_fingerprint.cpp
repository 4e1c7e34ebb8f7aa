#include <lolpop/core/row_fingerprint.hpp>

#include <lolpop/core/error.hpp>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

namespace lolpop {

namespace {

constexpr std::string_view magic = "lolpop-row-fingerprint 1 ";

// SplitMix64's finalizer: every input bit reaches every output bit.
constexpr std::uint64_t mix(std::uint64_t x) noexcept {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// FNV-1a, then mixed: for labels and column names, which are short.
std::uint64_t hash_text(std::string_view s) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h ^ s.size());
}

constexpr std::uint64_t missing_value = 0x6d697373696e6721ULL;

std::uint64_t hash_number(double v) noexcept {
    if (std::isnan(v)) return missing_value;
    if (v == 0) v = 0;  // -0 and 0 are the same value
    return mix(std::bit_cast<std::uint64_t>(v));
}

// Folds one column's values into the running row hashes, column by column, so that each pass is a
// plain loop over one typed buffer.
void fold(std::vector<std::uint64_t>& rows, const column& c) {
    const std::uint64_t salt = hash_text(c.name());
    auto combine = [&](std::size_t r, std::uint64_t value) { rows[r] = mix(rows[r] ^ salt) + value; };
    switch (c.type()) {
        case column_type::numeric: {
            const auto values = c.numeric_values();
            for (std::size_t r = 0; r < values.size(); ++r) combine(r, hash_number(values[r]));
            break;
        }
        case column_type::integer: {
            const auto values = c.integer_values();
            for (std::size_t r = 0; r < values.size(); ++r)
                combine(r, c.is_missing(r) ? missing_value : hash_number(static_cast<double>(values[r])));
            break;
        }
        case column_type::categorical: {
            std::vector<std::uint64_t> labels;
            labels.reserve(c.categories().size());
            for (const std::string& label : c.categories()) labels.push_back(hash_text(label));
            const auto codes = c.codes();
            for (std::size_t r = 0; r < codes.size(); ++r)
                combine(r, codes[r] < 0 ? missing_value : labels[static_cast<std::size_t>(codes[r])]);
            break;
        }
    }
}

}  // namespace

std::vector<std::uint64_t> row_hashes(const labeled_data& data) {
    std::vector<const column*> columns;
    for (const column& c : data.X.columns()) columns.push_back(&c);
    columns.push_back(&data.y);
    std::sort(columns.begin(), columns.end(), [](const column* a, const column* b) { return a->name() < b->name(); });
    std::vector<std::uint64_t> rows(data.y.size(), 0);
    for (const column* c : columns) fold(rows, *c);
    for (std::uint64_t& h : rows) h = mix(h);
    return rows;
}

row_fingerprint::row_fingerprint(std::span<const labeled_data* const> parts) {
    for (const labeled_data* part : parts) {
        const std::vector<std::uint64_t> rows = row_hashes(*part);
        hashes_.insert(hashes_.end(), rows.begin(), rows.end());
    }
    std::sort(hashes_.begin(), hashes_.end());
    hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
}

bool row_fingerprint::contains(std::uint64_t hash) const noexcept {
    return std::binary_search(hashes_.begin(), hashes_.end(), hash);
}

std::vector<std::size_t> row_fingerprint::unseen_rows(const labeled_data& data) const {
    const std::vector<std::uint64_t> rows = row_hashes(data);
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (!contains(rows[r])) out.push_back(r);
    return out;
}

std::string row_fingerprint::save() const {
    std::string out(magic);
    out += std::to_string(hashes_.size());
    out += '\n';
    const std::size_t header = out.size();
    out.resize(header + hashes_.size() * 8);
    for (std::size_t i = 0; i < hashes_.size(); ++i)
        for (int b = 0; b < 8; ++b) out[header + i * 8 + static_cast<std::size_t>(b)] = static_cast<char>(hashes_[i] >> (8 * b));
    return out;
}

row_fingerprint row_fingerprint::load(std::string_view bytes, std::string_view where) {
    auto fail = [&](std::string_view what) -> row_fingerprint {
        throw error("not a lolpop row fingerprint: " + std::string(what), std::string(where));
    };
    if (!bytes.starts_with(magic)) return fail("wrong header");
    const std::size_t line_end = bytes.find('\n');
    if (line_end == std::string_view::npos) return fail("cut short");
    const std::string_view count_text = bytes.substr(magic.size(), line_end - magic.size());
    std::size_t count = 0;
    const auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
    if (count_text.empty() || ec != std::errc() || end != count_text.data() + count_text.size()) return fail("bad count");
    const std::string_view body = bytes.substr(line_end + 1);
    if (body.size() / 8 != count || body.size() % 8 != 0) return fail("cut short or too long");
    row_fingerprint out;
    out.hashes_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t h = 0;
        for (int b = 0; b < 8; ++b) h |= std::uint64_t{static_cast<unsigned char>(body[i * 8 + static_cast<std::size_t>(b)])} << (8 * b);
        out.hashes_[i] = h;
    }
    if (!std::is_sorted(out.hashes_.begin(), out.hashes_.end())) return fail("hashes out of order");
    return out;
}

}  // namespace lolpop
