#pragma once
// lolpop::progress_meter — how far a long step has come, for a person watching a terminal:
//   "lolpop: reading data.csv  42%  37.0 of 88.0 MB  0:03"
// redrawn in place on standard error. It draws nothing when standard error is not a terminal or
// the run's context says not to (a JSON or null logger: the output is for machines, or silence
// was asked for), and nothing for a step over within half a second, so short runs and pipes see
// no difference.
#include <lolpop/core/context.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace lolpop {

class progress_meter {
public:
    // `total` counts `unit`s ("MB", "rows", "rounds"); 0 when unknown. Byte counts are given as
    // bytes and shown in MB when `unit` is "MB".
    progress_meter(const context& ctx, std::string label, std::uint64_t total, std::string_view unit);
    progress_meter(const progress_meter&) = delete;
    progress_meter& operator=(const progress_meter&) = delete;
    // Clears the line it drew, so that the next log line starts clean.
    ~progress_meter();

    // Cheap enough to call once per row range or round: it redraws at most ten times a second.
    void update(std::uint64_t done);

private:
    void draw(std::uint64_t done);

    bool enabled_;
    bool drawn_ = false;
    std::string label_;
    std::uint64_t total_;
    std::string unit_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point next_draw_;
};

}  // namespace lolpop
