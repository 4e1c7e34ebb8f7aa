// lolpop::testing::check_component in a user's test, for a notifier whose notify takes the message
// first: the error says which role and which call.
// first-error: /cpp/check_component\.cpp:37:[0-9]+: .*requ(ired from|ested|ired) here$
// first-error: error: static.assert.* failed.*role notifier: the bound type does not model lolpop::notifier"?$
// expect: note: .*'t\.notify\(l, m\)' (is|would be) invalid
// max-lines: 20
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/testing/check_component.hpp>

#include <string>
#include <string_view>

namespace {

// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.
class chat_notifier {
public:
    struct config {
        std::string channel = "#ml";
    };
    static constexpr std::string_view name = "chat_notifier";

    chat_notifier(const config& cfg, lolpop::context& ctx);
#ifdef LOLPOP_FIX
    void notify(lolpop::log_level level, std::string_view message);
#else
    void notify(std::string_view message, lolpop::log_level level);
#endif
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(chat_notifier::config, channel);

int main() {
    lolpop::testing::check_component<chat_notifier, lolpop::role::notifier>();
}
