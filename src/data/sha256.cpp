#include <lolpop/core/error.hpp>
#include <lolpop/data/sha256.hpp>

#include <openssl/evp.h>

#include <array>

namespace lolpop {
namespace {

std::string to_hex(const unsigned char* digest, unsigned int length) {
    static constexpr char hex_digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex += hex_digits[digest[i] >> 4];
        hex += hex_digits[digest[i] & 0xF];
    }
    return hex;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw error("SHA-256 computation failed", "OpenSSL EVP_Digest");
    return to_hex(digest.data(), length);
}

struct sha256_hasher::state {
    state() : context(EVP_MD_CTX_new()) {
        if (context == nullptr) throw error("SHA-256 computation failed", "OpenSSL EVP_MD_CTX_new");
        start();
    }
    ~state() { EVP_MD_CTX_free(context); }
    state(const state&) = delete;
    state& operator=(const state&) = delete;

    void start() {
        if (EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1)
            throw error("SHA-256 computation failed", "OpenSSL EVP_DigestInit_ex");
    }

    EVP_MD_CTX* context;
};

sha256_hasher::sha256_hasher() : state_(std::make_unique<state>()) {}
sha256_hasher::~sha256_hasher() = default;

void sha256_hasher::update(std::string_view bytes) {
    if (EVP_DigestUpdate(state_->context, bytes.data(), bytes.size()) != 1)
        throw error("SHA-256 computation failed", "OpenSSL EVP_DigestUpdate");
}

std::string sha256_hasher::finish_hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(state_->context, digest.data(), &length) != 1)
        throw error("SHA-256 computation failed", "OpenSSL EVP_DigestFinal_ex");
    state_->start();
    return to_hex(digest.data(), length);
}

}  // namespace lolpop
