#include "diagnostics.hpp"

#include <fmt/format.h>

namespace lolpop::gen {

std::string format_error(const location& where, std::string_view message) {
    if (!where.file) return fmt::format("lolpop-gen: error: {}", message);
    return fmt::format("{}:{}:{}: error: {}", *where.file, where.line, where.column, message);
}

fatal_error::fatal_error(const location& where, std::string_view message)
    : std::runtime_error(format_error(where, message)) {}

void diagnostics::error(const location& where, std::string_view message) {
    messages_.push_back(format_error(where, message));
}

}  // namespace lolpop::gen
