// The umbrella header compiles on its own, and names from every layer work together through it.
#include <lolpop/lolpop.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

namespace {

namespace role = lolpop::role;
using lolpop::bind;

using workflow = lolpop::classification_runner<
    bind<role::metadata_tracker, lolpop::sqlite_metadata_tracker>,
    bind<role::resource_version_control, lolpop::local_artifact_store>,
    bind<role::process, lolpop::offline_process<bind<role::data_connector, lolpop::csv_data_connector>>>,
    bind<role::train, lolpop::offline_train<bind<role::data_splitter, lolpop::stratified_splitter>,
                                            bind<role::model_trainer, lolpop::xgboost_trainer>>>,
    bind<role::deploy, lolpop::offline_deploy<bind<role::model_repository, lolpop::local_model_repository>,
                                              bind<role::model_deployer, lolpop::local_model_deployer>>>,
    bind<role::predict, lolpop::offline_predict<bind<role::data_connector, lolpop::csv_data_connector>>>>;

static_assert(lolpop::model_trainer<lolpop::xgboost_trainer>);
static_assert(lolpop::row_feature_transformer<lolpop::standard_scaler>);
static_assert(std::is_same_v<lolpop::settings_t<lolpop::random_splitter>, lolpop::random_splitter::config>);

}  // namespace

TEST_CASE("a workflow composed from the umbrella header is set and described by profile paths") {
    workflow::settings s{};
    lolpop::set_by_path(s, std::vector<std::string>{"train", "model_trainer", "max_depth"},
                        lolpop::setting_value{std::int64_t{3}}, "");
    CHECK(lolpop::part<role::model_trainer>(lolpop::part<role::train>(s)).max_depth == 3);

    std::vector<lolpop::described_part> parts;
    lolpop::describe_tree<workflow>(s, "", parts);
    REQUIRE_FALSE(parts.empty());
    CHECK(parts.front().type == "classification_runner");
    CHECK(std::any_of(parts.begin(), parts.end(),
                      [](const lolpop::described_part& p) { return p.path == "deploy.model_deployer"; }));
}

TEST_CASE("--set messages name what is wrong: an integer out of range, a path below a setting") {
    workflow::settings s{};
    const std::vector<std::string> max_depth{"train", "model_trainer", "max_depth"};
    const auto message = [&](const std::vector<std::string>& path, std::string_view text) {
        try {
            lolpop::set_by_path(s, path, lolpop::parse_setting_value(text), "");
        } catch (const lolpop::error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string range = message(max_depth, "99999999999999999999");
    CHECK(range.find("setting 'train.model_trainer.max_depth' expects an integer from ") == 0);
    CHECK(range.find(", got 99999999999999999999: out of the range of its integer type") != std::string::npos);
    CHECK(message({"train", "model_trainer", "max_depth", "deeper"}, "1") ==
          "'train.model_trainer.max_depth' is a setting and has no sub-settings (--set train.model_trainer.max_depth.deeper)");
}

TEST_CASE("the data layer reads a CSV file through the umbrella header") {
    const lolpop::frame penguins = lolpop::read_csv_file(LOLPOP_TEST_DATA "/penguins.csv");
    CHECK(penguins.rows() > 0);
    CHECK(penguins.cols() > 0);
}
