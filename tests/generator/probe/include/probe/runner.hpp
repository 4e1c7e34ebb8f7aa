#pragma once
#include <lolpop/composition/settings.hpp>

#include <string>

namespace probe {

template <class... Binds>
struct runner {
    struct config {
        std::string name;
        double threshold = 0;
        int limit = 0;
        bool strict = false;
    };
    using settings = lolpop::composite_settings<config, Binds...>;
};

}  // namespace probe
