// A data transformer of the user's own that transforms in place and returns nothing.
// first-error: /cpp/wrong_return_type\.cpp:39:[0-9]+: .*requ(ired from|ested|ired) here$
// first-error: error: static.assert.* failed.*role data_transformer: the bound type does not model lolpop::data_transformer"?$
// expect-gcc: note: 't\.transform\(f\)' does not satisfy return-type-requirement
// expect-clang: note: because type constraint 'std::same_as<void, lolpop::frame>' was not satisfied:$
#include <lolpop/components/data_connector/csv_data_connector.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/pipelines/offline_process.hpp>

#include <string>
#include <string_view>

namespace {

// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.
class trim_transformer {
public:
    struct config {
        std::string column;
    };
    static constexpr std::string_view name = "trim_transformer";

    trim_transformer(const config& cfg, lolpop::context& ctx);
#ifdef LOLPOP_FIX
    lolpop::frame transform(const lolpop::frame& data);
#else
    void transform(const lolpop::frame& data);
#endif
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(trim_transformer::config, column);

namespace {
using process = lolpop::offline_process<lolpop::bind<lolpop::role::data_connector, lolpop::csv_data_connector>,
                                        lolpop::bind<lolpop::role::data_transformer, trim_transformer>>;
}  // namespace

int main() {
    lolpop::context ctx;
    process pipeline(process::settings{}, ctx);
}
