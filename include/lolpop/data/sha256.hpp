#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace lolpop {

// Lowercase hex SHA-256 of `bytes`, the address of every stored artifact.
std::string sha256_hex(std::string_view bytes);

// The same digest over bytes that arrive in pieces (a file written in one pass), so that they
// need not all be in memory at once.
class sha256_hasher {
public:
    sha256_hasher();
    ~sha256_hasher();
    sha256_hasher(const sha256_hasher&) = delete;
    sha256_hasher& operator=(const sha256_hasher&) = delete;

    void update(std::string_view bytes);
    // The digest of everything given to update(), as sha256_hex gives it; the hasher then starts over.
    std::string finish_hex();

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace lolpop
