#include <lolpop/components/model_visualizer/null_model_visualizer.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>

TEST_CASE("null_model_visualizer writes no files") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::null_model_visualizer visualizer({}, ctx);
    CHECK(visualizer.generate_viz(lolpop::evaluation{}, tmp.path().string()).empty());
    CHECK(std::filesystem::is_empty(tmp.path()));
}
