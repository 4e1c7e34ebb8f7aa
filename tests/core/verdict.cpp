// covers: lolpop/core/outcome.hpp
#include <lolpop/core/outcome.hpp>
#include <lolpop/core/verdict.hpp>

#include <doctest/doctest.h>

using lolpop::champion_verdict;

TEST_CASE("a verdict is stored by name and read back; other names are no verdict") {
    for (const auto v : {champion_verdict::unopposed, champion_verdict::wins, champion_verdict::loses,
                         champion_verdict::incomparable})
        CHECK(lolpop::parse_verdict(to_string(v)) == v);
    CHECK(to_string(champion_verdict::loses) == "loses");
    CHECK_FALSE(lolpop::parse_verdict("false"));
    CHECK_FALSE(lolpop::parse_verdict("Wins"));
}

TEST_CASE("only a model that lost leaves the deployed one in place") {
    CHECK(lolpop::replaces_champion(champion_verdict::unopposed));
    CHECK(lolpop::replaces_champion(champion_verdict::wins));
    CHECK(lolpop::replaces_champion(champion_verdict::incomparable));
    CHECK_FALSE(lolpop::replaces_champion(champion_verdict::loses));
}

TEST_CASE("a new train outcome is unopposed until it is compared") {
    const lolpop::train_outcome t;
    CHECK(t.verdict == champion_verdict::unopposed);
    CHECK_FALSE(t.deployed_score);
    const lolpop::build_all_outcome b;
    CHECK_FALSE(b.deployed);
}
