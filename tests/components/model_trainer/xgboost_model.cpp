#include <lolpop/components/model_trainer/xgboost_model.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>

#include <doctest/doctest.h>

#include <type_traits>
#include <utility>
#include <vector>

namespace {

lolpop::data_split threshold_data() {
    std::vector<double> x;
    std::vector<std::int64_t> y;
    for (int i = 0; i < 40; ++i) {
        x.push_back(i);
        y.push_back(i < 20 ? 0 : 1);
    }
    lolpop::data_split s;
    s.train = {lolpop::frame({lolpop::column::numeric("x", x)}), lolpop::column::integer("y", y)};
    return s;
}

}  // namespace

static_assert(!std::is_copy_constructible_v<lolpop::xgboost_model>);
static_assert(!std::is_copy_assignable_v<lolpop::xgboost_model>);
static_assert(std::is_nothrow_move_constructible_v<lolpop::xgboost_model>);
static_assert(std::is_nothrow_move_assignable_v<lolpop::xgboost_model>);

TEST_CASE("xgboost_model owns its booster alone and hands it over when moved") {
    lolpop::context ctx;
    lolpop::xgboost_trainer::config c;
    c.num_boost_round = 5;
    const lolpop::xgboost_trainer trainer(c, ctx);
    const auto s = threshold_data();

    auto a = trainer.fit(s, lolpop::problem_type::binary);
    void* booster = a.booster();
    REQUIRE(booster != nullptr);
    CHECK(a.booster_type() == "gbtree");
    CHECK(a.target_name() == "y");
    CHECK(a.target_type() == lolpop::column_type::integer);
    CHECK(a.features().size() == 1);
    CHECK(a.class_values().size() == 2);
    const auto expected = trainer.predict(a, s.train.X);

    lolpop::xgboost_model b(std::move(a));
    CHECK(a.booster() == nullptr);
    CHECK(b.booster() == booster);
    CHECK(b.classes() == std::vector<std::string>{"0", "1"});
    CHECK(trainer.predict(b, s.train.X) == expected);

    // Assignment frees the booster it replaces and takes the other's.
    auto other = trainer.fit(s, lolpop::problem_type::binary);
    b = std::move(other);
    CHECK(other.booster() == nullptr);
    CHECK(b.booster() != nullptr);
    CHECK(trainer.predict(b, s.train.X) == expected);
}
