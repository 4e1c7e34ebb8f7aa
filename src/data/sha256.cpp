#include <lolpop/core/error.hpp>
#include <lolpop/data/sha256.hpp>

#include <openssl/evp.h>

#include <array>

namespace lolpop {

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw error("SHA-256 computation failed", "OpenSSL EVP_Digest");
    static constexpr char hex_digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex += hex_digits[digest[i] >> 4];
        hex += hex_digits[digest[i] & 0xF];
    }
    return hex;
}

}  // namespace lolpop
