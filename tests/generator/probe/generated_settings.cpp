// The header lolpop-gen generates from probe.toml, compiled with lolpop's strict warnings: the
// composed type, the profile's identity and the settings make_settings() returns.
#include "lolpop_profile.hpp"

#include <lolpop/data/sha256.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using train_binds = probe::train_pipeline<lolpop::bind<lolpop::role::model_explainer, probe::explainer>>;
static_assert(std::is_same_v<lolpop_profile::train_pipeline, train_binds>);
static_assert(std::is_same_v<lolpop_profile::workflow,
                             probe::runner<lolpop::bind<lolpop::role::logger, lolpop::stdout_logger>,
                                           lolpop::bind<lolpop::role::notifier, lolpop::stdout_notifier>,
                                           lolpop::bind<lolpop::role::train, train_binds>>>);

const probe::explainer::config& explainer_settings(const lolpop_profile::workflow::settings& s) {
    return lolpop::part<lolpop::role::model_explainer>(lolpop::part<lolpop::role::train>(s));
}

}  // namespace

TEST_CASE("the profile's identity") {
    const lolpop::profile_info& info = lolpop_profile::info;
    CHECK(info.name == "probe");
    CHECK(info.source == "probe/probe.toml");
    CHECK(info.build_id == lolpop::sha256_hex(std::string(info.text) + "\n" + LOLPOP_GEN_VERSION));
    // Resolved: the reference is replaced, ${env:...} is kept for run time.
    CHECK(info.text.find("[notifier]\nlevel = \"warn\"") != std::string_view::npos);
    CHECK(info.text.find("path = \"${env:LOLPOP_PROBE_DIR:-/tmp}/probe.log\"") != std::string_view::npos);
    CHECK(info.text.find('$' + std::string("logger")) == std::string_view::npos);
}

TEST_CASE("settings of the runner, its components and its pipeline") {
    const auto s = lolpop_profile::make_settings();
    CHECK(s.config.name == "probe \"one\" ?\?=");
    CHECK(s.config.threshold == 0.75);
    CHECK(s.config.limit == -3);
    CHECK(s.config.strict);
    CHECK(lolpop::part<lolpop::role::logger>(s).level == "warn");
    CHECK(lolpop::part<lolpop::role::notifier>(s).level == "warn");
    CHECK(lolpop::part<lolpop::role::train>(s).config.metric == "roc_auc");

    const auto& explainer = explainer_settings(s);
    CHECK(explainer.max_depth == 6);
    CHECK(explainer.eta == 1.0);
    CHECK(explainer.seed == 42u);
    CHECK(explainer.weights == std::vector<double>{0.5, 2.0});
    CHECK(explainer.params == std::map<std::string, std::string>{{"objective", "binary:logistic"}, {"tree method", "hist"}});
    // Each element keeps its TOML type: 3 stays an integer.
    CHECK(explainer.space == lolpop::setting_lists{
                                 {"max_depth", {std::int64_t{3}, std::int64_t{-4}}},
                                 {"eta", {0.1, 1e-3}},
                                 {"booster", {std::string("gbtree"), std::string("dart")}},
                                 {"flag", {true}},
                                 {"none", {}},
                             });
    CHECK_FALSE(explainer.verbose);
}

TEST_CASE("${env:...} is expanded when the settings are made, not when the header is generated") {
    ::unsetenv("LOLPOP_PROBE_DIR");
    ::unsetenv("LOLPOP_PROBE_TAG");
    auto s = lolpop_profile::make_settings();
    CHECK(explainer_settings(s).path == "/tmp/probe.log");
    CHECK(explainer_settings(s).tags == std::vector<std::string>{"a", "b"});

    ::setenv("LOLPOP_PROBE_DIR", "/srv/probe", 1);
    ::setenv("LOLPOP_PROBE_TAG", "nightly", 1);
    s = lolpop_profile::make_settings();
    CHECK(explainer_settings(s).path == "/srv/probe/probe.log");
    CHECK(explainer_settings(s).tags == std::vector<std::string>{"a", "nightly"});
    ::unsetenv("LOLPOP_PROBE_DIR");
    ::unsetenv("LOLPOP_PROBE_TAG");
}
