#pragma once
// Walks a workflow's settings tree by the dotted paths of the profile: "config.train_data",
// "metadata_tracker.path", "train.config.perf_metric", "train.model_trainer.max_depth". This is how
// --set overrides reach typed config members and how --describe prints the composed workflow.
#include <lolpop/concepts/component.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/composition/settings.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop {

template <class S>
struct is_composite_settings : std::false_type {};
template <class C, class... B>
struct is_composite_settings<composite_settings<C, B...>> : std::true_type {};

namespace detail {

inline std::string join_path(std::string_view prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

}  // namespace detail

// Sets the member at `path` (split at dots) below `s`; `prefix` is the path of `s` for errors.
template <class Config>
void set_by_path(Config& config, std::span<const std::string> path, const setting_value& value, const std::string& prefix) {
    if constexpr (reflected_config<Config>) {
        // "max_depth.deeper": the setting exists, a path below it does not.
        if (path.size() > 1) {
            const auto names = setting_names<Config>();
            for (std::string_view name : names)
                if (name == path.front())
                    throw error("'" + detail::join_path(prefix, path.front()) + "' is a setting and has no sub-settings",
                                "--set " + detail::join_path(detail::join_path(prefix, path.front()), path[1]));
        }
    }
    if (path.size() != 1)
        throw error("'" + detail::join_path(prefix, path.empty() ? "" : path.front()) + "' names a component, not a setting",
                    "--set");
    // A config without reflection cannot be reached at run time: binding its component was a
    // compile error already (lolpop::bind), which should not be followed by more about it here.
    if constexpr (reflected_config<Config>) set_setting(config, path.front(), value, prefix);
}

template <class C, class... B>
void set_by_path(composite_settings<C, B...>& s, std::span<const std::string> path, const setting_value& value,
                 const std::string& prefix) {
    if (path.size() < 2) throw error("'" + detail::join_path(prefix, path.empty() ? "" : path.front()) + "' is not a setting", "--set");
    const std::string& head = path.front();
    if (head == "config") return set_by_path(s.config, path.subspan(1), value, detail::join_path(prefix, "config"));
    bool found = false;
    auto visit = [&](auto& part, std::string_view role) {
        if (!found && head == role) {
            found = true;
            set_by_path(part, path.subspan(1), value, detail::join_path(prefix, role));
        }
    };
    std::apply([&](auto&... parts) { (visit(parts, B::role::name), ...); }, s.parts);
    if (!found) {
        std::vector<std::string_view> names{"config", B::role::name...};
        throw error("unknown role '" + head + "'" + did_you_mean(head, names),
                    "--set " + detail::join_path(prefix, head));
    }
}

// One line of --describe: a role path, the type bound there and its effective settings.
struct described_part {
    std::string path;       // "train.model_trainer"; "" for the runner itself
    std::string_view type;  // the component, pipeline or runner name
    std::vector<std::pair<std::string, std::string>> settings;

    // How far below the runner the part sits: 0 for the runner, 1 for "train", 2 for "train.model_trainer".
    // Counted by hand: <algorithm> would add some 5000 lines to every profile binary's main file.
    std::size_t depth() const noexcept {
        std::size_t dots = 0;
        for (char c : path) dots += c == '.';
        return path.empty() ? 0 : dots + 1;
    }
};

template <class T>
void describe_tree(const settings_t<T>& s, const std::string& path, std::vector<described_part>& out);

template <class C, class... B>
void describe_parts(const composite_settings<C, B...>& s, const std::string& path, std::vector<described_part>& out) {
    std::apply([&](const auto&... parts) {
        (describe_tree<typename B::type>(parts, detail::join_path(path, B::role::name), out), ...);
    }, s.parts);
}

// The whole tree below T, depth first, in binding order.
template <class T>
void describe_tree(const settings_t<T>& s, const std::string& path, std::vector<described_part>& out) {
    if constexpr (is_composite_settings<settings_t<T>>::value) {
        out.push_back({path, T::name, describe_settings(s.config)});
        describe_parts(s, path, out);
    } else if constexpr (component<T>) {  // anything else was a compile error where it was bound
        out.push_back({path, T::name, describe_settings(s)});
    }
}

}  // namespace lolpop
