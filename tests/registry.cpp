// The built-in registry (include/lolpop/registry.toml) against the C++ it describes: the names its
// [enums] allow are the names the library accepts, and the defaults it declares are the configs'.
#include <lolpop/lolpop.hpp>

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <string>
#include <vector>

namespace {

const toml::table& registry() {
    static const toml::table table = toml::parse_file(LOLPOP_SOURCE_DIR "/include/lolpop/registry.toml");
    return table;
}

std::vector<std::string> names_at(std::string_view path) {
    std::vector<std::string> out;
    const toml::array* list = registry().at_path(path).as_array();
    REQUIRE_MESSAGE(list, path);
    for (const auto& item : *list) out.push_back(item.value_or(std::string()));
    return out;
}

// The registry's declared default of a component's setting, as lolpop's own settings value.
lolpop::setting_value declared_default(std::string_view component, std::string_view setting) {
    const auto node = registry().at_path(std::string("components.") + std::string(component) + ".settings." + std::string(setting) + ".default");
    REQUIRE_MESSAGE(node, component, ".", setting);
    if (auto d = node.value<double>()) return *d;
    return node.value_or(std::string());
}

template <class Config>
lolpop::setting_value cpp_default(std::string_view setting) {
    for (const auto& [name, text] : lolpop::describe_settings(Config{}))
        if (name == setting) return lolpop::parse_setting_value(text);
    FAIL("no setting ", setting);
    return {};
}

}  // namespace

TEST_CASE("the metrics the registry allows by task are the catalogue's") {
    std::vector<std::string> classification, regression;
    for (const auto& m : lolpop::metric_catalogue()) {
        if (m.classification) classification.emplace_back(m.name);
        if (m.regression) regression.emplace_back(m.name);
    }
    CHECK(names_at("enums.metrics.classification") == classification);
    CHECK(names_at("enums.metrics.regression") == regression);
}

TEST_CASE("the log levels and column types the registry allows are the library's") {
    std::vector<std::string> levels;
    for (auto l : {lolpop::log_level::debug, lolpop::log_level::info, lolpop::log_level::warn, lolpop::log_level::error})
        levels.emplace_back(lolpop::to_string(l));
    CHECK(names_at("enums.log_levels") == levels);
    std::vector<std::string> types;
    for (auto t : {lolpop::column_type::numeric, lolpop::column_type::integer, lolpop::column_type::categorical})
        types.emplace_back(lolpop::to_string(t));
    CHECK(names_at("enums.column_types") == types);
}

TEST_CASE("every violation status the registry allows builds a checker, and only those") {
    lolpop::context ctx;
    for (const auto& status : names_at("enums.violation_statuses")) {
        lolpop::rule_data_checker::config c;
        c.range_status = status;
        CHECK_NOTHROW(lolpop::rule_data_checker(c, ctx));
    }
    lolpop::rule_data_checker::config ok;
    ok.range_status = "ok";
    CHECK_THROWS(lolpop::rule_data_checker(ok, ctx));
}

TEST_CASE("every TLS mode the registry allows builds an smtp_notifier") {
    lolpop::context ctx;
    for (const auto& tls : names_at("components.smtp_notifier.settings.tls.one_of")) {
        lolpop::smtp_notifier::config c;
        c.url = "smtp://mail.example.com:587";
        c.from = "lolpop@example.com";
        c.to = {"oncall@example.com"};
        c.tls = tls;
        CHECK_NOTHROW(lolpop::smtp_notifier(c, ctx));
    }
}

TEST_CASE("every importance type the registry allows builds an explainer") {
    lolpop::context ctx;
    for (const auto& type : names_at("components.xgboost_explainer.settings.importance_type.one_of")) {
        lolpop::xgboost_explainer::config c;
        c.importance_type = type;
        CHECK_NOTHROW(lolpop::xgboost_explainer(c, ctx));
    }
}

TEST_CASE("the defaults the registry declares are the configs' defaults") {
    for (std::string_view ratio : {"train_ratio", "valid_ratio", "test_ratio"}) {
        CAPTURE(ratio);
        CHECK(declared_default("random_splitter", ratio) == cpp_default<lolpop::random_splitter::config>(ratio));
        CHECK(declared_default("stratified_splitter", ratio) == cpp_default<lolpop::stratified_splitter::config>(ratio));
        CHECK(declared_default("time_ordered_splitter", ratio) == cpp_default<lolpop::time_ordered_splitter::config>(ratio));
    }
    const auto perf_metric = registry().at_path("pipelines.offline_train.settings.perf_metric.default").value<std::string>();
    CHECK(perf_metric == std::get<std::string>(cpp_default<lolpop::offline_train_config>("perf_metric")));
    CHECK(declared_default("sql_data_transformer", "table") == cpp_default<lolpop::sql_data_transformer::config>("table"));
}
