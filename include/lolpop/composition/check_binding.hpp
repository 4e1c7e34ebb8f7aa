#pragma once
// lolpop::models_role<Role, T> and lolpop::check_binding<Role, T>: the concept a type bound to Role
// must model.
//
// Requirements
//   models_role<Role, T>      true when T may fill Role: T models Role's concept (lolpop::<role>).
//   check_binding<Role, T>    instantiating it static_asserts models_role with the role's concept
//                             as the condition, so that the compiler names the missing or mistyped
//                             member; ::type is void either way.
// Semantics
//   lolpop::bind<Role, T> instantiates check_binding<Role, T> where the binding is written, which
//   for a profile is the profile's own line (through #line): the error's "required from here" is
//   that line. A class template is instantiated once per translation unit, so a wrong binding is
//   reported once, however often the type is used afterwards, and the composition goes on
//   compiling without a cascade of follow-up errors.
//   model_explainer is checked here only as a component: whether it explains a trainer's models
//   depends on the trainer, and offline_train checks that. Pipeline roles (process, train, deploy,
//   predict) are checked by nothing here; lolpop::unbound (a required role nobody filled) neither:
//   the composition point reports it.
// Example
//   static_assert(lolpop::models_role<lolpop::role::data_splitter, lolpop::random_splitter>);
//   static_assert(!lolpop::models_role<lolpop::role::model_trainer, lolpop::random_splitter>);
#include <lolpop/concepts/component.hpp>
#include <lolpop/concepts/data_checker.hpp>
#include <lolpop/concepts/data_connector.hpp>
#include <lolpop/concepts/data_profiler.hpp>
#include <lolpop/concepts/data_splitter.hpp>
#include <lolpop/concepts/data_transformer.hpp>
#include <lolpop/concepts/feature_transformer.hpp>
#include <lolpop/concepts/hyperparameter_tuner.hpp>
#include <lolpop/concepts/logger.hpp>
#include <lolpop/concepts/metadata_tracker.hpp>
#include <lolpop/concepts/metrics_tracker.hpp>
#include <lolpop/concepts/model_bias_checker.hpp>
#include <lolpop/concepts/model_checker.hpp>
#include <lolpop/concepts/model_deployer.hpp>
#include <lolpop/concepts/model_repository.hpp>
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/concepts/model_visualizer.hpp>
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/concepts/resource_version_control.hpp>
#include <lolpop/composition/role.hpp>

