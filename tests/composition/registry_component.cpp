// lolpop::registry_component_t and the registry checks a generated header makes at the registry's
// lines: the name a component has, whether it is the registry key, and what stands in for an
// entry found wrong.
#include <lolpop/composition/registry_component.hpp>

#include <lolpop/components/logger/null_logger.hpp>
#include <lolpop/components/logger/stdout_logger.hpp>
#include <lolpop/concepts/logger.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

// A logger of its own without the `name` every component has.
class unnamed_logger {
public:
    struct config {
        std::string prefix = "#";
    };
    unnamed_logger(const config& cfg, lolpop::context&) : prefix_(cfg.prefix) {}
    void log(lolpop::log_level, std::string_view message) const { logged.push_back(prefix_ + std::string(message)); }

    static inline std::vector<std::string> logged;

private:
    std::string prefix_;
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(unnamed_logger::config, prefix);

TEST_CASE("a component's name is checked against its registry key") {
    static_assert(lolpop::registry_has_name<lolpop::stdout_logger>);
    static_assert(lolpop::registry_name_is<lolpop::stdout_logger>("stdout_logger"));
    static_assert(!lolpop::registry_name_is<lolpop::stdout_logger>("stdout"));
    static_assert(!lolpop::registry_has_name<unnamed_logger>);
    // Without a name there is nothing to compare: the missing name is the one error.
    static_assert(lolpop::registry_name_is<unnamed_logger>("unnamed_logger"));
    // A misspelled type is reported where the registry names it, not again here.
    static_assert(lolpop::registry_has_name<lolpop::registry_type_missing>);
    static_assert(lolpop::registry_name_is<lolpop::registry_type_missing>("anything"));
}

TEST_CASE("a correct entry composes its own type; a wrong one a stand-in that compiles on") {
    static_assert(std::is_same_v<lolpop::registry_component_t<lolpop::stdout_logger, lolpop::null_logger>, lolpop::stdout_logger>);
    static_assert(std::is_same_v<lolpop::registry_component_t<lolpop::registry_type_missing, lolpop::null_logger>,
                                 lolpop::null_logger>);

    // The nameless type, given a name, is still the user's type: its config, its behaviour, its role.
    using named = lolpop::registry_component_t<unnamed_logger, lolpop::null_logger>;
    static_assert(std::is_same_v<named, lolpop::registry_named<unnamed_logger>>);
    static_assert(std::is_same_v<named::config, unnamed_logger::config>);
    static_assert(!lolpop::logger<unnamed_logger>);
    static_assert(lolpop::logger<named>);
    lolpop::context ctx;
    const named logger({.prefix = "> "}, ctx);
    logger.log(lolpop::log_level::info, "hello");
    CHECK(unnamed_logger::logged == std::vector<std::string>{"> hello"});
}
