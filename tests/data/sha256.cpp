#include <lolpop/data/sha256.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

// Vectors from FIPS 180-2 and NIST's SHA-256 examples.
TEST_CASE("sha256_hex matches the published test vectors") {
    CHECK(lolpop::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(lolpop::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(lolpop::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(lolpop::sha256_hex(std::string(1'000'000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256_hex hashes every byte, NUL included") {
    using namespace std::string_view_literals;
    CHECK(lolpop::sha256_hex("a\0b"sv) == "59b271ae1bbcb1d31d41929817f4b16fb439eb4f31520b5ad1d5ce98920a7138");
    CHECK(lolpop::sha256_hex("a\0b"sv) != lolpop::sha256_hex("a"));
}

TEST_CASE("sha256_hasher gives sha256_hex's digest for the same bytes in pieces, and starts over") {
    const std::string text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    lolpop::sha256_hasher hasher;
    for (std::size_t i = 0; i < text.size(); i += 7) hasher.update(std::string_view(text).substr(i, 7));
    CHECK(hasher.finish_hex() == lolpop::sha256_hex(text));
    CHECK(hasher.finish_hex() == lolpop::sha256_hex(""));
    hasher.update("abc");
    CHECK(hasher.finish_hex() == lolpop::sha256_hex("abc"));
}
