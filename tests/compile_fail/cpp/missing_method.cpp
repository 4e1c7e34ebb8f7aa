// A data connector of the user's own that can read but not save (no save_data).
// first-error: /cpp/missing_method\.cpp:35:[0-9]+: .*requ(ired from|ested|ired) here$
// first-error: error: static.assert.* failed.*role data_connector: the bound type does not model lolpop::data_connector"?$
// expect: note: .*'t\.save_data\(f, target\)' (is|would be) invalid
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/pipelines/offline_process.hpp>

#include <string>
#include <string_view>

namespace {

// Declared, not defined: the suite compiles with -fsyntax-only and links nothing.
class sheet_connector {
public:
    struct config {
        std::string sheet = "data";
    };
    static constexpr std::string_view name = "sheet_connector";

    sheet_connector(const config& cfg, lolpop::context& ctx);
    lolpop::frame get_data(const std::string& source);
#ifdef LOLPOP_FIX
    void save_data(const lolpop::frame& data, const std::string& target);
#endif
};

}  // namespace

BOOST_HANA_ADAPT_STRUCT(sheet_connector::config, sheet);

namespace {
using process = lolpop::offline_process<lolpop::bind<lolpop::role::data_connector, sheet_connector>>;
}  // namespace

int main() {
    lolpop::context ctx;
    process pipeline(process::settings{}, ctx);
}
