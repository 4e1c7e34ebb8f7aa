// A deploy pipeline without its model_deployer: one error, not one per use of the missing role.
// first-error: error: static.assert.* failed.*offline_deploy: required role model_deployer is not bound"?$
// first-error: /cpp/unbound_required_role\.cpp:24:[0-9]+: .*requ(ired from|ested|ired) here$
// max-lines: 8
// Over the budget with clang: clang gives each instantiation step three lines (where, the source line, the caret).
// max-lines-clang: 10
#include <lolpop/components/model_deployer/local_model_deployer.hpp>
#include <lolpop/components/model_repository/local_model_repository.hpp>
#include <lolpop/pipelines/offline_deploy.hpp>

namespace {

#ifdef LOLPOP_FIX
using deploy = lolpop::offline_deploy<lolpop::bind<lolpop::role::model_repository, lolpop::local_model_repository>,
                                      lolpop::bind<lolpop::role::model_deployer, lolpop::local_model_deployer>>;
#else
using deploy = lolpop::offline_deploy<lolpop::bind<lolpop::role::model_repository, lolpop::local_model_repository>>;
#endif

}  // namespace

int main() {
    lolpop::context ctx;
    deploy pipeline(deploy::settings{}, ctx);
}
