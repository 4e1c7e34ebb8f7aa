#pragma once
// Role tags: the slots of a workflow that a profile fills with components or pipelines.
#include <string_view>

namespace lolpop::role {

#define LOLPOP_ROLE(tag) \
    struct tag {         \
        static constexpr std::string_view name = #tag; \
    }

// Component roles (DESIGN §3).
LOLPOP_ROLE(data_connector);
LOLPOP_ROLE(data_transformer);
LOLPOP_ROLE(feature_transformer);
LOLPOP_ROLE(data_splitter);
LOLPOP_ROLE(model_trainer);
LOLPOP_ROLE(hyperparameter_tuner);
LOLPOP_ROLE(metadata_tracker);
LOLPOP_ROLE(metrics_tracker);
LOLPOP_ROLE(resource_version_control);
LOLPOP_ROLE(model_repository);
LOLPOP_ROLE(model_deployer);
LOLPOP_ROLE(data_profiler);
LOLPOP_ROLE(data_checker);
LOLPOP_ROLE(model_checker);
LOLPOP_ROLE(model_explainer);
LOLPOP_ROLE(model_bias_checker);
LOLPOP_ROLE(model_visualizer);
LOLPOP_ROLE(logger);
LOLPOP_ROLE(notifier);

// Pipeline roles of a runner.
LOLPOP_ROLE(process);
LOLPOP_ROLE(train);
LOLPOP_ROLE(deploy);
LOLPOP_ROLE(predict);

#undef LOLPOP_ROLE

}  // namespace lolpop::role
