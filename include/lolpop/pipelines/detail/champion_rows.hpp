#pragma once
// What the champion/challenger comparison scores the deployed model with, and on which rows.
//
// A model refitted on all rows (retrain_all) has seen every test row the next train step can
// make of the same data, so scoring it there favours it: it would win every time. So each model
// version stores, next to the model it deploys, the rows its evaluated model learned from (a
// lolpop::row_fingerprint of the training and validation parts, tag `seen_rows`) and, when it was
// refitted, that evaluated model itself, before the refit (its "twin", tag `evaluated_model`).
// The next train step scores the twin (or the deployed model when it was not refitted) and the
// new model, before its own refit, on the new test rows the champion's evaluated model never
// learned from. The twin stands for the deployed model: same settings, fewer rows; what it scores
// on unseen rows is an honest estimate of what the refitted model does, while the refitted
// model's own score on rows it learned from is not.
// Versions stored before these tags existed carry neither: they are compared as before, on all
// test rows, with a warning.
#include <lolpop/core/resources.hpp>
#include <lolpop/core/row_fingerprint.hpp>
#include <lolpop/core/split.hpp>

#include <cstddef>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

// The tags of a model version that the comparison reads, and the train step writes.
inline constexpr std::string_view evaluated_model_tag = "evaluated_model";  // hash of the pre-refit model
inline constexpr std::string_view seen_rows_tag = "seen_rows";              // hash of its row_fingerprint
inline constexpr std::string_view compared_to_tag = "compared_to";          // the deployed version id, or "none"
inline constexpr std::string_view no_deployment = "none";

// Fewer unseen test rows than this give a score too noisy to pick a champion by.
inline constexpr std::size_t min_compared_rows = 20;

struct champion_for_comparison {
    std::string model_bytes;  // the evaluated twin's bytes, or the deployed model's
    bool twin = false;        // whether model_bytes are the pre-refit twin
    // The test rows the champion never learned from; nothing when its version does not say what
    // it learned from (stored before fingerprints).
    std::optional<std::vector<std::size_t>> unseen;
};

template <class Tracker, class Store, class Deployer>
champion_for_comparison champion_rows(Tracker& metadata, Store& store, Deployer& deployer, const deployment& current,
                                      const labeled_data& test) {
    champion_for_comparison out;
    if (const auto twin = metadata.get_tag(current.model_version_id, std::string(evaluated_model_tag))) {
        out.model_bytes = store.get_model(*twin);
        out.twin = true;
    } else {
        out.model_bytes = deployer.load_deployed(current);
    }
    if (const auto seen = metadata.get_tag(current.model_version_id, std::string(seen_rows_tag)))
        out.unseen = row_fingerprint::load(store.get_model(*seen), "model version " + current.model_version_id + " " +
                                                                       std::string(seen_rows_tag))
                         .unseen_rows(test);
    return out;
}

// The rows `rows` of `part`.
inline labeled_data take_rows(const labeled_data& part, const std::vector<std::size_t>& rows) {
    return {part.X.take(rows), part.y.take(rows)};
}

// Every row of a part, for a champion whose version does not say what it learned from.
inline std::vector<std::size_t> all_rows(const labeled_data& part) {
    std::vector<std::size_t> rows(part.y.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
}

}  // namespace lolpop::detail
