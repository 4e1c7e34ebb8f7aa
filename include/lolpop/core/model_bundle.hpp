#pragma once
// A saved model together with the fitted feature transformer it reads its features through: one
// artifact, so that what is deployed is always applied with what it was trained with.
//
// Format: "lolpop-model-bundle\n", then "1 <transformer name> <state size> <state sha256>
// <model size>\n", then the transformer's state and the trainer's model bytes.
#include <string>
#include <string_view>

namespace lolpop {

std::string pack_model_bundle(std::string_view transformer, std::string_view state, std::string_view model);

struct model_bundle_parts {
    std::string transformer;  // the feature transformer's name
    std::string_view state;   // its fitted state
    std::string_view model;   // the trainer's bytes
};

bool is_model_bundle(std::string_view bytes) noexcept;

// Views into `bytes`. Throws lolpop::error "not a lolpop model bundle" naming what is wrong (cut
// short, damaged state) for anything pack_model_bundle did not write.
model_bundle_parts unpack_model_bundle(std::string_view bytes);

}  // namespace lolpop
