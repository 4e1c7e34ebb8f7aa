#pragma once
// The PostgreSQL server of the tests' "postgres" fixture (tools/postgres-server, started once per
// build tree by ctest): its connection string, or nothing, with one printed line saying why, when
// the machine could not install PostgreSQL. A test that needs the server returns when it gets
// nothing; a test program run outside ctest (no LOLPOP_TEST_POSTGRES) fails instead of skipping.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

namespace lolpop_test {

inline std::optional<std::string> postgres_dsn() {
    const char* dir = std::getenv("LOLPOP_TEST_POSTGRES");
    if (dir == nullptr)
        throw std::runtime_error("LOLPOP_TEST_POSTGRES is not set: run this test through ctest, which starts the server "
                                 "(or set it to a directory of tools/postgres-server start)");
    const std::filesystem::path root(dir);
    std::string line;
    if (std::ifstream unavailable(root / "unavailable"); unavailable && std::getline(unavailable, line)) {
        std::cout << "skipped: the PostgreSQL tests: " << line << '\n';
        return std::nullopt;
    }
    std::ifstream dsn(root / "dsn");
    if (!dsn || !std::getline(dsn, line) || line.empty())
        throw std::runtime_error("no PostgreSQL server: " + (root / "dsn").string() + " is missing (did postgres.start fail?)");
    return line;
}

// A PostgreSQL schema name no other test uses, so that tests sharing the server share no tables.
inline std::string fresh_postgres_schema() {
    std::random_device entropy;
    return "test_" + std::to_string(entropy()) + "_" + std::to_string(entropy());
}

}  // namespace lolpop_test
