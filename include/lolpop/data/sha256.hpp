#pragma once
#include <string>
#include <string_view>

namespace lolpop {

// Lowercase hex SHA-256 of `bytes`, the address of every stored artifact.
std::string sha256_hex(std::string_view bytes);

}  // namespace lolpop
