// lolpop::error: what went wrong and where, as one line.
#include <lolpop/core/error.hpp>

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

TEST_CASE("an error reads '<what> (<where>)' and keeps both parts") {
    const lolpop::error e("unknown setting 'max_dept'", "train.model_trainer");
    CHECK(std::string(e.what()) == "unknown setting 'max_dept' (train.model_trainer)");
    CHECK(e.what_happened() == "unknown setting 'max_dept'");
    CHECK(e.where() == "train.model_trainer");
}

TEST_CASE("an error without a place is its message alone") {
    const lolpop::error e("the model was never trained");
    CHECK(std::string(e.what()) == "the model was never trained");
    CHECK(e.where().empty());
    CHECK(std::string(lolpop::error("no such file", "").what()) == "no such file");
}

TEST_CASE("an error is caught as a std::runtime_error") {
    CHECK_THROWS_WITH_AS(throw lolpop::error("bad ratio", "train.data_splitter"), "bad ratio (train.data_splitter)",
                         std::runtime_error);
}
