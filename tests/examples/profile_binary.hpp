#pragma once
// The examples' profile binaries run as a user runs them: a process in the example's folder,
// with LOLPOP_HOME pointing at a test's home.
#include "../temp_directory.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <sys/wait.h>

namespace lolpop_test {

struct process_result {
    int exit_code;
    std::string output;  // stdout and stderr together
};

// The shell command that runs `binary args` for `example` on `home`, with the variables `env`
// ("NAME=value ...") set too.
inline std::string profile_command(const std::string& example, const std::string& binary, const std::string& args,
                                   const temp_directory& home, const std::string& env = "") {
    return "cd '" LOLPOP_SOURCE_DIR "/examples/" + example + "' && LOLPOP_HOME='" + home.path().string() + "' " + env +
           " '" + binary + "' " + args + " 2>&1";
}

inline std::string read_all(FILE* pipe) {
    std::string output;
    std::array<char, 4096> buffer;
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), n);
    return output;
}

inline process_result run_binary(const std::string& example, const std::string& binary, const std::string& args,
                                 const temp_directory& home, const std::string& env = "") {
    FILE* pipe = popen(profile_command(example, binary, args, home, env).c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string output = read_all(pipe);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, std::move(output)};
}

inline std::size_t line_count(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// Every file and folder under `home` with its bytes (a folder's are empty), but the log files:
// a failed step is logged, and nothing else may change.
inline std::map<std::string, std::string> home_contents(const temp_directory& home) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> contents;
    for (const auto& entry : fs::recursive_directory_iterator(home.path())) {
        const std::string name = fs::relative(entry.path(), home.path()).string();
        if (entry.path().extension() == ".log") continue;
        if (entry.is_directory()) {
            contents[name + "/"];
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        contents[name].assign(std::istreambuf_iterator<char>(in), {});
    }
    return contents;
}

}  // namespace lolpop_test
