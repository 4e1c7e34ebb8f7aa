#include "diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace lolpop::gen {

std::string format_error(const location& where, std::string_view message) {
    if (!where.file) return fmt::format("lolpop-gen: error: {}", message);
    return fmt::format("{}:{}:{}: error: {}", *where.file, where.line, where.column, message);
}

fatal_error::fatal_error(const location& where, std::string_view message)
    : std::runtime_error(format_error(where, message)) {}

void diagnostics::error(const location& where, std::string_view message) {
    errors_.push_back({where, std::string(message)});
}

std::vector<std::string> diagnostics::report() const {
    std::vector<entry> sorted = errors_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const entry& a, const entry& b) {
        const std::string_view file_a = a.where.file ? std::string_view(*a.where.file) : "",
                               file_b = b.where.file ? std::string_view(*b.where.file) : "";
        return std::tie(file_a, a.where.line, a.where.column) < std::tie(file_b, b.where.line, b.where.column);
    });
    std::vector<std::string> out;
    for (const auto& e : sorted) out.push_back(format_error(e.where, e.message));
    return out;
}

}  // namespace lolpop::gen
