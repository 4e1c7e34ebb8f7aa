// A runner without its predict pipeline: one error.
// first-error: error: static.assert.* failed.*classification_runner: required pipeline role predict is not bound"?$
// first-error: /cpp/runner_missing_pipeline\.cpp:35:[0-9]+: .*requ(ired from|ested|ired) here$
// max-lines: 10
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/metadata_tracker/sqlite_metadata_tracker.hpp>
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/runners/classification_runner.hpp>

namespace {

namespace r = lolpop::role;
using connector = lolpop::bind<r::data_connector, lolpop::csv_data_connector>;
using process = lolpop::offline_process<connector>;
using train = lolpop::offline_train<lolpop::bind<r::data_splitter, lolpop::random_splitter>,
                                    lolpop::bind<r::model_trainer, lolpop::xgboost_trainer>>;
using deploy = lolpop::offline_deploy<lolpop::bind<r::model_repository, lolpop::local_model_repository>,
                                      lolpop::bind<r::model_deployer, lolpop::local_model_deployer>>;
using workflow = lolpop::classification_runner<lolpop::bind<r::metadata_tracker, lolpop::sqlite_metadata_tracker>,
                                               lolpop::bind<r::resource_version_control, lolpop::local_artifact_store>,
                                               lolpop::bind<r::process, process>, lolpop::bind<r::train, train>,
#ifdef LOLPOP_FIX
                                               lolpop::bind<r::predict, lolpop::offline_predict<connector>>,
#endif
                                               lolpop::bind<r::deploy, deploy>>;

}  // namespace

int main() {
    const lolpop::profile_info profile{"hand_written", "", "", ""};
    workflow runner(workflow::settings{}, profile);
    runner.build_all();
}
