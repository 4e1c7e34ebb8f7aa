// lolpop::class_probabilities: row-major probabilities, one row per predicted row.
#include <lolpop/core/prediction.hpp>

#include <doctest/doctest.h>

TEST_CASE("probabilities are read by row and class") {
    const lolpop::class_probabilities p{{"Adelie", "Chinstrap", "Gentoo"}, {0.7, 0.2, 0.1, 0.05, 0.05, 0.9}};
    CHECK(p.rows() == 2);
    CHECK(p(0, 0) == 0.7);
    CHECK(p(0, 2) == 0.1);
    CHECK(p(1, 2) == 0.9);
}

TEST_CASE("no classes means no probabilities, whatever the values") {
    CHECK(lolpop::class_probabilities{}.rows() == 0);
    CHECK(lolpop::class_probabilities{{}, {0.5, 0.5}}.rows() == 0);
    const lolpop::predictions labels_only;
    CHECK(labels_only.proba.rows() == 0);
    CHECK(labels_only.predicted.size() == 0);
}
