#pragma once
// The one exception type lolpop throws for bad input: what went wrong and where.
#include <stdexcept>
#include <string>

namespace lolpop {

class error : public std::runtime_error {
public:
    // Printed as "<what> (<where>)", the one line a profile binary shows before exiting non-zero.
    error(std::string what, std::string where);
    explicit error(std::string what);

    const std::string& what_happened() const noexcept { return what_; }
    const std::string& where() const noexcept { return where_; }

private:
    std::string what_;
    std::string where_;
};

}  // namespace lolpop
