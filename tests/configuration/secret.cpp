// lolpop::secret: set like a string, never shown.
#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/secret.hpp>

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace demo {

struct store_config {
    std::string host = "db.example";
    lolpop::secret dsn;
    std::optional<lolpop::secret> token;
    std::map<std::string, lolpop::secret> headers;
};

}  // namespace demo

BOOST_HANA_ADAPT_STRUCT(demo::store_config, host, dsn, token, headers);

static_assert(lolpop::setting_member<lolpop::secret>);
static_assert(lolpop::setting_member<std::optional<lolpop::secret>>);
static_assert(lolpop::takes_string<lolpop::secret> && lolpop::takes_string<std::optional<lolpop::secret>>);
// A list of secrets would print as a list of "(secret)"; a table of them shows its keys.
static_assert(!lolpop::setting_member<std::vector<lolpop::secret>>);
static_assert(lolpop::setting_member<std::map<std::string, lolpop::secret>>);

TEST_CASE("a secret is set from a string and read back whole") {
    demo::store_config cfg;
    lolpop::set_setting(cfg, "dsn", lolpop::parse_setting_value("\"host=h password=hunter2\""), "tracker");
    CHECK(cfg.dsn.reveal() == "host=h password=hunter2");
    lolpop::set_setting(cfg, "token", lolpop::parse_setting_value("abc"), "tracker");
    REQUIRE(cfg.token.has_value());
    CHECK(cfg.token->reveal() == "abc");
    // As a generated profile header assigns it.
    cfg.dsn = std::string{"password=x"};
    CHECK(cfg.dsn.reveal() == "password=x");
}

TEST_CASE("a secret is never shown: describe and lineage print (secret), and an empty one prints empty") {
    demo::store_config cfg;
    CHECK(lolpop::settings_to_toml(cfg) == "host = \"db.example\"\ndsn = \"\"\nheaders = {}\n");
    cfg.dsn = std::string{"host=h password=hunter2"};
    cfg.token = lolpop::secret("t0ken");
    lolpop::set_setting(cfg, "headers", lolpop::parse_setting_value("{ Authorization = \"Bearer t0ken\" }"), "hook");
    CHECK(cfg.headers.at("Authorization").reveal() == "Bearer t0ken");
    const std::string shown = lolpop::settings_to_toml(cfg);
    CHECK(shown == "host = \"db.example\"\ndsn = \"(secret)\"\ntoken = \"(secret)\"\nheaders = { Authorization = \"(secret)\" }\n");
    CHECK(shown.find("hunter2") == std::string::npos);
    CHECK(shown.find("t0ken") == std::string::npos);
}

TEST_CASE("a number is no secret") {
    demo::store_config cfg;
    CHECK_THROWS_WITH_AS(lolpop::set_setting(cfg, "dsn", lolpop::parse_setting_value("5"), "tracker"),
                         doctest::Contains("tracker.dsn"), lolpop::error);
}
