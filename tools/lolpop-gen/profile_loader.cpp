#include "profile_loader.hpp"

#include <lolpop/configuration/did_you_mean.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace lolpop::gen {

std::string read_file(const std::filesystem::path& path, const location& from, std::string_view what) {
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path)) throw fatal_error(from, fmt::format("cannot read {} '{}'", what, path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

namespace {

void merge_into(node& base, node&& over) {
    if (!base.is_table() || !over.is_table()) {
        base = std::move(over);
        return;
    }
    for (auto& m : over.members) {
        if (member* existing = base.find(m.key)) {
            existing->key_where = m.key_where;
            merge_into(existing->value, std::move(m.value));
        } else {
            base.members.push_back(std::move(m));
        }
    }
    base.where = over.where;
    base.inline_table = over.inline_table;
}

void erase_member(node& table, std::string_view key) {
    std::erase_if(table.members, [&](const member& m) { return m.key == key; });
}

// The settings of a role whose component `over` binds anew belonged to the component `base` bound:
// the new one starts from its own defaults (and from what `over` sets), so that switching, say,
// sqlite_metadata_tracker for postgres_metadata_tracker does not hand it `path`. Bindings are
// [components] (settings in [<role>]) and [<pipeline>.components] (settings in [<pipeline>.<role>]).
void drop_settings_of_rebound_roles(node& base, const node& over) {
    auto drop = [](node& base_scope, const node& over_scope) {
        const member* base_bindings = base_scope.find("components");
        const member* over_bindings = over_scope.find("components");
        if (!base_bindings || !over_bindings || !base_bindings->value.is_table() || !over_bindings->value.is_table()) return;
        for (const member& binding : over_bindings->value.members) {
            const member* before = base_bindings->value.find(binding.key);
            if (!before || !before->value.is_string() || !binding.value.is_string() || before->value.string == binding.value.string)
                continue;
            erase_member(base_scope, binding.key);
        }
    };
    if (!base.is_table() || !over.is_table()) return;
    drop(base, over);
    for (const member& scope : over.members)
        if (member* base_scope = base.find(scope.key); base_scope && base_scope->value.is_table() && scope.value.is_table())
            drop(base_scope->value, scope.value);
}

std::string chain_text(const std::vector<std::filesystem::path>& chain, const std::filesystem::path& last) {
    std::string out;
    for (const auto& p : chain) out += p.string() + " -> ";
    return out + last.string();
}

node load_chain(const std::filesystem::path& path, const location& from, std::vector<std::filesystem::path>& chain,
                std::vector<std::filesystem::path>& files) {
    node root = parse_document(read_file(path, from, from.file ? "extended profile" : "profile"), path.string());
    files.push_back(path);

    auto it = std::find_if(root.members.begin(), root.members.end(), [](const member& m) { return m.key == "profile"; });
    if (it == root.members.end()) return root;
    node profile = std::move(it->value);
    location profile_where = it->key_where;
    root.members.erase(it);
    if (!profile.is_table())
        throw fatal_error(profile_where, fmt::format("'profile' must be a table, got {}", type_name(profile.type)));
    for (const auto& m : profile.members)
        if (m.key != "extends") {
            static const std::string known[] = {"extends"};
            throw fatal_error(m.key_where, fmt::format("unknown key '{}' in [profile]{}", m.key, did_you_mean(m.key, known)));
        }
    const member* extends_key = profile.find("extends");
    if (!extends_key) return root;
    const node* extends = &extends_key->value;
    if (!extends->is_string())
        throw fatal_error(extends->where, fmt::format("'extends' must be a string (a path relative to this file), got {}",
                                                      type_name(extends->type)));

    std::filesystem::path base_path = (path.parent_path() / extends->string).lexically_normal();
    chain.push_back(path);
    auto same_file = [&](const std::filesystem::path& p) {
        return std::filesystem::weakly_canonical(p) == std::filesystem::weakly_canonical(base_path);
    };
    if (std::any_of(chain.begin(), chain.end(), same_file))
        throw fatal_error(extends->where, fmt::format("extends cycle: {}", chain_text(chain, base_path)));
    node base = load_chain(base_path, extends->where, chain, files);
    chain.pop_back();
    drop_settings_of_rebound_roles(base, root);
    merge_into(base, std::move(root));
    return base;
}

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        parts.emplace_back(path.substr(start, dot - start));
        if (dot == std::string_view::npos) return parts;
        start = dot + 1;
    }
}

// The NAME of "$NAME..." when it is written like an environment variable (upper case), or "".
std::string environment_like(std::string_view after_dollar) {
    std::size_t n = 0;
    while (n < after_dollar.size() && (std::isupper(static_cast<unsigned char>(after_dollar[n])) || after_dollar[n] == '_' ||
                                       (n > 0 && std::isdigit(static_cast<unsigned char>(after_dollar[n])))))
        ++n;
    const bool ends = n == after_dollar.size() || !std::isalnum(static_cast<unsigned char>(after_dollar[n]));
    return n > 0 && ends ? std::string(after_dollar.substr(0, n)) : std::string();
}

std::string environment_hint(std::string_view text, std::string_view name) {
    return fmt::format("\"{}\": ${} looks like an environment variable, which a profile reads as ${{env:{}}} (a \"$a.b\" "
                       "reference names a value of the profile)",
                       text, name, name);
}

bool is_reference(const node& n) {
    return n.is_string() && n.string.starts_with('$') && !n.string.starts_with("${");
}

// Replaces "$a.b.c" strings by copies of the (resolved) values they name.
class reference_resolver {
public:
    explicit reference_resolver(node& root) : root_(root) {}

    void resolve(node& n) {
        if (is_reference(n)) return replace(n);
        for (auto& m : n.members) resolve(m.value);
        for (auto& item : n.items) resolve(item);
    }

private:
    struct active {
        const node* at;
        std::string text;
    };

    void replace(node& n) {
        auto cycle_start = std::find_if(active_.begin(), active_.end(), [&](const active& a) { return a.at == &n; });
        if (cycle_start != active_.end()) {
            std::string cycle;
            for (auto it = cycle_start; it != active_.end(); ++it) cycle += "'" + it->text + "' -> ";
            throw fatal_error(n.where, fmt::format("reference cycle: {}'{}'", cycle, n.string));
        }
        active_.push_back({&n, n.string});
        node& target = lookup(n);
        resolve(target);
        node copy = target;
        copy.where = n.where;
        active_.pop_back();
        n = std::move(copy);
    }

    node& lookup(const node& ref) {
        const std::string path = ref.string.substr(1);
        node* at = &root_;
        std::string walked;
        for (const auto& part : split_path(path)) {
            if (is_reference(*at)) resolve(*at);
            if (!at->is_table())
                throw fatal_error(ref.where, fmt::format("reference '{}' points to nothing: '{}' is a {}, not a table",
                                                         ref.string, walked, type_name(at->type)));
            member* m = at->find(part);
            if (!m && walked.empty()) {
                if (std::string name = environment_like(path); !name.empty()) throw fatal_error(ref.where, environment_hint(ref.string, name));
            }
            if (!m) {
                std::string hint = did_you_mean(part, at->keys());
                throw fatal_error(ref.where, walked.empty()
                                                 ? fmt::format("reference '{}' points to nothing: the profile has no '{}'{}",
                                                               ref.string, part, hint)
                                                 : fmt::format("reference '{}' points to nothing: '{}' has no '{}'{}",
                                                               ref.string, walked, part, hint));
            }
            walked += (walked.empty() ? "" : ".") + part;
            at = &m->value;
        }
        return *at;
    }

    node& root_;
    std::vector<active> active_;
};

bool is_env_name(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Catches a malformed ${env:...}, and the shell's ${NAME} and $NAME, now rather than when the
// binary runs in production (where "${NAME}" would be taken literally, as a folder name).
void check_env_references(const node& n) {
    for (const auto& m : n.members) check_env_references(m.value);
    for (const auto& item : n.items) check_env_references(item);
    if (!n.is_string()) return;
    constexpr std::string_view open = "${env:";
    const std::string_view text = n.string;
    for (std::size_t at = text.find('$'); at != std::string_view::npos; at = text.find('$', at + 1)) {
        const std::string_view rest = text.substr(at + 1);
        if (!text.substr(at).starts_with("${")) {
            if (std::string name = environment_like(rest); !name.empty()) throw fatal_error(n.where, environment_hint(text, name));
            continue;
        }
        const std::size_t close = text.find('}', at);
        if (!text.substr(at).starts_with(open)) {
            const std::string_view body = rest.substr(1, close == std::string_view::npos ? std::string_view::npos : close - at - 2);
            const std::string_view name = body.substr(0, body.find(":-"));
            if (is_env_name(name))
                throw fatal_error(n.where, fmt::format("\"{}\": ${{{}}} is not read from the environment; write ${{env:{}}} (or "
                                                       "${{env:{}:-default}})",
                                                       text, body, name, name));
            continue;
        }
        std::string_view body = text.substr(at + open.size(), close == std::string_view::npos ? std::string_view::npos : close - at - open.size());
        std::string_view name = body.substr(0, body.find(":-"));
        if (close == std::string_view::npos || !is_env_name(name))
            throw fatal_error(n.where, fmt::format("malformed environment reference in \"{}\": expected ${{env:NAME}} or "
                                                   "${{env:NAME:-default}}",
                                                   text));
    }
}

}  // namespace

loaded_profile load_profile(const std::filesystem::path& path) {
    loaded_profile out;
    std::vector<std::filesystem::path> chain;
    out.root = load_chain(path, location{}, chain, out.files);
    reference_resolver(out.root).resolve(out.root);
    check_env_references(out.root);
    return out;
}

}  // namespace lolpop::gen
