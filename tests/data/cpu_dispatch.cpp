// lolpop::use_avx2: which build of the vectorized loops runs, decided once per process.
#include <lolpop/data/cpu_dispatch.hpp>

#include <doctest/doctest.h>

#include <cstdlib>

// The only test of this program that asks use_avx2, so its first call is here.
TEST_CASE("LOLPOP_DISABLE_AVX2=1 runs the baseline loops, for the rest of the process") {
    REQUIRE(setenv("LOLPOP_DISABLE_AVX2", "1", 1) == 0);
    CHECK_FALSE(lolpop::use_avx2());
    REQUIRE(unsetenv("LOLPOP_DISABLE_AVX2") == 0);
    CHECK_FALSE(lolpop::use_avx2());
}
