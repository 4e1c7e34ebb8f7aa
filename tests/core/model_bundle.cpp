#include <lolpop/core/error.hpp>
#include <lolpop/core/model_bundle.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace lolpop;

namespace {

std::string message_of(std::string_view bytes) {
    try {
        (void)unpack_model_bundle(bytes);
    } catch (const error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a model bundle holds the feature transformer's state and the trainer's bytes") {
    const std::string model("lolpop-xgboost-model\n\0binary", 29);
    const std::string bundle = pack_model_bundle("feature_chain", "state = 1\n", model);
    CHECK(is_model_bundle(bundle));
    CHECK_FALSE(is_model_bundle(model));
    const model_bundle_parts parts = unpack_model_bundle(bundle);
    CHECK(parts.transformer == "feature_chain");
    CHECK(parts.state == "state = 1\n");
    CHECK(parts.model == model);
}

TEST_CASE("unpack_model_bundle refuses what pack_model_bundle did not write") {
    const std::string bundle = pack_model_bundle("feature_chain", "state = 1\n", "model");
    CHECK(message_of("lolpop-xgboost-model\n") ==
          "not a lolpop model bundle (model bundle: the bytes do not start with 'lolpop-model-bundle')");
    CHECK(message_of(bundle.substr(0, bundle.size() - 1)).starts_with("not a lolpop model bundle (model bundle: "));
    CHECK(message_of("lolpop-model-bundle\n2 x 0 0 0\n") == "not a lolpop model bundle (model bundle: unsupported format version)");
    CHECK(message_of("lolpop-model-bundle\n1 x 0\n") == "not a lolpop model bundle (model bundle: a malformed header line)");
    std::string damaged = bundle;
    damaged[damaged.find("state = 1") + 8] = '2';
    CHECK(message_of(damaged) == "not a lolpop model bundle (model bundle: the feature transformer's state is damaged)");
}
