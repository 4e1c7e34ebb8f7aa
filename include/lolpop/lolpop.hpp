#pragma once
// Every public header a program using lolpop may need, in one include: the vocabulary,
// composition, configuration, data, analysis, the concepts, every built-in component, the
// pipelines and runners, the reports, the command line and the testing helpers. It is for code
// that uses much of lolpop and would rather not pick; generated profile headers include only the
// headers of what they bind, so that a profile's build compiles its composition and nothing more.
// cli/profile_main.hpp is left out: it is the body of a profile binary's main(), which only that
// binary's one source file includes.

#include <lolpop/core/context.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/evaluation.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/core/frame_views.hpp>
#include <lolpop/core/model_bundle.hpp>
#include <lolpop/core/outcome.hpp>
#include <lolpop/core/prediction.hpp>
#include <lolpop/core/problem.hpp>
#include <lolpop/core/profile_info.hpp>
#include <lolpop/core/progress.hpp>
#include <lolpop/core/report.hpp>
#include <lolpop/core/resources.hpp>
#include <lolpop/core/row_fingerprint.hpp>
#include <lolpop/core/split.hpp>
#include <lolpop/core/verdict.hpp>

#include <lolpop/composition/bind.hpp>
#include <lolpop/composition/check_binding.hpp>
#include <lolpop/composition/registry_component.hpp>
#include <lolpop/composition/role.hpp>
#include <lolpop/composition/settings.hpp>
#include <lolpop/composition/settings_tree.hpp>
#include <lolpop/composition/stand_in.hpp>

#include <lolpop/configuration/config.hpp>
#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/configuration/secret.hpp>
#include <lolpop/configuration/setting_member.hpp>
#include <lolpop/configuration/setting_rules.hpp>
#include <lolpop/configuration/setting_value.hpp>

#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/cpu_dispatch.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/data/csv_chunk_reader.hpp>
#include <lolpop/data/csv_chunk_writer.hpp>
#include <lolpop/data/dense_matrix.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/frame_file_writer.hpp>
#include <lolpop/data/mapped_file.hpp>
#include <lolpop/data/row_layout.hpp>
#include <lolpop/data/row_plan.hpp>
#include <lolpop/data/sha256.hpp>
#include <lolpop/data/staged_files.hpp>
#include <lolpop/data/time_points.hpp>

#include <lolpop/analysis/column_profile.hpp>
#include <lolpop/analysis/drift.hpp>
#include <lolpop/analysis/metrics.hpp>

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
#include <lolpop/concepts/model_explainer.hpp>
#include <lolpop/concepts/model_repository.hpp>
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/concepts/model_visualizer.hpp>
#include <lolpop/concepts/notifier.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/concepts/resource_version_control.hpp>
#include <lolpop/concepts/row_feature_transformer.hpp>

#include <lolpop/components/data_checker/null_data_checker.hpp>
#include <lolpop/components/data_checker/rule_data_checker.hpp>
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/components/data_connector/postgres_data_connector.hpp>
#include <lolpop/components/data_connector/sqlite_data_connector.hpp>
#include <lolpop/components/data_profiler/null_data_profiler.hpp>
#include <lolpop/components/data_profiler/summary_data_profiler.hpp>
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/data_splitter/stratified_splitter.hpp>
#include <lolpop/components/data_splitter/time_ordered_splitter.hpp>
#include <lolpop/components/data_transformer/column_transformer.hpp>
#include <lolpop/components/data_transformer/null_data_transformer.hpp>
#include <lolpop/components/data_transformer/sql_data_transformer.hpp>
#include <lolpop/components/feature_transformer/clip.hpp>
#include <lolpop/components/feature_transformer/feature_chain.hpp>
#include <lolpop/components/feature_transformer/log_transform.hpp>
#include <lolpop/components/feature_transformer/mean_imputer.hpp>
#include <lolpop/components/feature_transformer/median_imputer.hpp>
#include <lolpop/components/feature_transformer/min_max_scaler.hpp>
#include <lolpop/components/feature_transformer/null_feature_transformer.hpp>
#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>
#include <lolpop/components/feature_transformer/ordinal_encoder.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/components/hyperparameter_tuner/grid_search_tuner.hpp>
#include <lolpop/components/hyperparameter_tuner/null_hyperparameter_tuner.hpp>
#include <lolpop/components/hyperparameter_tuner/random_search_tuner.hpp>
#include <lolpop/components/logger/file_logger.hpp>
#include <lolpop/components/logger/null_logger.hpp>
#include <lolpop/components/logger/stdout_logger.hpp>
#include <lolpop/components/metadata_tracker/postgres_metadata_tracker.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/metrics_tracker/null_metrics_tracker.hpp>
#include <lolpop/components/metrics_tracker/postgres_metrics_tracker.hpp>
#include <lolpop/components/metrics_tracker/sqlite_metrics_tracker.hpp>
#include <lolpop/components/model_bias_checker/fairness_bias_checker.hpp>
#include <lolpop/components/model_bias_checker/null_model_bias_checker.hpp>
#include <lolpop/components/model_checker/baseline_model_checker.hpp>
#include <lolpop/components/model_checker/null_model_checker.hpp>
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_explainer/null_model_explainer.hpp>
#include <lolpop/components/model_explainer/xgboost_explainer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/model_visualizer/null_model_visualizer.hpp>
#include <lolpop/components/model_visualizer/svg_model_visualizer.hpp>
#include <lolpop/components/notifier/null_notifier.hpp>
#include <lolpop/components/notifier/smtp_notifier.hpp>
#include <lolpop/components/notifier/stdout_notifier.hpp>
#include <lolpop/components/notifier/webhook_notifier.hpp>
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>

#include <lolpop/pipelines/model_rows.hpp>
#include <lolpop/pipelines/offline_deploy.hpp>
#include <lolpop/pipelines/offline_predict.hpp>
#include <lolpop/pipelines/offline_process.hpp>
#include <lolpop/pipelines/offline_train.hpp>
#include <lolpop/pipelines/services.hpp>

#include <lolpop/runners/classification_runner.hpp>
#include <lolpop/runners/regression_runner.hpp>
#include <lolpop/runners/tabular_runner.hpp>
#include <lolpop/runners/timeseries_features.hpp>
#include <lolpop/runners/timeseries_runner.hpp>

#include <lolpop/report/console_report.hpp>
#include <lolpop/report/run_report.hpp>

#include <lolpop/cli/command_line.hpp>

#include <lolpop/testing/check_component.hpp>
#include <lolpop/testing/data_connector_laws.hpp>
#include <lolpop/testing/metadata_tracker_laws.hpp>
#include <lolpop/testing/metrics_tracker_laws.hpp>
#include <lolpop/testing/notifier_laws.hpp>
