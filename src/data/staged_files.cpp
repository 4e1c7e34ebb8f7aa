#include <lolpop/data/staged_files.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include <algorithm>

namespace lolpop {

namespace fs = std::filesystem;

namespace {

template <class Staged>
auto find_staged(Staged& staged, const fs::path& path) {
    return std::ranges::find(staged, path, &std::pair<fs::path, std::string>::first);
}

}  // namespace

void staged_files::begin() {
    if (staging_) throw error("a step is already staging these files", staged_.empty() ? "" : staged_.front().first.string());
    staging_ = true;
}

void staged_files::write(const fs::path& path, std::string bytes) {
    if (!staging_) return write_file_atomically(path, bytes);
    const auto same = find_staged(staged_, path);
    if (same != staged_.end())
        same->second = std::move(bytes);
    else
        staged_.emplace_back(path, std::move(bytes));
}

std::optional<std::string> staged_files::read(const fs::path& path) const {
    const auto same = find_staged(staged_, path);
    if (same != staged_.end()) return same->second;
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    return read_file(path);
}

bool staged_files::exists(const fs::path& path) const {
    std::error_code ec;
    return find_staged(staged_, path) != staged_.end() || fs::exists(path, ec);
}

void staged_files::commit() {
    // Cleared first: a failed write is not retried by a later commit, and the step is over.
    auto files = std::move(staged_);
    staged_.clear();
    staging_ = false;
    for (const auto& [path, bytes] : files) write_file_atomically(path, bytes);
}

void staged_files::rollback() noexcept {
    staged_.clear();
    staging_ = false;
}

}  // namespace lolpop
