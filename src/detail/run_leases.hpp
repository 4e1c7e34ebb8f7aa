#pragma once
// The runs in flight on a metadata store, one file each in a folder next to it: a step takes a
// lease on its run when it starts and gives it back when it ends, committed or rolled back. A
// lease whose process is gone (lolpop::detail::may_be_alive) is a run that was killed, which a
// later step records as abandoned.
#include <lolpop/core/resources.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace lolpop::detail {

class run_leases {
public:
    explicit run_leases(std::filesystem::path folder) : folder_(std::move(folder)) {}

    void take(const run& r);
    // Also removes the folder when it is empty and this process made it.
    void give_back(const std::string& run_id) noexcept;
    // The runs whose process is gone, with status abandoned; their leases stay until given back.
    std::vector<run> abandoned() const;

private:
    std::filesystem::path folder_;
    std::vector<std::filesystem::path> created_;
};

}  // namespace lolpop::detail
