#include <lolpop/core/problem.hpp>

#include <doctest/doctest.h>

TEST_CASE("problem types have their profile names") {
    CHECK(lolpop::to_string(lolpop::problem_type::binary) == "binary");
    CHECK(lolpop::to_string(lolpop::problem_type::multiclass) == "multiclass");
    CHECK(lolpop::to_string(lolpop::problem_type::regression) == "regression");
}
