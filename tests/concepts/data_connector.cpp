// lolpop::data_connector: one hand-made connector per requirement, each lacking only that one.
#include <lolpop/concepts/data_connector.hpp>

#include "archetype.hpp"

#include <string>

namespace {

template <bool Get, bool Save>
struct connector : archetype::component_base {
    using component_base::component_base;
    lolpop::frame get_data(const std::string&)
        requires Get;
    void save_data(const lolpop::frame&, const std::string&)
        requires Save;
};
static_assert(lolpop::data_connector<connector<true, true>>);
static_assert(!lolpop::has_get_data<connector<false, true>> && !lolpop::data_connector<connector<false, true>>);
static_assert(!lolpop::has_save_data<connector<true, false>> && !lolpop::data_connector<connector<true, false>>);

// get_data handing back the file's text rather than a frame.
struct reads_text : connector<false, true> {
    using connector::connector;
    std::string get_data(const std::string&);
};
static_assert(!lolpop::has_get_data<reads_text> && !lolpop::data_connector<reads_text>);

}  // namespace
