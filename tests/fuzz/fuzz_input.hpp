#pragma once
// What every fuzz target shares: the input as text, a byte of options taken from its front, a
// scratch folder of the process for the loaders that read files, and the rule that lolpop::error
// is the one exception bad input may give (anything else aborts: a finding).
#include <lolpop/core/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace lolpop::fuzz {

struct input {
    std::string_view bytes;

    // The first byte, consumed (0 when there is none).
    std::uint8_t take_byte() noexcept {
        if (bytes.empty()) return 0;
        const auto b = static_cast<std::uint8_t>(bytes.front());
        bytes.remove_prefix(1);
        return b;
    }
};

inline input make_input(const std::uint8_t* data, std::size_t size) noexcept {
    return {std::string_view(reinterpret_cast<const char*>(data), size)};
}

// A folder of this process's own below the system's temporary folder, removed at exit.
inline const std::filesystem::path& scratch_folder() {
    static const struct folder {
        std::filesystem::path path;
        folder() : path(std::filesystem::temp_directory_path() / ("lolpop-fuzz-" + std::to_string(::getpid()))) {
            std::filesystem::create_directories(path);
        }
        ~folder() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    } f;
    return f.path;
}

// Writes `bytes` to `name` in the scratch folder and gives its path.
inline std::filesystem::path write_scratch_file(std::string_view name, std::string_view bytes) {
    const std::filesystem::path path = scratch_folder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

// Aborts with `what`: an invariant of the code under test does not hold.
[[noreturn]] inline void finding(std::string_view what) {
    std::fprintf(stderr, "fuzz: finding: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

// Runs `body`; lolpop::error (or the type `Accepted`) is the answer to bad input, any other
// exception a finding.
template <class Accepted = lolpop::error, class Body>
void expect_only_errors(Body&& body) {
    try {
        body();
    } catch (const Accepted&) {
    } catch (const std::exception& e) {
        finding(std::string("an exception other than the documented error: ") + e.what());
    } catch (...) {
        finding("an exception that is no std::exception");
    }
}

}  // namespace lolpop::fuzz
