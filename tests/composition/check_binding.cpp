// lolpop::models_role and lolpop::fits_role: which type may fill which role.
#include <lolpop/composition/check_binding.hpp>
#include <lolpop/composition/bind.hpp>

#include "../concepts/archetype.hpp"

#include <string>
#include <string_view>
#include <type_traits>

namespace {

struct splitter : archetype::component_base {
    using component_base::component_base;
    lolpop::data_split split_data(const lolpop::frame&, const std::string&);
};

struct logger : archetype::component_base {
    using component_base::component_base;
    void log(lolpop::log_level, std::string_view);
    void notify(lolpop::log_level, std::string_view);
};

struct not_a_component {};

namespace role = lolpop::role;

static_assert(lolpop::models_role<role::data_splitter, splitter>);
static_assert(!lolpop::models_role<role::model_trainer, splitter>);
static_assert(!lolpop::models_role<role::data_connector, splitter>);
// One type may fill several roles.
static_assert(lolpop::models_role<role::logger, logger> && lolpop::models_role<role::notifier, logger>);
// model_explainer is checked as a component here; its trainer is checked where both are composed.
static_assert(lolpop::models_role<role::model_explainer, splitter>);
static_assert(!lolpop::models_role<role::model_explainer, not_a_component>);
// Pipeline roles are checked by the runner's pipelines, not by the role.
static_assert(lolpop::models_role<role::train, not_a_component>);

// A composition point's view: a required role left unbound is reported on its own, so it fits.
static_assert(lolpop::fits_role<role::model_trainer, lolpop::unbound>);
static_assert(!lolpop::fits_role<role::model_trainer, splitter>);
static_assert(lolpop::fits_role<role::data_splitter, splitter>);

// A binding that fits names the same type however it is spelled.
static_assert(std::is_same_v<lolpop::bind<role::data_splitter, splitter>::type, splitter>);
static_assert(std::is_same_v<lolpop::bind<role::data_splitter, splitter>, lolpop::bind<role::data_splitter, splitter, void>>);

}  // namespace
