#include <lolpop/components/data_transformer/null_data_transformer.hpp>

#include <doctest/doctest.h>

static_assert(!lolpop::feature_transformer_like_placeholder_v);
