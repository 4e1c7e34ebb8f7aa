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
    auto created = create_directories_noted(folder_, folder_.string());
    created_.insert(created_.end(), created.begin(), created.end());
    // Whole or not at all: a lease cut short by a kill would name no process, and its run could
    // never be found abandoned.
    try {
        write_file_atomically(folder_ / r.id, lease.str());
    } catch (...) {
        give_back(r.id);
        throw;
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
    remove_abandoned_temporaries_under(folder_);
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().starts_with('.')) continue;  // a lease being written
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
