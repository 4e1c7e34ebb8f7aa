// lolpop::bind, lolpop::bound_t and lolpop::bound_count: how a pipeline finds what fills a role.
#include <lolpop/composition/bind.hpp>

#include "../concepts/archetype.hpp"

#include <type_traits>

namespace {

struct splitter : archetype::component_base {
    using component_base::component_base;
    lolpop::data_split split_data(const lolpop::frame&, const std::string&);
};
struct other_splitter : splitter {
    using splitter::splitter;
};
struct fallback {};

namespace role = lolpop::role;
using lolpop::bind;

static_assert(std::is_same_v<bind<role::data_splitter, splitter>::role, role::data_splitter>);
static_assert(std::is_same_v<bind<role::data_splitter, splitter>::type, splitter>);
// A required role may be left unbound: the composition point reports it, not bind.
static_assert(std::is_same_v<bind<role::model_trainer, lolpop::unbound>::type, lolpop::unbound>);

// The first binding of a role wins; a role nobody binds gets the default.
static_assert(std::is_same_v<lolpop::bound_t<role::data_splitter, fallback, bind<role::data_splitter, splitter>>, splitter>);
static_assert(std::is_same_v<lolpop::bound_t<role::data_splitter, fallback, bind<role::process, fallback>,
                                             bind<role::data_splitter, other_splitter>, bind<role::data_splitter, splitter>>,
                             other_splitter>);
static_assert(std::is_same_v<lolpop::bound_t<role::model_trainer, fallback, bind<role::data_splitter, splitter>>, fallback>);
static_assert(std::is_same_v<lolpop::bound_t<role::model_trainer, fallback>, fallback>);

static_assert(lolpop::bound_count<role::data_splitter> == 0);
static_assert(lolpop::bound_count<role::data_splitter, bind<role::process, fallback>> == 0);
static_assert(lolpop::bound_count<role::data_splitter, bind<role::data_splitter, splitter>, bind<role::process, fallback>,
                                  bind<role::data_splitter, other_splitter>> == 2);

}  // namespace
