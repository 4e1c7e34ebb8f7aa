#include <lolpop/core/error.hpp>

namespace lolpop {

error::error(std::string what, std::string where)
    : std::runtime_error(where.empty() ? what : what + " (" + where + ")"),
      what_(std::move(what)),
      where_(std::move(where)) {}

error::error(std::string what) : error(std::move(what), {}) {}

}  // namespace lolpop
