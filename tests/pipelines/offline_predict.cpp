// offline_predict's own helpers; the pipeline itself runs in tests/runners and tests/examples.
#include <lolpop/pipelines/offline_predict.hpp>

#include <doctest/doctest.h>

TEST_CASE("explanations go next to the predictions: a file's name, a table's, a schema-qualified table's") {
    using lolpop::explanations_target;
    CHECK(explanations_target("out/predictions.csv") == "out/predictions_explanations.csv");
    CHECK(explanations_target("predictions.tsv") == "predictions_explanations.tsv");
    CHECK(explanations_target("scores") == "scores_explanations");
    CHECK(explanations_target("team.scores") == "team.scores_explanations");
}
