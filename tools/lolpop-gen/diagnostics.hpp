#pragma once
// Errors in profiles and registries, reported as "file:line:col: error: message" like a compiler's.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::gen {

struct location {
    std::shared_ptr<const std::string> file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// "file:line:col: error: message", or "lolpop-gen: error: message" when there is no file.
std::string format_error(const location& where, std::string_view message);

// An error after which nothing sensible can be checked any more (unparsable file, extends cycle).
class fatal_error : public std::runtime_error {
public:
    fatal_error(const location& where, std::string_view message);
};

// Collects the errors of one run so that the user sees all independent mistakes at once.
class diagnostics {
public:
    void error(const location& where, std::string_view message);
    bool failed() const noexcept { return !errors_.empty(); }
    // The formatted errors in file order (by file, line, column), as a compiler reports them.
    std::vector<std::string> report() const;

private:
    struct entry {
        location where;
        std::string message;
    };
    std::vector<entry> errors_;
};

}  // namespace lolpop::gen
