#include <lolpop/configuration/did_you_mean.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using lolpop::closest_name;
using lolpop::did_you_mean;

TEST_CASE("closest_name finds the nearest candidate by edit distance") {
    const std::vector<std::string> settings = {"max_depth", "eta", "num_boost_round", "subsample"};
    CHECK(closest_name("max_dept", settings) == "max_depth");    // deletion
    CHECK(closest_name("maxx_depth", settings) == "max_depth");  // insertion
    CHECK(closest_name("num_boost_rounds", settings) == "num_boost_round");
    CHECK(closest_name("ets", settings) == "eta");              // substitution
    CHECK(closest_name("subsmaple", settings) == "subsample");  // transposition = two edits
}

TEST_CASE("suggestions stop at max(2, length / 3) edits") {
    const std::vector<std::string_view> roles = {"model_trainer", "data_splitter"};
    // 13 letters allow 4 edits.
    CHECK(closest_name("mdl_trainr", roles) == "model_trainer");  // 3 edits
    CHECK(closest_name("mdl_trnr", roles).empty());               // 5 edits, 8 letters allow 2
    // Short names always allow two edits.
    const std::vector<std::string_view> short_names = {"id", "eta"};
    CHECK(closest_name("ix", short_names) == "id");
    CHECK(closest_name("et", short_names) == "eta");
    CHECK(closest_name("xyz", short_names).empty());
    CHECK(closest_name("anything", std::vector<std::string_view>{}).empty());
}

TEST_CASE("ties go to the first candidate") {
    const std::vector<std::string> names = {"cat", "car"};
    CHECK(closest_name("ca", names) == "cat");
}

TEST_CASE("did_you_mean phrases the suggestion or says nothing") {
    const std::vector<std::string> names = {"target", "id"};
    CHECK(did_you_mean("targte", names) == " (did you mean 'target'?)");
    CHECK(did_you_mean("species", names).empty());
    const std::vector<std::string_view> views = {"numeric", "integer"};
    CHECK(did_you_mean("numerc", views) == " (did you mean 'numeric'?)");
}
