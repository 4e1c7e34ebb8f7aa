#include "detail/xgboost_api.hpp"

#include <lolpop/core/error.hpp>

#include <dlfcn.h>

#include <string>

namespace lolpop::detail {

namespace {

xgboost_api load() {
    // The library the build linked against first; then its soname on the loader's search path,
    // for a binary run where XGBoost is installed elsewhere (LD_LIBRARY_PATH).
    std::string failures;
    void* library = nullptr;
    for (const char* name : {LOLPOP_XGBOOST_LIBRARY, LOLPOP_XGBOOST_SONAME}) {
        library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (library != nullptr) break;
        const char* why = dlerror();
        failures += failures.empty() ? "" : "; ";
        failures += why != nullptr ? why : name;
    }
    if (library == nullptr) throw error("cannot load XGBoost: " + failures, LOLPOP_XGBOOST_SONAME);
    xgboost_api api;
#define LOLPOP_XGBOOST_RESOLVE(name)                                                              \
    api.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name));                        \
    if (api.name == nullptr)                                                                      \
        throw error("the XGBoost library has no function " #name " (XGBoost 1.6 or later is needed)", \
                    LOLPOP_XGBOOST_SONAME);
    LOLPOP_XGBOOST_FUNCTIONS(LOLPOP_XGBOOST_RESOLVE)
#undef LOLPOP_XGBOOST_RESOLVE
    return api;
}

}  // namespace

const xgboost_api& xgboost() {
    static const xgboost_api api = load();
    return api;
}

}  // namespace lolpop::detail
