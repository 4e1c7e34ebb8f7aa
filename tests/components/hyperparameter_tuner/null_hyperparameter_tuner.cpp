#include <lolpop/components/hyperparameter_tuner/null_hyperparameter_tuner.hpp>

#include <doctest/doctest.h>

TEST_CASE("null_hyperparameter_tuner proposes one trial that changes no setting") {
    lolpop::context ctx;
    lolpop::null_hyperparameter_tuner tuner({}, ctx);
    const std::vector<lolpop::trial> trials = tuner.trials();
    REQUIRE(trials.size() == 1);
    CHECK(trials.front().empty());
}
