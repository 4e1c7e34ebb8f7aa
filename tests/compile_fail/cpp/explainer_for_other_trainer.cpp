// An explainer written for one trainer, composed with another: offline_train checks the pair, and
// the error names both types.
// first-error: error: static.assert.* failed.*role model_explainer: the bound type does not explain the models of the type bound to role model_trainer
// first-error: [Ii]n instantiation of (template class )?'(struct )?lolpop::detail::check_explainer<[^>]*tree_explainer, [^>]*mean_trainer>'
// first-error: /cpp/explainer_for_other_trainer\.cpp:[0-9]+:[0-9]+: .*requ(ired from|ested|ired) here$
// expect-gcc: offline_train: role model_explainer is bound to a type that does not model lolpop::model_explainer for the type bound to role model_trainer
#include <lolpop/components/data_splitter/random_splitter.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/pipelines/offline_train.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace {

// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.

// Predicts the training mean: a model of its own kind, which tree_explainer knows nothing of.
class mean_trainer {
public:
    struct config {};
    struct model_type {
        double mean = 0;
    };
    static constexpr std::string_view name = "mean_trainer";

    mean_trainer(const config& cfg, lolpop::context& ctx);
    model_type fit(const lolpop::data_split& split, lolpop::problem_type problem);
    lolpop::column predict(const model_type& model, const lolpop::frame& X);
    lolpop::class_probabilities predict_proba(const model_type& model, const lolpop::frame& X);
    std::string save_model(const model_type& model);
    model_type load_model(std::string_view bytes);
};

// Explains the trees of an XGBoost model, and nothing else.
class tree_explainer {
public:
    struct config {};
    static constexpr std::string_view name = "tree_explainer";

    tree_explainer(const config& cfg, lolpop::context& ctx);
    std::vector<lolpop::feature_importance> get_feature_importance(const lolpop::xgboost_trainer& trainer,
                                                                   const lolpop::xgboost_model& model);
    lolpop::frame get_explanations(const lolpop::xgboost_trainer& trainer, const lolpop::xgboost_model& model,
                                   const lolpop::frame& X);
};

}  // namespace

LOLPOP_NO_SETTINGS(mean_trainer::config);
LOLPOP_NO_SETTINGS(tree_explainer::config);

namespace {

#ifdef LOLPOP_FIX
using trainer = lolpop::xgboost_trainer;
#else
using trainer = mean_trainer;
#endif

using train = lolpop::offline_train<lolpop::bind<lolpop::role::data_splitter, lolpop::random_splitter>,
                                    lolpop::bind<lolpop::role::model_trainer, trainer>,
                                    lolpop::bind<lolpop::role::model_explainer, tree_explainer>>;

}  // namespace

int main() {
    lolpop::context ctx;
    train pipeline(train::settings{}, ctx);
}
