#pragma once
// lolpop::testing::check_notifier_laws(make, deliveries) — the laws of the notifier role
// (lolpop/concepts/notifier.hpp), checked on a notifier of one's own in one line of a test:
//
//   CHECK_NOTHROW(lolpop::testing::check_notifier_laws([&] { return my_notifier(cfg, ctx); },
//                                                      [&] { return server.messages(); }));
//
// make() returns a notifier configured to send warn and above; deliveries() counts the
// notifications that reached its destination so far. The laws:
//   - a notification below the level is not delivered;
//   - one at or above it is delivered once, whatever its text holds (line breaks, quotes,
//     backslashes, control characters, bytes that are not UTF-8, nothing at all);
//   - notify never throws.
// A broken law throws lolpop::error naming the component and the law.
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/core/error.hpp>

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

namespace lolpop::testing {

template <class Make, class Deliveries>
void check_notifier_laws(Make&& make, Deliveries&& deliveries) {
    auto notifier = make();  // a prvalue: the notifier need not be movable
    using T = decltype(notifier);
    static_assert(lolpop::notifier<T>, "check_notifier_laws: make() must return a notifier");
    const std::string where(T::name);

    const auto send = [&](log_level level, std::string_view message, std::size_t expected, std::string_view law) {
        const std::size_t before = deliveries();
        try {
            notifier.notify(level, message);
        } catch (const std::exception& e) {
            throw error("notify threw: " + std::string(e.what()), where);
        } catch (...) {
            throw error("notify threw", where);
        }
        const std::size_t delivered = deliveries() - before;
        if (delivered != expected)
            throw error(std::string(law) + ": " + std::to_string(delivered) + " deliveries, not " + std::to_string(expected),
                        where);
    };
    send(log_level::debug, "below the level", 0, "a debug notification is not delivered by a warn notifier");
    send(log_level::info, "below the level", 0, "an info notification is not delivered by a warn notifier");
    send(log_level::warn, "at the level", 1, "a warn notification is delivered once by a warn notifier");
    send(log_level::error, "above the level", 1, "an error notification is delivered once by a warn notifier");
    send(log_level::error, "two\nlines, \"quoted\", a \\ backslash, a \t tab, a \x01 control, a \xff byte", 1,
         "a notification of any text is delivered once");
    send(log_level::warn, "", 1, "an empty notification is delivered once");
}

}  // namespace lolpop::testing