namespace lolpop {

template <class Role, class T>
inline constexpr bool models_role_v = true;

#define LOLPOP_MODELS_ROLE(tag, concept_name) \
    template <class T>                       \
    inline constexpr bool models_role_v<role::tag, T> = concept_name<T>

LOLPOP_MODELS_ROLE(data_connector, data_connector);
LOLPOP_MODELS_ROLE(data_transformer, data_transformer);
LOLPOP_MODELS_ROLE(feature_transformer, feature_transformer);
LOLPOP_MODELS_ROLE(data_splitter, data_splitter);
LOLPOP_MODELS_ROLE(model_trainer, model_trainer);
LOLPOP_MODELS_ROLE(hyperparameter_tuner, hyperparameter_tuner);
LOLPOP_MODELS_ROLE(metadata_tracker, metadata_tracker);
LOLPOP_MODELS_ROLE(metrics_tracker, metrics_tracker);
LOLPOP_MODELS_ROLE(resource_version_control, resource_version_control);
LOLPOP_MODELS_ROLE(model_repository, model_repository);
LOLPOP_MODELS_ROLE(model_deployer, model_deployer);
LOLPOP_MODELS_ROLE(data_profiler, data_profiler);
LOLPOP_MODELS_ROLE(data_checker, data_checker);
LOLPOP_MODELS_ROLE(model_checker, model_checker);
LOLPOP_MODELS_ROLE(model_explainer, component);
LOLPOP_MODELS_ROLE(model_bias_checker, model_bias_checker);
LOLPOP_MODELS_ROLE(model_visualizer, model_visualizer);
LOLPOP_MODELS_ROLE(logger, logger);
LOLPOP_MODELS_ROLE(notifier, notifier);

#undef LOLPOP_MODELS_ROLE

template <class Role, class T>
concept models_role = models_role_v<Role, T>;

// Written out role by role (no macro): the failed static_assert is the line the compiler shows.
template <class Role, class T>
struct check_binding {
    using type = void;
};

template <class T>
struct check_binding<role::data_connector, T> {
    static_assert(data_connector<T>, "role data_connector: the bound type does not model lolpop::data_connector");
    using type = void;
};
template <class T>
struct check_binding<role::data_transformer, T> {
    static_assert(data_transformer<T>, "role data_transformer: the bound type does not model lolpop::data_transformer");
    using type = void;
};
template <class T>
struct check_binding<role::feature_transformer, T> {
    static_assert(feature_transformer<T>, "role feature_transformer: the bound type does not model lolpop::feature_transformer");
    using type = void;
};
template <class T>
struct check_binding<role::data_splitter, T> {
    static_assert(data_splitter<T>, "role data_splitter: the bound type does not model lolpop::data_splitter");
    using type = void;
};
template <class T>
struct check_binding<role::model_trainer, T> {
    static_assert(model_trainer<T>, "role model_trainer: the bound type does not model lolpop::model_trainer");
    using type = void;
};
template <class T>
struct check_binding<role::hyperparameter_tuner, T> {
    static_assert(hyperparameter_tuner<T>, "role hyperparameter_tuner: the bound type does not model lolpop::hyperparameter_tuner");
    using type = void;
};
template <class T>
struct check_binding<role::metadata_tracker, T> {
    static_assert(metadata_tracker<T>, "role metadata_tracker: the bound type does not model lolpop::metadata_tracker");
    using type = void;
};
template <class T>
struct check_binding<role::metrics_tracker, T> {
    static_assert(metrics_tracker<T>, "role metrics_tracker: the bound type does not model lolpop::metrics_tracker");
    using type = void;
};
template <class T>
struct check_binding<role::resource_version_control, T> {
    static_assert(resource_version_control<T>, "role resource_version_control: the bound type does not model lolpop::resource_version_control");
    using type = void;
};
template <class T>
struct check_binding<role::model_repository, T> {
    static_assert(model_repository<T>, "role model_repository: the bound type does not model lolpop::model_repository");
    using type = void;
};
template <class T>
struct check_binding<role::model_deployer, T> {
    static_assert(model_deployer<T>, "role model_deployer: the bound type does not model lolpop::model_deployer");
    using type = void;
};
template <class T>
struct check_binding<role::data_profiler, T> {
    static_assert(data_profiler<T>, "role data_profiler: the bound type does not model lolpop::data_profiler");
    using type = void;
};
template <class T>
struct check_binding<role::data_checker, T> {
    static_assert(data_checker<T>, "role data_checker: the bound type does not model lolpop::data_checker");
    using type = void;
};
template <class T>
struct check_binding<role::model_checker, T> {
    static_assert(model_checker<T>, "role model_checker: the bound type does not model lolpop::model_checker");
    using type = void;
};
template <class T>
struct check_binding<role::model_explainer, T> {
    static_assert(component<T>, "role model_explainer: the bound type is not a lolpop::component");
    using type = void;
};
template <class T>
struct check_binding<role::model_bias_checker, T> {
    static_assert(model_bias_checker<T>, "role model_bias_checker: the bound type does not model lolpop::model_bias_checker");
    using type = void;
};
template <class T>
struct check_binding<role::model_visualizer, T> {
    static_assert(model_visualizer<T>, "role model_visualizer: the bound type does not model lolpop::model_visualizer");
    using type = void;
};
template <class T>
struct check_binding<role::logger, T> {
    static_assert(logger<T>, "role logger: the bound type does not model lolpop::logger");
    using type = void;
};
template <class T>
struct check_binding<role::notifier, T> {
    static_assert(notifier<T>, "role notifier: the bound type does not model lolpop::notifier");
    using type = void;
};

}  // namespace lolpop
