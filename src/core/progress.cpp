#include <lolpop/core/progress.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <unistd.h>

namespace lolpop {
namespace {

using clock = std::chrono::steady_clock;

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::string amount(std::uint64_t n, std::string_view unit) {
    if (unit == "MB") return fmt::format("{:.1f}", static_cast<double>(n) / 1e6);
    return fmt::format("{}", n);
}

}  // namespace

progress_meter::progress_meter(const context& ctx, std::string label, std::uint64_t total, std::string_view unit)
    : enabled_(ctx.shows_progress() && stderr_is_terminal()),
      label_(std::move(label)),
      total_(total),
      unit_(unit),
      start_(clock::now()),
      next_draw_(start_ + std::chrono::milliseconds(500)) {}

progress_meter::~progress_meter() {
    if (drawn_) std::fputs("\r\033[K", stderr);
}

void progress_meter::update(std::uint64_t done) {
    if (!enabled_) return;
    const auto now = clock::now();
    if (now < next_draw_) return;
    next_draw_ = now + std::chrono::milliseconds(100);
    draw(done);
}

void progress_meter::draw(std::uint64_t done) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock::now() - start_).count();
    std::string line = fmt::format("\r\033[Klolpop: {}  ", label_);
    if (total_ > 0)
        line += fmt::format("{:3.0f}%  {} of {} {}", 100.0 * static_cast<double>(done) / static_cast<double>(total_),
                            amount(done, unit_), amount(total_, unit_), unit_);
    else
        line += fmt::format("{} {}", amount(done, unit_), unit_);
    line += fmt::format("  {}:{:02}", seconds / 60, seconds % 60);
    // One write per redraw: a line drawn in pieces flickers.
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
}

}  // namespace lolpop
