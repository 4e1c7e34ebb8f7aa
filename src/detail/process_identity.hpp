#pragma once
// Which process wrote a temporary file or holds a run's lease, in a form another process can check
// later: a dead writer's leftovers are removed, a live one's are left alone.
#include <optional>
#include <string>
#include <string_view>

namespace lolpop::detail {

struct process_identity {
    std::string host;                 // 8 hex digits of the host name's hash
    long pid = 0;
    unsigned long long start = 0;     // the process's start time in clock ticks since boot, so a reused pid is told apart
};

const process_identity& this_process();

// "<host>.<pid>.<start>": no '-' or '/', so it fits inside file names.
std::string to_string(const process_identity& p);
std::optional<process_identity> parse_process_identity(std::string_view text);

// A file name "<prefix><this process>-<random>" for a file this process writes, and the writer a
// name of that form gives (std::nullopt for another form, e.g. a name of an earlier lolpop).
std::string owned_file_name(std::string_view prefix);
std::optional<process_identity> owner_of(std::string_view file_name, std::string_view prefix);

// True unless the process is known to be gone: it ran on this host and no process with that pid
// and start time exists now. A process of another host is never taken for dead.
bool may_be_alive(const process_identity& p);

}  // namespace lolpop::detail
