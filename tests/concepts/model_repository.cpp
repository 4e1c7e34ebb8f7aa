// lolpop::model_repository: one hand-made repository per requirement, each lacking only that one.
#include <lolpop/concepts/model_repository.hpp>

#include "archetype.hpp"

#include <optional>
#include <string>

namespace {

template <bool Registers, bool Approves>
struct repository : archetype::component_base {
    using component_base::component_base;
    void register_model(const lolpop::model_version&)
        requires Registers;
    lolpop::promotion promote_model(const lolpop::model_version&)
        requires Registers;
    lolpop::promotion approve_model(const lolpop::promotion&)
        requires Approves;
    bool check_approval(const lolpop::promotion&)
        requires Approves;
    std::optional<lolpop::promotion> latest_promotion(const std::string&)
        requires Approves;
};
static_assert(lolpop::model_repository<repository<true, true>>);
static_assert(!lolpop::registers_models<repository<false, true>> && !lolpop::model_repository<repository<false, true>>);
static_assert(!lolpop::approves_models<repository<true, false>> && !lolpop::model_repository<repository<true, false>>);

}  // namespace
