#include <lolpop/configuration/did_you_mean.hpp>

#include <algorithm>
#include <numeric>
#include <vector>

namespace lolpop {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // One row of the Levenshtein table is enough: each cell needs only its left, upper and
    // upper-left neighbours.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

template <class Candidates>
std::string closest(std::string_view name, const Candidates& candidates) {
    // Two edits are a plausible typo in any name; a long name may have a third of it wrong
    // and still be recognisable, beyond that a suggestion would be a guess.
    const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t d = edit_distance(name, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return std::string(best);
}

std::string phrase(const std::string& suggestion) {
    return suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)";
}

}  // namespace

std::string closest_name(std::string_view name, std::span<const std::string_view> candidates) {
    return closest(name, candidates);
}

std::string closest_name(std::string_view name, std::span<const std::string> candidates) {
    return closest(name, candidates);
}

std::string did_you_mean(std::string_view name, std::span<const std::string_view> candidates) {
    return phrase(closest_name(name, candidates));
}

std::string did_you_mean(std::string_view name, std::span<const std::string> candidates) {
    return phrase(closest_name(name, candidates));
}

}  // namespace lolpop
