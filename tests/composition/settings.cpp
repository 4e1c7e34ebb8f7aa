// lolpop::composite_settings, lolpop::part and lolpop::settings_t: a workflow's settings tree.
#include <lolpop/composition/settings.hpp>

#include "../concepts/archetype.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

namespace {

struct splitter : archetype::component_base {
    using component_base::component_base;
    lolpop::data_split split_data(const lolpop::frame&, const std::string&);
};
struct runner_config {
    int max_depth = 6;
};
struct pipeline_config {
    std::string perf_metric = "roc_auc";
};
// A pipeline's settings are a composite; a component's are its config.
struct pipeline {
    using settings = lolpop::composite_settings<pipeline_config, lolpop::bind<lolpop::role::data_splitter, splitter>>;
};
struct configured {
    using config = runner_config;
};

namespace role = lolpop::role;
using train_settings = lolpop::composite_settings<pipeline_config, lolpop::bind<lolpop::role::data_splitter, splitter>>;
using runner_settings = lolpop::composite_settings<runner_config, lolpop::bind<role::train, pipeline>,
                                                   lolpop::bind<role::notifier, lolpop::unbound>>;

static_assert(std::is_same_v<lolpop::settings_t<splitter>, archetype::component_base::config>);
static_assert(std::is_same_v<lolpop::settings_t<configured>, runner_config>);
static_assert(std::is_same_v<lolpop::settings_t<pipeline>, train_settings>);
static_assert(std::is_same_v<runner_settings::config_type, runner_config>);
static_assert(runner_settings::index_of<role::train>() == 0);
static_assert(runner_settings::index_of<role::notifier>() == 1);
static_assert(runner_settings::index_of<role::data_splitter>() == 2);  // not bound here: one past the end

}  // namespace

TEST_CASE("part reaches the settings of a bound role, through every level") {
    runner_settings s;
    CHECK(s.config.max_depth == 6);
    CHECK(lolpop::part<role::train>(s).config.perf_metric == "roc_auc");
    static_assert(std::is_same_v<decltype(lolpop::part<role::data_splitter>(lolpop::part<role::train>(s))),
                                 archetype::component_base::config&>);

    lolpop::part<role::train>(s).config.perf_metric = "f1";
    const runner_settings& read_only = s;
    CHECK(lolpop::part<role::train>(read_only).config.perf_metric == "f1");
    static_assert(std::is_same_v<decltype(lolpop::part<role::train>(read_only)), const train_settings&>);
}
