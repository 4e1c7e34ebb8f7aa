// lolpop::stand_in: what a composition uses for a required role whose binding does not fit.
#include <lolpop/composition/stand_in.hpp>
#include <lolpop/composition/bind.hpp>
#include <lolpop/composition/check_binding.hpp>

#include <type_traits>

namespace {

namespace role = lolpop::role;

// It fills every required component role of the built-in runners and pipelines.
static_assert(lolpop::models_role<role::data_connector, lolpop::stand_in>);
static_assert(lolpop::models_role<role::data_splitter, lolpop::stand_in>);
static_assert(lolpop::models_role<role::model_trainer, lolpop::stand_in>);
static_assert(lolpop::models_role<role::metadata_tracker, lolpop::stand_in>);
static_assert(lolpop::models_role<role::resource_version_control, lolpop::stand_in>);
static_assert(lolpop::models_role<role::model_repository, lolpop::stand_in>);
static_assert(lolpop::models_role<role::model_deployer, lolpop::stand_in>);

struct not_a_trainer {};

// A composition point keeps a type that fits and puts the stand-in in place of one that does not.
static_assert(std::is_same_v<lolpop::fitting_t<role::model_trainer, lolpop::stand_in, int>, lolpop::stand_in>);
static_assert(std::is_same_v<lolpop::fitting_t<role::model_trainer, not_a_trainer, lolpop::stand_in>, lolpop::stand_in>);
// lolpop::unbound is reported by the composition point as a missing role, not replaced.
static_assert(std::is_same_v<lolpop::fitting_t<role::model_trainer, lolpop::unbound, lolpop::stand_in>, lolpop::unbound>);

}  // namespace
