#pragma once
#include <string>

namespace probe {

struct logger {
    struct config {
        std::string path;
        std::string level;
    };
};

}  // namespace probe
