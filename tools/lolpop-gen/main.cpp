// lolpop-gen --profile P.toml --registry R.toml [--registry R2.toml ...] --output OUT.hpp
//            [--include-dir DIR ...] [--depfile OUT.d] [--stamp OUT.stamp]
// lolpop-gen --registry R.toml (--write-roles | --check-roles) INCLUDE_DIR
#include "check_headers.hpp"
#include "diagnostics.hpp"
#include "emit_header.hpp"
#include "profile_loader.hpp"
#include "registry.hpp"
#include "validate.hpp"
#include "write_roles.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/data/sha256.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr std::string_view version = LOLPOP_GEN_VERSION;

constexpr std::string_view usage = R"(usage: lolpop-gen --profile P.toml --registry R.toml [--registry R2.toml ...] --output OUT.hpp
                  [--include-dir DIR ...] [--depfile OUT.d] [--stamp OUT.stamp]

Turns a lolpop profile into the header that composes its workflow. The first registry is the
built-in one; later ones add user components. OUT.hpp is written only when its content changes.
--include-dir gives the include path the header is compiled with: the header of every registry
entry the profile uses must be found there (without it, headers are not looked up).
--depfile writes a Makefile-style list of the files read (for the build system), naming the
--stamp file (touched on every success) or else OUT.hpp as its target.

       lolpop-gen --registry R.toml (--write-roles | --check-roles) INCLUDE_DIR

Writes (or checks, exiting 1 when any differs) the headers the registry's [roles] table and its
runners' and pipelines' roles decide: the role tags, the binding checks and each runner's and
pipeline's parts, under INCLUDE_DIR.
)";

struct options {
    fs::path profile;
    std::vector<fs::path> registries;
    std::vector<fs::path> include_dirs;
    fs::path output;
    std::optional<fs::path> depfile;
    std::optional<fs::path> stamp;
    std::optional<fs::path> roles_dir;  // --write-roles or --check-roles
    bool check_roles = false;
};

struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Returns nullopt when --help or --version was answered.
std::optional<options> parse_arguments(int argc, char** argv) {
    options opts;
    static const std::vector<std::string> flags = {"--profile", "--registry",    "--include-dir", "--output",
                                                   "--depfile", "--stamp",       "--write-roles", "--check-roles",
                                                   "--help",    "--version"};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help") {
            std::cout << usage;
            return std::nullopt;
        }
        if (arg == "--version") {
            std::cout << "lolpop-gen " << version << '\n';
            return std::nullopt;
        }
        if (std::find(flags.begin(), flags.end(), arg) == flags.end())
            throw usage_error(fmt::format("unknown argument '{}'{}", arg, lolpop::did_you_mean(arg, flags)));
        if (i + 1 == argc) throw usage_error(fmt::format("{} needs a value", arg));
        const fs::path value = argv[++i];
        if (arg == "--profile") opts.profile = value;
        else if (arg == "--registry") opts.registries.push_back(value);
        else if (arg == "--include-dir") {
            // A build system repeats directories (each linked target adds its own): each is searched once.
            if (std::find(opts.include_dirs.begin(), opts.include_dirs.end(), value) == opts.include_dirs.end())
                opts.include_dirs.push_back(value);
        }
        else if (arg == "--output") opts.output = value;
        else if (arg == "--depfile") opts.depfile = value;
        else if (arg == "--stamp") opts.stamp = value;
        else {
            opts.roles_dir = value;
            opts.check_roles = arg == "--check-roles";
        }
    }
    if (opts.registries.empty()) throw usage_error("at least one --registry is required");
    if (opts.roles_dir) return opts;
    if (opts.profile.empty()) throw usage_error("--profile is required");
    if (opts.output.empty()) throw usage_error("--output is required");
    return opts;
}

// Unchanged output keeps its timestamp, so that nothing that includes it is rebuilt.
void write_if_changed(const fs::path& path, const std::string& content) {
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream existing;
        if (in && (existing << in.rdbuf()) && existing.str() == content) return;
    }
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    fs::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out.flush()) throw std::runtime_error(fmt::format("cannot write '{}'", temporary.string()));
    }
    fs::rename(temporary, path);
}

std::string depfile_path(const fs::path& path) {
    std::string out;
    for (char c : fs::absolute(path).lexically_normal().string()) {
        if (c == ' ' || c == '#' || c == '\\') out += '\\';
        if (c == '$') out += '$';
        out += c;
    }
    return out;
}

std::string depfile_text(const fs::path& target, const std::vector<fs::path>& inputs) {
    std::string out = depfile_path(target) + ":";
    for (const auto& input : inputs) out += " \\\n  " + depfile_path(input);
    return out + "\n";
}

void print(const std::vector<std::string>& messages) {
    for (const auto& m : messages) std::cerr << m << '\n';
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int write_roles(const lolpop::gen::registry& reg, const options& opts) {
    std::string source;
    for (const auto& r : opts.registries) source += (source.empty() ? "" : ", ") + r.filename().string();
    int stale = 0;
    for (const auto& f : lolpop::gen::role_files(reg, source, *opts.roles_dir)) {
        const fs::path path = *opts.roles_dir / f.path;
        if (!opts.check_roles) {
            write_if_changed(path, f.text);
        } else if (file_text(path) != f.text) {
            std::cerr << "lolpop-gen: error: " << path.string() << " is not what " << source
                      << " gives; regenerate it with lolpop-gen --write-roles\n";
            ++stale;
        }
    }
    return stale == 0 ? 0 : 1;
}

int run(const options& opts) {
    using namespace lolpop::gen;
    diagnostics diags;
    const registry reg = load_registries(opts.registries, diags);
    if (diags.failed()) {
        print(diags.report());
        return 1;
    }
    if (opts.roles_dir) return write_roles(reg, opts);
    const loaded_profile profile = load_profile(opts.profile);
    const location file_start{std::make_shared<const std::string>(opts.profile.string()), 1, 1};
    const auto wf = validate(profile.root, file_start, reg, diags);
    if (wf && !opts.include_dirs.empty()) check_headers(*wf, opts.include_dirs, diags);
    if (!wf || diags.failed()) {
        print(diags.report());
        return 1;
    }

    header_identity id;
    id.name = opts.profile.stem().string();
    id.source = opts.profile.string();
    id.text = to_toml_text(profile.root);
    id.build_id = lolpop::sha256_hex(id.text + "\n" + std::string(version));
    id.header_path = fs::absolute(opts.output).lexically_normal().string();
    write_if_changed(opts.output, emit_header(*wf, reg, id));

    if (opts.depfile) {
        std::vector<fs::path> inputs = profile.files;
        inputs.insert(inputs.end(), opts.registries.begin(), opts.registries.end());
        write_if_changed(*opts.depfile, depfile_text(opts.stamp ? *opts.stamp : opts.output, inputs));
    }
    if (opts.stamp) {
        std::ofstream touch(*opts.stamp, std::ios::trunc);
        if (!touch) throw std::runtime_error(fmt::format("cannot write '{}'", opts.stamp->string()));
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto opts = parse_arguments(argc, argv);
        return opts ? run(*opts) : 0;
    } catch (const usage_error& e) {
        std::cerr << "lolpop-gen: error: " << e.what() << "\n\n" << usage;
    } catch (const lolpop::gen::fatal_error& e) {
        std::cerr << e.what() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "lolpop-gen: error: " << e.what() << '\n';
    }
    return 1;
}
