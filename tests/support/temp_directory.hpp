#pragma once
// A fresh directory for one test, removed with everything in it when the test ends.
#include <filesystem>
#include <random>
#include <string>

namespace lolpop::testing {

class temp_directory {
public:
    temp_directory() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("lolpop-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    temp_directory(const temp_directory&) = delete;
    temp_directory& operator=(const temp_directory&) = delete;
    ~temp_directory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }

    const std::filesystem::path& path() const noexcept { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

}  // namespace lolpop::testing
