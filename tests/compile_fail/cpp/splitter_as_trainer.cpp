// A splitter bound as the trainer of a pipeline written by hand: the error is "required from" the
// binding's line, names the role, and says what the splitter lacks.
// first-error: /cpp/splitter_as_trainer\.cpp:20:[0-9]+: .*requ(ired from|ested|ired) here$
// first-error: error: static.assert.* failed.*role model_trainer: the bound type does not model lolpop::model_trainer"?$
// expect-gcc: required for the satisfaction of 'has_model_type<T>' \[with T = lolpop::random_splitter\]$
// expect-clang: note: because 'lolpop::random_splitter' does not satisfy 'has_model_type'$
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/pipelines/offline_train.hpp>

namespace {

#ifdef LOLPOP_FIX
using trainer = lolpop::xgboost_trainer;
#else
using trainer = lolpop::random_splitter;
#endif

using train = lolpop::offline_train<lolpop::bind<lolpop::role::data_splitter, lolpop::random_splitter>,
                                    lolpop::bind<lolpop::role::model_trainer, trainer>>;

}  // namespace

int main() {
    lolpop::context ctx;
    train pipeline(train::settings{}, ctx);
}
