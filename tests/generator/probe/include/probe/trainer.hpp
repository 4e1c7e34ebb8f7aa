#pragma once
#include <map>
#include <string>
#include <vector>

namespace probe {

struct trainer {
    struct config {
        int max_depth = 0;
        double eta = 0;
        unsigned seed = 0;
        std::vector<double> weights;
        std::vector<std::string> tags;
        std::map<std::string, std::string> params;
        bool verbose = true;
    };
};

}  // namespace probe
