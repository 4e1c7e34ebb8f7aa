// The header lolpop-gen generates from probe.toml, compiled with lolpop's strict warnings: the
// composed type, the profile's identity and the settings make_settings() returns.
#include "lolpop_profile.hpp"

#include <lolpop/core/sha256.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using train_binds = probe::train_pipeline<lolpop::bind<lolpop::role::model_trainer, probe::trainer>>;
static_assert(std::is_same_v<lolpop_profile::train_pipeline, train_binds>);
static_assert(std::is_same_v<lolpop_profile::workflow,
                             probe::runner<lolpop::bind<lolpop::role::logger, probe::logger>,
                                           lolpop::bind<lolpop::role::notifier, probe::logger>,
                                           lolpop::bind<lolpop::role::train, train_binds>>>);

}  // namespace

TEST_CASE("the profile's identity") {
    const lolpop::profile_info& info = lolpop_profile::info;
    CHECK(info.name == "probe");
    CHECK(info.source == "probe/probe.toml");
    CHECK(info.build_id == lolpop::sha256_hex(std::string(info.text) + "\n" + LOLPOP_GEN_VERSION));
    // Resolved: the reference is replaced, ${env:...} is kept for run time.
    CHECK(info.text.find("notifier = \"probe_logger\"") != std::string_view::npos);
    CHECK(info.text.find("path = \"${env:LOLPOP_PROBE_DIR:-/tmp}/probe.log\"") != std::string_view::npos);
    CHECK(info.text.find('$' + std::string("components")) == std::string_view::npos);
}

TEST_CASE("settings of the runner, its components and its pipeline") {
    const auto s = lolpop_profile::make_settings();
    CHECK(s.config.name == "probe \"one\" ?\?=");
    CHECK(s.config.threshold == 0.75);
    CHECK(s.config.limit == -3);
    CHECK(s.config.strict);
    CHECK(lolpop::part<lolpop::role::logger>(s).level == "info");
    CHECK(lolpop::part<lolpop::role::notifier>(s).level == "warn");
    CHECK(lolpop::part<lolpop::role::notifier>(s).path.empty());
    CHECK(lolpop::part<lolpop::role::train>(s).config.metric == "roc_auc");

    const auto& trainer = lolpop::part<lolpop::role::model_trainer>(lolpop::part<lolpop::role::train>(s));
    CHECK(trainer.max_depth == 6);
    CHECK(trainer.eta == 1.0);
    CHECK(trainer.seed == 42u);
    CHECK(trainer.weights == std::vector<double>{0.5, 2.0});
    CHECK(trainer.params == std::map<std::string, std::string>{{"objective", "binary:logistic"}, {"tree method", "hist"}});
    CHECK_FALSE(trainer.verbose);
}

TEST_CASE("${env:...} is expanded when the settings are made, not when the header is generated") {
    ::unsetenv("LOLPOP_PROBE_DIR");
    ::unsetenv("LOLPOP_PROBE_TAG");
    auto s = lolpop_profile::make_settings();
    CHECK(lolpop::part<lolpop::role::logger>(s).path == "/tmp/probe.log");
    CHECK(lolpop::part<lolpop::role::model_trainer>(lolpop::part<lolpop::role::train>(s)).tags ==
          std::vector<std::string>{"a", "b"});

    ::setenv("LOLPOP_PROBE_DIR", "/srv/probe", 1);
    ::setenv("LOLPOP_PROBE_TAG", "nightly", 1);
    s = lolpop_profile::make_settings();
    CHECK(lolpop::part<lolpop::role::logger>(s).path == "/srv/probe/probe.log");
    CHECK(lolpop::part<lolpop::role::model_trainer>(lolpop::part<lolpop::role::train>(s)).tags ==
          std::vector<std::string>{"a", "nightly"});
    ::unsetenv("LOLPOP_PROBE_DIR");
    ::unsetenv("LOLPOP_PROBE_TAG");
}
