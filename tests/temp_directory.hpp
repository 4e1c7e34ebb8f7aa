#pragma once
// A fresh directory under the system's temporary directory, removed with everything in it when
// the test ends, so that tests never share state or leave files behind.
#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace lolpop_test {

class temp_directory {
public:
    temp_directory() {
        std::random_device entropy;
        path_ = std::filesystem::temp_directory_path() /
                ("lolpop-test-" + std::to_string(entropy()) + "-" + std::to_string(entropy()));
        std::filesystem::create_directories(path_);
    }
    ~temp_directory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    temp_directory(const temp_directory&) = delete;
    temp_directory& operator=(const temp_directory&) = delete;

    const std::filesystem::path& path() const noexcept { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace lolpop_test
