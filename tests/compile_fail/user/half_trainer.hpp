#pragma once
// A model_trainer of the user's own that forgot predict_proba (LOLPOP_FIX: the twin has it).
// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.
#include <lolpop/concepts/model_trainer.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>

#include <string>
#include <string_view>

namespace user {

class half_trainer {
public:
    struct config {
        int max_depth = 6;
    };
    struct model_type {
        std::string bytes;
    };
    static constexpr std::string_view name = "half_trainer";

    half_trainer(const config& cfg, lolpop::context& ctx);
    model_type fit(const lolpop::data_split& split, lolpop::problem_type problem);
    lolpop::column predict(const model_type& model, const lolpop::frame& X);
#ifdef LOLPOP_FIX
    lolpop::class_probabilities predict_proba(const model_type& model, const lolpop::frame& X);
#endif
    std::string save_model(const model_type& model);
    model_type load_model(std::string_view bytes);
};

}  // namespace user

BOOST_HANA_ADAPT_STRUCT(user::half_trainer::config, max_depth);
