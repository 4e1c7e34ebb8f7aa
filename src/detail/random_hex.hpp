#pragma once
// Unguessable, collision-free names (promotion ids, temporary files) that need no coordination
// between processes.
#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>

namespace lolpop::detail {

// 16 lowercase hex digits from the operating system's entropy source.
inline std::string random_hex64() {
    std::random_device entropy;
    const std::uint64_t value = (std::uint64_t{entropy()} << 32) | std::uint64_t{entropy()};
    return fmt::format("{:016x}", value);
}

}  // namespace lolpop::detail
