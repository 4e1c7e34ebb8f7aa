#pragma once
// Whole-file writes held back until a step commits: what a file-based component (a registry, a
// deployer) writes during a step is kept in memory, read back by the component as if written,
// and written to disk (each file atomically, in the order first written) only by commit(); a
// rollback() leaves the disk as it was. Outside a step, writes go to disk at once.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop {

class staged_files {
public:
    // Steps do not nest: a second begin() before commit() or rollback() is an error.
    void begin();
    void write(const std::filesystem::path& path, std::string bytes);
    // The staged bytes, else the file's; std::nullopt when neither exists.
    std::optional<std::string> read(const std::filesystem::path& path) const;
    bool exists(const std::filesystem::path& path) const;
    void commit();
    void rollback() noexcept;
    bool staging() const noexcept { return staging_; }

private:
    bool staging_ = false;
    std::vector<std::pair<std::filesystem::path, std::string>> staged_;
};

}  // namespace lolpop
