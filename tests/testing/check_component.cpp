// lolpop::testing::check_component on lolpop's own components and on hand-made ones that break
// one run-time rule each. (A type that does not model its role does not compile: see
// tests/compile_fail/cpp/check_component.cpp.)
#include <lolpop/testing/check_component.hpp>

#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/logger/stdout_logger.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/notifier/smtp_notifier.hpp>
#include <lolpop/components/notifier/stdout_notifier.hpp>
#include <lolpop/components/notifier/webhook_notifier.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A logger with a setting of each kind a profile can give; the seed's default varies per test.
template <std::uint64_t Seed>
struct test_logger {
    struct config {
        std::string prefix = "\"quoted\" \\ and \?\?= text";
        int depth = -3;
        unsigned retries = 2;
        std::uint64_t seed = Seed;
        double ratio = 0.1;
        bool verbose = true;
        std::vector<std::string> tags = {"a", "b"};
        std::vector<double> weights;
        std::map<std::string, std::string> labels = {{"team", "ml"}};
    };
    static constexpr std::string_view name = "test_logger";
    test_logger(const config&, lolpop::context&) {}
    void log(lolpop::log_level, std::string_view) {}
};

struct badly_named_logger {
    struct config {};
    static constexpr std::string_view name = "BadlyNamed";
    badly_named_logger(const config&, lolpop::context&) {}
    void log(lolpop::log_level, std::string_view) {}
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(test_logger<42>::config, prefix, depth, retries, seed, ratio, verbose, tags, weights, labels);
BOOST_HANA_ADAPT_STRUCT(test_logger<UINT64_MAX>::config, prefix, depth, retries, seed, ratio, verbose, tags, weights, labels);
LOLPOP_NO_SETTINGS(badly_named_logger::config);

TEST_CASE("lolpop's own components pass, in each role they fill") {
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::random_splitter, lolpop::role::data_splitter>());
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::xgboost_trainer, lolpop::role::model_trainer>());
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::stdout_logger, lolpop::role::logger>());
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::stdout_notifier, lolpop::role::notifier>());
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::webhook_notifier, lolpop::role::notifier>());
    CHECK_NOTHROW(lolpop::testing::check_component<lolpop::smtp_notifier, lolpop::role::notifier>());
}

TEST_CASE("every kind of setting survives --describe and --set") {
    CHECK_NOTHROW(lolpop::testing::check_component<test_logger<42>, lolpop::role::logger>());
}

TEST_CASE("a name a profile cannot use is an error") {
    CHECK_THROWS_WITH_AS((lolpop::testing::check_component<badly_named_logger, lolpop::role::logger>()),
                         "component name 'BadlyNamed' is not a profile name (a lower-case letter, then lower-case "
                         "letters, digits and '_') (name)",
                         lolpop::error);
}

TEST_CASE("a default that --describe cannot print is an error naming the setting") {
    CHECK_THROWS_WITH_AS((lolpop::testing::check_component<test_logger<UINT64_MAX>, lolpop::role::logger>()),
                         "18446744073709551615 is too large for a TOML integer (test_logger.seed)", lolpop::error);
}
