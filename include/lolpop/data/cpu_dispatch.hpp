#pragma once
// The few loops where four lanes pay off (the fused feature chain) are compiled twice: for the
// x86-64 baseline every binary targets, and for AVX2. Which one runs is decided at run time, once,
// so a profile binary stays portable and still uses the processor it runs on (NumPy does the
// same). The two builds compute the same IEEE operations in the same order: no fused
// multiply-add, so their results are identical.
#include <cstdlib>
#include <string_view>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LOLPOP_AVX2_BUILD 1
// On a function whose body (with the always-inline functions it calls) is compiled for AVX2.
#define LOLPOP_TARGET_AVX2 __attribute__((target("avx2")))
#else
#define LOLPOP_AVX2_BUILD 0
#define LOLPOP_TARGET_AVX2
#endif

namespace lolpop {

// True when the processor has AVX2 and LOLPOP_DISABLE_AVX2 is not set to something other than
// "" or "0" (=1 runs the baseline loops, as the tests do to check that both builds agree).
inline bool use_avx2() noexcept {
#if LOLPOP_AVX2_BUILD
    static const bool use = [] {
        const char* disable = std::getenv("LOLPOP_DISABLE_AVX2");
        const bool disabled = disable != nullptr && std::string_view(disable) != "" && std::string_view(disable) != "0";
        return __builtin_cpu_supports("avx2") && !disabled;
    }();
    return use;
#else
    return false;
#endif
}

}  // namespace lolpop
