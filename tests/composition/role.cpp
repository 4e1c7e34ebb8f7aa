// lolpop::role: each tag is its own type and is named as profiles spell the role.
#include <lolpop/composition/role.hpp>

#include <string_view>
#include <type_traits>

namespace {

namespace role = lolpop::role;

static_assert(role::data_connector::name == "data_connector");
static_assert(role::feature_transformer::name == "feature_transformer");
static_assert(role::model_trainer::name == "model_trainer");
static_assert(role::resource_version_control::name == "resource_version_control");
static_assert(role::notifier::name == "notifier");
static_assert(role::process::name == "process");
static_assert(role::predict::name == "predict");
// Roles that one component may fill together are still different slots.
static_assert(!std::is_same_v<role::logger, role::notifier>);
static_assert(!std::is_same_v<role::data_checker, role::model_checker>);

}  // namespace
