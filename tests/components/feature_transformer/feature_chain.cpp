#include <lolpop/components/feature_transformer/clip.hpp>
#include <lolpop/components/feature_transformer/feature_chain.hpp>
#include <lolpop/components/feature_transformer/log_transform.hpp>
#include <lolpop/components/feature_transformer/mean_imputer.hpp>
#include <lolpop/components/feature_transformer/median_imputer.hpp>
#include <lolpop/components/feature_transformer/min_max_scaler.hpp>
#include <lolpop/components/feature_transformer/null_feature_transformer.hpp>
#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>
#include <lolpop/components/feature_transformer/ordinal_encoder.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/composition/settings_tree.hpp>

#include "transformer_checks.hpp"

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

using namespace lolpop;
using lolpop_test::message_of;
using lolpop_test::new_penguins;
using lolpop_test::penguins;

namespace {

using sklearn_chain = feature_chain<median_imputer, one_hot_encoder, standard_scaler>;
// Every transformer once, over two chains (the imputers would fill the same values).
using numbers_first = feature_chain<clip, log_transform, median_imputer, ordinal_encoder, one_hot_encoder, min_max_scaler>;
using encoders_first = feature_chain<one_hot_encoder, mean_imputer, standard_scaler>;
// Ops that vectorize, but for the log on the columns it takes: those columns run value by value,
// the others a block at a time (see feature_chain::run_column).
using numbers_only = feature_chain<mean_imputer, log_transform, standard_scaler, clip, min_max_scaler>;

static_assert(feature_transformer<sklearn_chain> && has_fitted_state<sklearn_chain>);
static_assert(row_feature_transformer<standard_scaler>);
static_assert(!row_feature_transformer<null_feature_transformer>);

const std::vector<std::string> no_species{"Species"};

numbers_first::settings numbers_first_settings() {
    numbers_first::settings s{};
    part<chain_step<clip>>(s) = {{"Beak Length (mm)", "Beak Depth (mm)"}, 0, 50};
    part<chain_step<ordinal_encoder>>(s).columns = {"Species"};
    part<chain_step<min_max_scaler>>(s).min = -1;
    return s;
}

// What the steps make of X one after the other, each fitted on what the one before made of train.
template <class... Steps>
frame stepwise(const typename feature_chain<Steps...>::settings& s, const frame& train, const frame& X) {
    context ctx;
    std::tuple<Steps...> steps{Steps(part<chain_step<Steps>>(s), ctx)...};
    frame fit_on = train, out = X;
    std::apply(
        [&](Steps&... step) {
            ((step.fit(fit_on), fit_on = step.transform(fit_on), out = step.transform(out)), ...);
        },
        steps);
    return out;
}

// The dense matrix holds the frame's values as floats, column by column.
void check_dense_equals(const dense_matrix& dense, const frame& expected) {
    REQUIRE(dense.cols() == expected.cols());
    REQUIRE(dense.rows() == expected.rows());
    for (std::size_t c = 0; c < dense.cols(); ++c) {
        const column& col = expected.columns()[c];
        CHECK(dense.columns()[c].name == col.name());
        for (std::size_t r = 0; r < dense.rows(); ++r) {
            INFO(col.name(), " row ", r);
            const double v = col.as_double(r);
            if (std::isnan(v))
                CHECK(std::isnan(dense(r, c)));
            else
                CHECK(dense(r, c) == static_cast<float>(v));
        }
    }
}

}  // namespace

TEST_CASE("a chain of imputer, one-hot encoder and scaler equals scikit-learn's Pipeline") {
    context ctx;
    sklearn_chain::settings s{};
    part<chain_step<one_hot_encoder>>(s).columns = {"Island", "Sex"};
    sklearn_chain chain(s, ctx);
    const frame train = penguins().drop(no_species);
    chain.fit(train);
    CHECK(lolpop_test::check_against_sklearn(chain.transform(train), "chain", "train") > 0);
    CHECK(lolpop_test::check_against_sklearn(chain.transform(new_penguins().drop(no_species)), "chain", "new") > 0);
    CHECK(chain.output_layout().size() == 11);
    CHECK(chain.input_layout() == layout_of(train));
}

