#pragma once
#include <lolpop/composition/settings.hpp>

#include <string>

namespace probe {

template <class... Binds>
struct train_pipeline {
    struct config {
        std::string metric;
    };
    using settings = lolpop::composite_settings<config, Binds...>;
};

}  // namespace probe
