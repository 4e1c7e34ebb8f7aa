#include "check_headers.hpp"

#include <lolpop/configuration/did_you_mean.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <system_error>

namespace fs = std::filesystem;

namespace lolpop::gen {

namespace {

bool is_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// The files next to where `header` would be, as they would be included: "user/pager.hpp" for a
// misspelled "user/pagr.hpp", and "user/pager.hpp" for "usr/pager.hpp" (a misspelled directory).
std::vector<std::string> neighbours(const fs::path& header, const std::vector<fs::path>& include_dirs) {
    std::vector<std::string> out;
    auto add = [&](const fs::path& relative) {
        std::string name = relative.generic_string();
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    };
    const fs::path dir = header.parent_path();
    for (const fs::path& include : include_dirs) {
        std::error_code ec;
        for (const auto& file : fs::directory_iterator(include / dir, ec))
            if (is_file(file.path())) add(dir / file.path().filename());
        for (const auto& sibling : fs::directory_iterator(include / dir.parent_path(), ec))
            if (sibling.is_directory(ec) && is_file(sibling.path() / header.filename()))
                add(dir.parent_path() / sibling.path().filename() / header.filename());
    }
    return out;
}

class header_checker {
public:
    header_checker(const std::vector<fs::path>& include_dirs, diagnostics& diags) : include_dirs_(include_dirs), diags_(diags) {}

    void check(std::string_view kind, const registry_entry& e) {
        if (first_use(&e)) check(kind, e.name, e.header, e.header_where);
    }

    void check(std::string_view kind, std::string_view name, const std::string& header, const location& where) {
        const fs::path path = fs::path(header).lexically_normal();
        if (std::any_of(include_dirs_.begin(), include_dirs_.end(), [&](const fs::path& d) { return is_file(d / path); })) return;
        std::vector<std::string> searched;
        for (const auto& d : include_dirs_) searched.push_back(d.string());
        diags_.error(where, fmt::format("header '{}' of {} '{}' is not found on the include path (searched: {}){}", header, kind,
                                        name, fmt::join(searched, ", "), did_you_mean(header, neighbours(path, include_dirs_))));
    }

    void check_components(const std::vector<component_binding>& bindings) {
        for (const auto& b : bindings) {
            if (b.component) {
                check("component", *b.component);
                continue;
            }
            const registry_role& r = *b.chain_role;
            if (first_use(&r)) check("chain of role", r.name, r.chain_header, r.where);
            for (const chain_step& step : b.chain) check("component", *step.component);
        }
    }

private:
    // An entry used twice (a connector of process and predict) is reported once.
    bool first_use(const void* entry) {
        if (std::find(checked_.begin(), checked_.end(), entry) != checked_.end()) return false;
        checked_.push_back(entry);
        return true;
    }

    const std::vector<fs::path>& include_dirs_;
    diagnostics& diags_;
    std::vector<const void*> checked_;
};

}  // namespace

void check_headers(const workflow& wf, const std::vector<fs::path>& include_dirs, diagnostics& diags) {
    header_checker checker(include_dirs, diags);
    checker.check("runner", *wf.runner);
    checker.check_components(wf.components);
    for (const auto& p : wf.pipelines) {
        checker.check("pipeline", *p.pipeline);
        checker.check_components(p.components);
    }
}

}  // namespace lolpop::gen