TEST_CASE("the fused pass equals each step's own transform in sequence, as a frame and as a dense matrix") {
    context ctx;
    SUBCASE("clip, log_transform, median_imputer, ordinal_encoder, one_hot_encoder, min_max_scaler") {
        const auto s = numbers_first_settings();
        numbers_first chain(s, ctx);
        chain.fit(penguins());
        for (const frame* X : {&penguins(), &new_penguins()}) {
            const frame expected =
                stepwise<clip, log_transform, median_imputer, ordinal_encoder, one_hot_encoder, min_max_scaler>(s, penguins(), *X);
            CHECK(chain.transform(*X) == expected);
            check_dense_equals(chain.transform_dense(*X), expected);
        }
    }
    SUBCASE("mean_imputer, log_transform of one column, standard_scaler, clip, min_max_scaler") {
        // 344 rows: a whole block of 256 and a partial one. The tests run with and without the
        // AVX2 build of the pass (CTest's test_components_baseline sets LOLPOP_DISABLE_AVX2).
        numbers_only::settings s{};
        part<chain_step<log_transform>>(s).columns = {"Body Mass (g)"};
        part<chain_step<clip>>(s) = {{}, -1.5, 1.5};
        const std::vector<std::string> categories{"Species", "Island", "Sex"};
        const frame train = penguins().drop(categories), test = new_penguins().drop(categories);
        numbers_only chain(s, ctx);
        chain.fit(train);
        for (const frame* X : {&train, &test}) {
            const frame expected =
                stepwise<mean_imputer, log_transform, standard_scaler, clip, min_max_scaler>(s, train, *X);
            CHECK(chain.transform(*X) == expected);
            check_dense_equals(chain.transform_dense(*X), expected);
        }
    }
    SUBCASE("one_hot_encoder, mean_imputer, standard_scaler") {
        const encoders_first::settings s{};
        encoders_first chain(s, ctx);
        chain.fit(penguins());
        for (const frame* X : {&penguins(), &new_penguins()}) {
            const frame expected = stepwise<one_hot_encoder, mean_imputer, standard_scaler>(s, penguins(), *X);
            CHECK(chain.transform(*X) == expected);
            check_dense_equals(chain.transform_dense(*X), expected);
        }
    }
}

TEST_CASE("categories no step encodes reach the dense matrix as codes of the categories the chain was fitted on") {
    context ctx;
    feature_chain<standard_scaler> chain({}, ctx);
    chain.fit(penguins());
    // New data meets its categories in another order and has labels training never saw.
    const frame X({column::categorical("Species", {"Emperor", "Gentoo", std::nullopt, "Adelie"}),
                   column::categorical("Island", {"Dream", "Dream", "Biscoe", "Atlantis"}),
                   column::numeric("Beak Length (mm)", {1, 2, 3, 4}), column::numeric("Beak Depth (mm)", {1, 2, 3, 4}),
                   column::integer("Flipper Length (mm)", {1, 2, 3, 4}), column::numeric("Body Mass (g)", {1, 2, 3, 4}),
                   column::categorical("Sex", {"MALE", "MALE", "MALE", "MALE"})});
    const dense_matrix dense = chain.transform_dense(X);
    const layout_column& species = dense.columns()[0];
    CHECK(species.type == column_type::categorical);
    CHECK(species.categories == penguins()["Species"].categories());
    CHECK(std::isnan(dense(0, 0)));
    CHECK(dense(1, 0) == static_cast<float>(penguins()["Species"].code_of("Gentoo")));
    CHECK(std::isnan(dense(2, 0)));
    CHECK(dense(3, 0) == static_cast<float>(penguins()["Species"].code_of("Adelie")));
    CHECK(std::isnan(dense(3, 1)));
    // The frame keeps the data's own column.
    CHECK(chain.transform(X)["Species"] == X["Species"]);
    // Columns are found by name, extra ones ignored, and numbers may come as integers or doubles.
    CHECK(chain.transform_dense(X.select(std::vector<std::string>{"Sex", "Island", "Species", "Beak Length (mm)",
                                                                  "Beak Depth (mm)", "Flipper Length (mm)",
                                                                  "Body Mass (g)"}))(1, 0) == dense(1, 0));
}

