#pragma once
// Reflection of component `config` structs (adapted with BOOST_HANA_ADAPT_STRUCT): set a member by
// name, list members, print effective values. Unknown names are errors with a did-you-mean.
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <boost/hana/accessors.hpp>
#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lolpop {

template <class Config>
concept reflected_config = boost::hana::Struct<Config>::value;

template <reflected_config Config>
std::vector<std::string_view> setting_names() {
    std::vector<std::string_view> names;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        names.emplace_back(boost::hana::to<char const*>(boost::hana::first(accessor)));
    });
    return names;
}

// Sets the member called `key`; `where` names the setting in errors ("train.model_trainer").
template <reflected_config Config>
void set_setting(Config& config, std::string_view key, const setting_value& value, std::string_view where) {
    bool found = false;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        if (found || key != boost::hana::to<char const*>(boost::hana::first(accessor))) return;
        found = true;
        assign_setting(boost::hana::second(accessor)(config), value, std::string(where) + "." + std::string(key));
    });
    if (!found) {
        auto names = setting_names<Config>();
        throw error("unknown setting '" + std::string(key) + "'" + did_you_mean(key, names), std::string(where));
    }
}

// (name, value as TOML text) for every member, in declaration order.
template <reflected_config Config>
std::vector<std::pair<std::string, std::string>> describe_settings(const Config& config) {
    std::vector<std::pair<std::string, std::string>> out;
    boost::hana::for_each(boost::hana::accessors<Config>(), [&](auto accessor) {
        out.emplace_back(boost::hana::to<char const*>(boost::hana::first(accessor)),
                         format_setting_value(to_setting_value(boost::hana::second(accessor)(config))));
    });
    return out;
}

// The settings as one TOML table body ("key = value" lines), as lineage records them.
template <reflected_config Config>
std::string settings_to_toml(const Config& config) {
    std::string out;
    for (auto& [k, v] : describe_settings(config)) out += k + " = " + v + "\n";
    return out;
}

}  // namespace lolpop

// A config with no settings (null components): an adapted empty struct.
#define LOLPOP_NO_SETTINGS(T) BOOST_HANA_ADAPT_STRUCT(T)
