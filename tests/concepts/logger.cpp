// lolpop::logger: a logger without log, and one whose log takes the message first; a structured one.
#include <lolpop/concepts/logger.hpp>

#include "archetype.hpp"

#include <string_view>

namespace {

template <bool Log>
struct logger : archetype::component_base {
    using component_base::component_base;
    void log(lolpop::log_level, std::string_view)
        requires Log;
};
static_assert(lolpop::logger<logger<true>>);
static_assert(!lolpop::has_log<logger<false>> && !lolpop::logger<logger<false>>);

struct message_first : archetype::component_base {
    using component_base::component_base;
    void log(std::string_view, lolpop::log_level);
};
static_assert(!lolpop::has_log<message_first> && !lolpop::logger<message_first>);

// A logger is for a person unless it says otherwise; saying so with false is saying nothing.
template <bool Structured>
struct json_lines : logger<true> {
    using logger<true>::logger;
    static constexpr bool structured = Structured;
};
static_assert(lolpop::structured_logger<json_lines<true>>);
static_assert(!lolpop::structured_logger<json_lines<false>> && !lolpop::structured_logger<logger<true>>);

}  // namespace
