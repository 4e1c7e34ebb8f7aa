// lolpop::testing::check_notifier_laws on lolpop's notifiers, each delivering for real (standard
// output, an HTTP server of the test's), and on hand-made notifiers that break one law each.
#include <lolpop/testing/notifier_laws.hpp>

#include <lolpop/components/notifier/stdout_notifier.hpp>
#include <lolpop/components/notifier/webhook_notifier.hpp>

#include "../captured_stdout.hpp"
#include "../http_listener.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

// The notifications a stdout_notifier printed into `out`.
std::size_t notifications(const lolpop_test::captured_stdout& out) {
    const std::string text = out.text();
    std::size_t count = 0;
    for (std::size_t pos = text.find("notification ["); pos != std::string::npos; pos = text.find("notification [", pos + 1))
        ++count;
    return count;
}

std::size_t counted = 0;

// A notifier that counts what it delivers in `counted`: a lawful one, and one that breaks each law.
enum class flaw { none, ignores_level, throws };

template <flaw Flaw>
struct counting_notifier {
    struct config {};
    static constexpr std::string_view name = "counting_notifier";
    counting_notifier(const config&, lolpop::context&) {}
    void notify(lolpop::log_level level, std::string_view) const {
        if (Flaw != flaw::ignores_level && level < lolpop::log_level::warn) return;
        if (Flaw == flaw::throws) throw std::runtime_error("cannot reach the server");
        ++counted;
    }
};

}  // namespace

LOLPOP_NO_SETTINGS(counting_notifier<flaw::none>::config);
LOLPOP_NO_SETTINGS(counting_notifier<flaw::ignores_level>::config);
LOLPOP_NO_SETTINGS(counting_notifier<flaw::throws>::config);

TEST_CASE("stdout_notifier keeps the notifier laws") {
    lolpop::context ctx;
    lolpop_test::captured_stdout out;
    CHECK_NOTHROW(lolpop::testing::check_notifier_laws([&] { return lolpop::stdout_notifier({"warn"}, ctx); },
                                                       [&] { return notifications(out); }));
}

TEST_CASE("webhook_notifier keeps the notifier laws") {
    lolpop_test::http_listener server;
    lolpop::context ctx;
    std::size_t warnings = 0;
    ctx.set_logger([&](lolpop::log_level, std::string_view) { ++warnings; });
    lolpop::webhook_notifier::config c;
    c.url = server.url("/hooks/laws");
    CHECK_NOTHROW(lolpop::testing::check_notifier_laws([&] { return lolpop::webhook_notifier(c, ctx); },
                                                       [&] { return server.requests().size(); }));
    CHECK(warnings == 0);
}

TEST_CASE("a notifier that breaks a law is named with the law") {
    lolpop::context ctx;
    const auto deliveries = [] { return counted; };
    CHECK_NOTHROW(lolpop::testing::check_notifier_laws([&] { return counting_notifier<flaw::none>({}, ctx); }, deliveries));
    CHECK_THROWS_WITH_AS(
        lolpop::testing::check_notifier_laws([&] { return counting_notifier<flaw::ignores_level>({}, ctx); }, deliveries),
        "a debug notification is not delivered by a warn notifier: 1 deliveries, not 0 (counting_notifier)", lolpop::error);
    CHECK_THROWS_WITH_AS(
        lolpop::testing::check_notifier_laws([&] { return counting_notifier<flaw::throws>({}, ctx); }, deliveries),
        "notify threw: cannot reach the server (counting_notifier)", lolpop::error);
}
