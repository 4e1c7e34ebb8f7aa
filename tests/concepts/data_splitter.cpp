// lolpop::data_splitter: a splitter without split_data, and one whose split_data returns a frame.
#include <lolpop/concepts/data_splitter.hpp>

#include "archetype.hpp"

#include <string>

namespace {

template <bool Split>
struct splitter : archetype::component_base {
    using component_base::component_base;
    lolpop::data_split split_data(const lolpop::frame&, const std::string&)
        requires Split;
};
static_assert(lolpop::data_splitter<splitter<true>>);
static_assert(!lolpop::has_split_data<splitter<false>> && !lolpop::data_splitter<splitter<false>>);

struct returns_frame : archetype::component_base {
    using component_base::component_base;
    lolpop::frame split_data(const lolpop::frame&, const std::string&);
};
static_assert(!lolpop::has_split_data<returns_frame> && !lolpop::data_splitter<returns_frame>);

// The right member on a type that is no component (no config, name or constructor).
struct bare {
    lolpop::data_split split_data(const lolpop::frame&, const std::string&);
};
static_assert(lolpop::has_split_data<bare> && !lolpop::data_splitter<bare>);

}  // namespace
