#include "detail/process_identity.hpp"

#include "detail/random_hex.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>

#include <unistd.h>

namespace lolpop::detail {

namespace {

// Field 22 of /proc/<pid>/stat; 0 when the process does not exist. The command name (field 2)
// is in parentheses and may hold spaces, so fields are counted from its closing parenthesis.
unsigned long long start_ticks(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    const std::string stat{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::size_t at = stat.rfind(')');
    if (at == std::string::npos) return 0;
    for (int field = 2; field < 22 && at != std::string::npos; ++field) at = stat.find(' ', at + 1);
    if (at == std::string::npos) return 0;
    unsigned long long ticks = 0;
    std::from_chars(stat.data() + at + 1, stat.data() + stat.size(), ticks);
    return ticks;
}

std::string host_id() {
    char name[256] = {};
    ::gethostname(name, sizeof name - 1);
    std::uint32_t hash = 2166136261u;  // FNV-1a
    for (const char* c = name; *c; ++c) hash = (hash ^ static_cast<unsigned char>(*c)) * 16777619u;
    return fmt::format("{:08x}", hash);
}

}  // namespace

const process_identity& this_process() {
    static const process_identity self{host_id(), static_cast<long>(::getpid()), start_ticks(::getpid())};
    return self;
}

std::string to_string(const process_identity& p) { return fmt::format("{}.{}.{}", p.host, p.pid, p.start); }

std::optional<process_identity> parse_process_identity(std::string_view text) {
    const std::size_t first = text.find('.');
    const std::size_t second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos || first != 8) return std::nullopt;
    process_identity p;
    p.host = std::string(text.substr(0, first));
    const char* end = text.data() + text.size();
    auto [pid_end, pid_error] = std::from_chars(text.data() + first + 1, text.data() + second, p.pid);
    auto [start_end, start_error] = std::from_chars(text.data() + second + 1, end, p.start);
    if (pid_error != std::errc{} || pid_end != text.data() + second || start_error != std::errc{} || start_end != end ||
        p.pid <= 0)
        return std::nullopt;
    return p;
}

std::string owned_file_name(std::string_view prefix) {
    return fmt::format("{}{}-{}", prefix, to_string(this_process()), random_hex64());
}

std::optional<process_identity> owner_of(std::string_view file_name, std::string_view prefix) {
    if (!file_name.starts_with(prefix)) return std::nullopt;
    const std::string_view rest = file_name.substr(prefix.size());
    return parse_process_identity(rest.substr(0, rest.rfind('-')));
}

bool may_be_alive(const process_identity& p) {
    if (p.host != this_process().host) return true;
    return start_ticks(p.pid) == p.start;
}

}  // namespace lolpop::detail
