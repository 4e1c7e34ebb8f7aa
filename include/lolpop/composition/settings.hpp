#pragma once
// The settings tree of a composed workflow: a component's settings are its `config`; a pipeline's
// or runner's are its own `config` plus the settings of every role it binds, in binding order.
#include <lolpop/composition/bind.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>

namespace lolpop {

template <class T>
struct settings_for {
    using type = typename T::config;
};
template <class T>
    requires requires { typename T::settings; }
struct settings_for<T> {
    using type = typename T::settings;
};
template <class T>
using settings_t = typename settings_for<T>::type;

template <class Config, class... Binds>
struct composite_settings {
    using config_type = Config;
    Config config{};
    std::tuple<settings_t<typename Binds::type>...> parts{};

    template <class Role>
    static constexpr std::size_t index_of() {
        constexpr bool hits[] = {std::is_same_v<typename Binds::role, Role>...};
        for (std::size_t i = 0; i < sizeof...(Binds); ++i)
            if (hits[i]) return i;
        return sizeof...(Binds);
    }
};

// The settings of the part filling Role: part<role::train>(runner_settings).
template <class Role, class Config, class... Binds>
constexpr auto& part(composite_settings<Config, Binds...>& s) {
    constexpr std::size_t i = composite_settings<Config, Binds...>::template index_of<Role>();
    static_assert(i < sizeof...(Binds), "lolpop::part: this pipeline or runner has no such role");
    return std::get<i>(s.parts);
}
template <class Role, class Config, class... Binds>
constexpr const auto& part(const composite_settings<Config, Binds...>& s) {
    constexpr std::size_t i = composite_settings<Config, Binds...>::template index_of<Role>();
    static_assert(i < sizeof...(Binds), "lolpop::part: this pipeline or runner has no such role");
    return std::get<i>(s.parts);
}

}  // namespace lolpop
