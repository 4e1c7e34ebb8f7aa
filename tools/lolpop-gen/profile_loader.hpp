#pragma once
// Reads a profile the way DESIGN §5 resolves it: `[profile] extends` files merged underneath (this
// file wins, tables merge, arrays replace), then "$a.b.c" references replaced by the values they
// name. "${env:...}" strings stay as they are: they are expanded when the binary runs.
#include "profile_tree.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lolpop::gen {

struct loaded_profile {
    node root;                                // without the [profile] table
    std::vector<std::filesystem::path> files; // the profile and every file it extends
};

// Reads a file whole; throws fatal_error at `from` (or without a position) when it cannot.
std::string read_file(const std::filesystem::path& path, const location& from, std::string_view what);

// Throws fatal_error for unreadable or unparsable files, extends cycles, dangling or cyclic
// references and malformed ${env:...} strings.
loaded_profile load_profile(const std::filesystem::path& path);

}  // namespace lolpop::gen
