# What lolpop-gen must make of good/chain.toml: a list of feature transformers becomes one
# lolpop::feature_chain, each component at its line, and each component's settings block.

# The chain's header, then each component's, once.
expect_header([=[
#include <acme/boost\.hpp>
#include <lolpop/components/feature_transformer/feature_chain\.hpp>
#include <acme/imputer\.hpp>
#include <acme/encoder\.hpp>
#include <acme/scaler\.hpp>
#include <lolpop/pipelines/offline_deploy\.hpp>
]=])

expect_header([=[
using train_pipeline = lolpop::offline_train<
#line 36 "/[^"]*/good/base\.toml"
    lolpop::bind<lolpop::role::data_splitter, registry_types::acme_splitter>,
#line 37 "/[^"]*/good/base\.toml"
    lolpop::bind<lolpop::role::model_trainer, registry_types::acme_boost>,
#line 6 "/[^"]*/good/chain\.toml"
    lolpop::bind<lolpop::role::feature_transformer, lolpop::feature_chain<
#line 7 "/[^"]*/good/chain\.toml"
        registry_types::acme_imputer,
#line 8 "/[^"]*/good/chain\.toml"
        registry_types::acme_encoder,
#line 9 "/[^"]*/good/chain\.toml"
        registry_types::acme_scaler>>
#line [0-9]+ "[^"]*"
>;
]=])

# In the chain's order, each reached through the chain's settings; a component without settings
# (acme_imputer) has no block.
expect_header([=[
        auto& c = lolpop::part<lolpop::chain_step<registry_types::acme_encoder>>\(lolpop::part<lolpop::role::feature_transformer>\(lolpop::part<lolpop::role::train>\(s\)\)\);
#line 17 "/[^"]*/good/chain\.toml"
        \[\]\(auto& config\) {
]=])
expect_header([=[
#line 17 "/[^"]*/good/chain\.toml"
                    config\.columns = {std::string{"colour"}};
]=])
expect_header([=[
        auto& c = lolpop::part<lolpop::chain_step<registry_types::acme_scaler>>\(lolpop::part<lolpop::role::feature_transformer>\(lolpop::part<lolpop::role::train>\(s\)\)\);
#line 13 "/[^"]*/good/chain\.toml"
        \[\]\(auto& config\) {
]=])
expect_header([=[
#line 13 "/[^"]*/good/chain\.toml"
                    config\.columns = {std::string{"x"}, std::string{"y"}};
]=])
expect_header([=[
#line 14 "/[^"]*/good/chain\.toml"
                    config\.scale = {2};
]=])
expect_header([=[
                    config\.scale = {2};
                }
            }
#line 14 "/[^"]*/good/chain\.toml"
        }\(c\);
#line [0-9]+ "[^"]*"
    }
    return s;
]=])
expect_no_header([=[chain_step<acme::imputer>]=])

