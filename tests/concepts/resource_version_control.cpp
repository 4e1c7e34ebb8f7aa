// lolpop::resource_version_control: one hand-made store per requirement, each lacking only that one;
// the streaming capability, and a writer whose commit gives no artifact.
#include <lolpop/concepts/resource_version_control.hpp>

#include "archetype.hpp"

#include <string>
#include <string_view>

namespace {

template <bool Data, bool Models>
struct store : archetype::component_base {
    using component_base::component_base;
    lolpop::artifact version_data(const lolpop::frame&)
        requires Data;
    lolpop::frame get_data(const std::string&)
        requires Data;
    lolpop::artifact version_model(std::string_view)
        requires Models;
    std::string get_model(const std::string&)
        requires Models;
};
static_assert(lolpop::resource_version_control<store<true, true>>);
static_assert(!lolpop::versions_data<store<false, true>> && !lolpop::resource_version_control<store<false, true>>);
static_assert(!lolpop::versions_models<store<true, false>> && !lolpop::resource_version_control<store<true, false>>);

template <bool Artifact>
struct version_writer {
    void append(const lolpop::frame&);
    lolpop::artifact commit()
        requires Artifact;
    void commit()
        requires(!Artifact);
};
template <bool Artifact>
struct streaming_store : store<true, true> {
    using store::store;
    version_writer<Artifact> begin_data_version();
};
static_assert(lolpop::data_version_writer<version_writer<true>> && lolpop::streams_data_versions<streaming_store<true>>);
static_assert(!lolpop::data_version_writer<version_writer<false>> && !lolpop::streams_data_versions<streaming_store<false>>);
static_assert(!lolpop::streams_data_versions<store<true, true>>);

}  // namespace