TEST_CASE("a fitted chain saves and loads its state and its steps' settings are profile paths") {
    context ctx;
    const auto s = numbers_first_settings();
    numbers_first chain(s, ctx);
    chain.fit(penguins());
    // Other settings: the state carries what fitting learned, bounds and ranges included.
    auto other_settings = s;
    part<chain_step<clip>>(other_settings) = {{}, 1, 2};
    part<chain_step<min_max_scaler>>(other_settings) = {{}, 5, 6};
    numbers_first loaded(other_settings, ctx);
    loaded.load_state(chain.save_state());
    CHECK(loaded.transform(new_penguins()) == chain.transform(new_penguins()));
    check_dense_equals(loaded.transform_dense(new_penguins()), chain.transform(new_penguins()));
    CHECK(loaded.output_layout() == chain.output_layout());

    encoders_first other({}, ctx);
    CHECK(message_of([&] { other.load_state(chain.save_state()); }) ==
          "not a saved feature_chain state (feature_chain.load_state: it holds the steps [clip, log_transform, "
          "median_imputer, ordinal_encoder, one_hot_encoder, min_max_scaler], this chain has [one_hot_encoder, "
          "mean_imputer, standard_scaler])");
    CHECK(message_of([&] { other.load_state("garbage"); }).starts_with("not a saved feature_chain state"));
    CHECK(message_of([&] { (void)other.transform_dense(penguins()); }) ==
          "used before fit: fit it on training data first (feature_chain)");

    std::vector<described_part> parts;
    describe_tree<numbers_first>(s, "train.feature_transformer", parts);
    REQUIRE(parts.size() == 7);
    CHECK(parts[0].path == "train.feature_transformer");
    CHECK(parts[0].type == "feature_chain");
    CHECK(parts[1].path == "train.feature_transformer.clip");
    CHECK(parts[1].settings[1] == std::pair<std::string, std::string>{"min", "0.0"});
    auto changed = s;
    set_by_path(changed, std::vector<std::string>{"one_hot_encoder", "columns"}, setting_value{std::vector<std::string>{"Sex"}},
                "train.feature_transformer");
    CHECK(part<chain_step<one_hot_encoder>>(changed).columns == std::vector<std::string>{"Sex"});
}

TEST_CASE("feature_chain: bad input") {
    context ctx;
    sklearn_chain chain({}, ctx);
    chain.fit(penguins());
    CHECK(message_of([&] { (void)chain.transform_dense(penguins().drop(std::vector<std::string>{"Sex"})); }) ==
          "the data has no column 'Sex', which the feature transformers were fitted on (feature_chain.transform_dense)");
    frame numbers_as_categories = penguins().drop(std::vector<std::string>{"Body Mass (g)"});
    numbers_as_categories.add(penguins()["Body Mass (g)"].cast(column_type::categorical));
    CHECK(message_of([&] { (void)chain.transform(numbers_as_categories); }) ==
          "column 'Body Mass (g)' is categorical, but the feature transformers were fitted on it as numeric "
          "(feature_chain.transform)");
    // A step's own error keeps its name.
    sklearn_chain::settings s{};
    part<chain_step<one_hot_encoder>>(s).columns = {"Sex"};
    part<chain_step<standard_scaler>>(s).columns = {"Island"};
    CHECK(message_of([&] { sklearn_chain(s, ctx).fit(penguins()); }) ==
          "column 'Island' is categorical; standard_scaler needs a numeric or integer column (standard_scaler.columns)");
}
