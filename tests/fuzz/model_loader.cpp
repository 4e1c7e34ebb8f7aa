// The loaders of stored artifacts on any bytes, chosen by the first byte: a model bundle (and the
// state and model inside it), an XGBoost model as xgboost_trainer saves it, a frame file (read,
// viewed in place and mapped from a file), or a feature transformer's fitted state. Each must
// give lolpop::error for anything its writer did not write; what loads must save as bytes that
// load to the same thing.
//
// Options byte: bits 0-1 the loader (bundle, xgboost model, frame file, transformer state);
// bits 2-4 the transformer of a state (standard_scaler, min_max_scaler, clip, log_transform,
// mean_imputer, median_imputer, one_hot_encoder, ordinal_encoder).
#include "fuzz_input.hpp"

#include <lolpop/components/feature_transformer/clip.hpp>
#include <lolpop/components/feature_transformer/log_transform.hpp>
#include <lolpop/components/feature_transformer/mean_imputer.hpp>
#include <lolpop/components/feature_transformer/median_imputer.hpp>
#include <lolpop/components/feature_transformer/min_max_scaler.hpp>
#include <lolpop/components/feature_transformer/one_hot_encoder.hpp>
#include <lolpop/components/feature_transformer/ordinal_encoder.hpp>
#include <lolpop/components/feature_transformer/standard_scaler.hpp>
#include <lolpop/components/model_trainer/xgboost_trainer.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/model_bundle.hpp>
#include <lolpop/data/frame_file.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>

namespace {

using transformers =
    std::tuple<lolpop::standard_scaler, lolpop::min_max_scaler, lolpop::clip, lolpop::log_transform, lolpop::mean_imputer,
               lolpop::median_imputer, lolpop::one_hot_encoder, lolpop::ordinal_encoder>;

// The settings a T is made with: the defaults, but a clip needs a bound.
template <class T>
typename T::config settings_of() {
    typename T::config c{};
    if constexpr (std::is_same_v<T, lolpop::clip>) c.min = 0;
    return c;
}

// Loads `state` into a new T; what loads saves as a state that loads and saves the same again.
template <class T>
void load_state(std::string_view state) {
    lolpop::context ctx;
    T loaded(settings_of<T>(), ctx);
    loaded.load_state(state);
    const std::string saved = loaded.save_state();
    T again(settings_of<T>(), ctx);
    try {
        again.load_state(saved);
    } catch (const lolpop::error& e) {
        lolpop::fuzz::finding(std::string(T::name) + ": a saved state does not load: " + e.what());
    }
    if (again.save_state() != saved) lolpop::fuzz::finding(std::string(T::name) + ": a state does not save the same twice");
}

// The state of the transformer numbered `n`, or called `name`.
template <std::size_t I = 0>
void load_state_of(std::size_t n, std::string_view name, std::string_view state) {
    if constexpr (I < std::tuple_size_v<transformers>) {
        using T = std::tuple_element_t<I, transformers>;
        if (n == I || name == T::name) return load_state<T>(state);
        load_state_of<I + 1>(n, name, state);
    }
}

void load_xgboost_model(std::string_view bytes) {
    lolpop::context ctx;
    const lolpop::xgboost_trainer trainer(lolpop::xgboost_trainer::config{}, ctx);
    const lolpop::xgboost_model model = trainer.load_model(bytes);
    const std::string saved = trainer.save_model(model);
    try {
        const lolpop::xgboost_model again = trainer.load_model(saved);
        if (again.features().size() != model.features().size() || again.classes() != model.classes())
            lolpop::fuzz::finding("an XGBoost model saved and loaded again is not the same");
    } catch (const lolpop::error& e) {
        lolpop::fuzz::finding(std::string("a saved XGBoost model does not load: ") + e.what());
    }
}

void load_bundle(std::string_view bytes) {
    const lolpop::model_bundle_parts parts = lolpop::unpack_model_bundle(bytes);
    if (!lolpop::is_model_bundle(bytes)) lolpop::fuzz::finding("a bundle unpacks, but is_model_bundle says it is none");
    const std::string packed = lolpop::pack_model_bundle(parts.transformer, parts.state, parts.model);
    const lolpop::model_bundle_parts again = lolpop::unpack_model_bundle(packed);
    if (again.transformer != parts.transformer || again.state != parts.state || again.model != parts.model)
        lolpop::fuzz::finding("a bundle packed again does not unpack to the same parts");
    lolpop::fuzz::expect_only_errors([&] { load_state_of(std::tuple_size_v<transformers>, parts.transformer, parts.state); });
    lolpop::fuzz::expect_only_errors([&] { load_xgboost_model(parts.model); });
}

void load_frame_file(std::string_view bytes) {
    const lolpop::frame read = lolpop::read_frame_file(bytes, "fuzz.lpf");
    if (!lolpop::is_frame_file(bytes)) lolpop::fuzz::finding("a frame file reads, but is_frame_file says it is none");

    // In place, from memory at an 8-byte boundary, and mapped from a file: the same frame.
    auto aligned = std::make_shared<std::string>(bytes.size() + 8, '\0');
    const std::size_t skip = (8 - reinterpret_cast<std::uintptr_t>(aligned->data()) % 8) % 8;
    std::memcpy(aligned->data() + skip, bytes.data(), bytes.size());
    const lolpop::frame viewed =
        lolpop::view_frame_file(std::string_view(aligned->data() + skip, bytes.size()), aligned, "fuzz.lpf");
    if (!(viewed == read)) lolpop::fuzz::finding("view_frame_file and read_frame_file give different frames");
    const lolpop::frame mapped = lolpop::map_frame_file(lolpop::fuzz::write_scratch_file("frame.lpf", bytes));
    if (!(mapped == read)) lolpop::fuzz::finding("map_frame_file and read_frame_file give different frames");

    // Written again, the frame reads back as itself, and its bytes are its own (the same frame
    // always gives the same bytes).
    const std::string written = lolpop::to_frame_file(read);
    lolpop::frame back;
    try {
        back = lolpop::read_frame_file(written, "written.lpf");
    } catch (const lolpop::error& e) {
        lolpop::fuzz::finding(std::string("to_frame_file wrote what read_frame_file rejects: ") + e.what());
    }
    if (!(back == read)) lolpop::fuzz::finding("read_frame_file(to_frame_file(frame)) is not the frame");
    if (lolpop::to_frame_file(back) != written) lolpop::fuzz::finding("the same frame gives other bytes");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto in = lolpop::fuzz::make_input(data, size);
    const std::uint8_t flags = in.take_byte();
    lolpop::fuzz::expect_only_errors([&] {
        switch (flags & 3) {
            case 0: load_bundle(in.bytes); break;
            case 1: load_xgboost_model(in.bytes); break;
            case 2: load_frame_file(in.bytes); break;
            default: load_state_of(flags >> 2 & 7, "", in.bytes); break;
        }
    });
    return 0;
}
