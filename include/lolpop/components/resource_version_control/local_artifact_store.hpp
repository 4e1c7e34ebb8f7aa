#pragma once
// local_artifact_store — content-addressed artifacts in a local directory, git style:
// <path>/objects/<first 2 hex digits>/<remaining 62>, named by the SHA-256 of their bytes.
//
// A model is stored as its bytes. A frame is stored as one line naming its column types
// ("# lolpop frame types: numeric,integer,categorical") followed by the frame as CSV, so that the
// hash covers the types too and get_data gives back the frame with the types it was stored with.
#include <lolpop/concepts/resource_version_control.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace lolpop {

class local_artifact_store {
public:
    struct config {
        std::string path = ".lolpop/artifacts";
    };
    static constexpr std::string_view name = "local_artifact_store";

    // Throws lolpop::error naming "local_artifact_store.path" when the path is empty.
    local_artifact_store(const config& cfg, context& ctx);

    artifact version_data(const frame& f);
    // Throws lolpop::error "no artifact <hash>" or "artifact <hash> is corrupted" naming the
    // object's path, and for a hash that is not 64 lowercase hex digits or an artifact that is
    // not a frame.
    frame get_data(const std::string& hash) const;

    artifact version_model(std::string_view bytes);
    // Same errors as get_data, except that any bytes are a model.
    std::string get_model(const std::string& hash) const;

private:
    artifact store(std::string_view bytes);
    std::string load(const std::string& hash) const;
    std::filesystem::path object_path(const std::string& hash) const;

    std::filesystem::path root_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::local_artifact_store::config, path);

static_assert(lolpop::resource_version_control<lolpop::local_artifact_store>);
