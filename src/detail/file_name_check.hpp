#pragma once
// Names that the local stores turn into file names (model names, model version ids) must stay
// inside the store's directory.
#include <lolpop/core/error.hpp>

#include <string>
#include <string_view>

namespace lolpop::detail {

// Throws lolpop::error "<what> '<name>' cannot be used as a file name" naming `where` for an
// empty name, "." or "..", or one containing '/' or a NUL byte.
inline void check_file_name(std::string_view name, std::string_view what, std::string_view where) {
    if (name.empty() || name == "." || name == ".." || name.find_first_of(std::string_view("/\0", 2)) != std::string_view::npos)
        throw error(std::string(what) + " '" + std::string(name) + "' cannot be used as a file name", std::string(where));
}

}  // namespace lolpop::detail
