#include "detail/run_leases.hpp"
#include "detail/process_identity.hpp"

#include <lolpop/core/error.hpp>
#include "detail/utc_timestamp.hpp"

#include <lolpop/data/atomic_file.hpp>

#include <fstream>
#include <map>
#include <sstream>

namespace lolpop::detail {

namespace fs = std::filesystem;

namespace {

// "key = value" lines; values never hold a line break (ids, names, timestamps).
std::map<std::string, std::string> read_lease(const fs::path& file) {
    std::map<std::string, std::string> fields;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (const auto eq = line.find(" = "); eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 3);
    return fields;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

}  // namespace

void run_leases::take(const run& r) {
    std::ostringstream lease;
    lease << "process = " << to_string(this_process()) << "\nprofile = " << one_line(r.profile)
          << "\nbuild_id = " << one_line(r.build_id) << "\nstep = " << one_line(r.step) << "\nstarted_at = " << r.started_at
          << "\n";
    // Not flushed to disk: a lease lost in a crash of the machine belongs to a process that is
    // gone anyway, and its run stored nothing.
    auto created = create_directories_noted(folder_, folder_.string());
    created_.insert(created_.end(), created.begin(), created.end());
    const fs::path file = folder_ / r.id;
    std::ofstream out(file);
    out << lease.str();
    if (!out) {
        give_back(r.id);
        throw error("cannot write the run's lease", file.string());
    }
}

void run_leases::give_back(const std::string& run_id) noexcept {
    std::error_code ec;
    fs::remove(folder_ / run_id, ec);
    remove_created_directories(created_);
    created_.clear();
}

std::vector<run> run_leases::abandoned() const {
    std::vector<run> out;
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
        const auto fields = read_lease(it->path());
        const auto at = [&](const char* key) {
            const auto found = fields.find(key);
            return found == fields.end() ? std::string() : found->second;
        };
        const auto owner = parse_process_identity(at("process"));
        if (!owner || may_be_alive(*owner)) continue;
        out.push_back(run{it->path().filename().string(), at("profile"), at("build_id"), at("step"), run_status::abandoned,
                          at("started_at"), utc_timestamp()});
    }
    return out;
}

}  // namespace lolpop::detail
