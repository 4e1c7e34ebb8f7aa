#pragma once
// local_artifact_store — content-addressed artifacts in a local directory, git style:
// <path>/objects/<first 2 hex digits>/<remaining 62>, named by the SHA-256 of their bytes.
//
// A model is stored as its bytes. A frame is stored as a frame file (lolpop/data/frame_file.hpp,
// docs/dataset_format.md), which get_data maps and views in place instead of parsing; the same
// frame always gives the same file, so its hash is the frame's. Frames stored by earlier versions
// (a line "# lolpop frame types: numeric,integer,..." followed by the frame as CSV) still load:
// get_data tells the two apart by their first bytes.
//
// Every object read is checked against its hash. The check of a large object costs more than
// reading it, so the store remembers (<path>/verified/) the identity of each object file it wrote
// or checked — device, inode, size, modification and change times to the nanosecond — and hashes
// an object again only when its file is no longer that one: any write to it, or another file in
// its place, makes it hash again.
//
// In a step (lolpop::stages_writes) objects are written as they come, each atomically; a rollback
// removes the objects the step added (and the folders it made), so a failed step leaves the
// store as it was. A kill leaves at most objects no record names, which cost only their space.
// An artifact's uri is its path relative to the store's folder ("objects/ab/cdef..."): the store
// can be moved or copied whole.
#include <lolpop/concepts/resource_version_control.hpp>
#include <lolpop/concepts/stages_writes.hpp>
#include <lolpop/configuration/config.hpp>
#include <lolpop/core/context.hpp>
#include <lolpop/core/frame.hpp>
#include <lolpop/data/frame_file_writer.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>
#include <string>
#include <string_view>

namespace lolpop {

// What the step under way added to a local_artifact_store: removed again by a rollback.
struct step_journal {
    bool active = false;
    std::vector<std::filesystem::path> added;  // files and folders, in the order they were made
};

class local_artifact_store {
public:
    struct config {
        std::string path = ".lolpop/artifacts";
    };
    static constexpr std::string_view name = "local_artifact_store";

    // Throws lolpop::error naming "local_artifact_store.path" when the path is empty.
    local_artifact_store(const config& cfg, context& ctx);

    // lolpop::stages_writes.
    void begin_step();
    void commit_step();
    void rollback_step() noexcept;

    artifact version_data(const frame& f);
    // The frame's columns view the mapped object, after its SHA-256 was checked. Throws
    // lolpop::error "no artifact <hash>" or "artifact <hash> is corrupted" naming the object's
    // path, "artifact <hash> is not a frame[: <why>]", and for a hash that is not 64 lowercase
    // hex digits.
    frame get_data(const std::string& hash) const;

    // Versions a frame given in chunks of rows (larger than memory, say), as version_data would
    // the whole: append() each chunk (frame_file_writer's rules), then commit(). Nothing is
    // stored until commit; a writer dropped before leaves nothing behind. The writer needs only
    // the store's directory, so it may outlive the store object that began it.
    class data_version_writer {
    public:
        void append(const frame& chunk) { writer_.append(chunk); }
        std::uint64_t rows() const noexcept { return writer_.rows(); }
        // The artifact of every row appended; the writer is spent afterwards.
        artifact commit();

    private:
        friend class local_artifact_store;
        data_version_writer(std::filesystem::path root, std::shared_ptr<struct step_journal> journal);

        std::filesystem::path root_;
        std::shared_ptr<struct step_journal> journal_;
        frame_file_writer writer_;
    };
    data_version_writer begin_data_version();

    artifact version_model(std::string_view bytes);
    // Same errors as get_data, except that any bytes are a model.
    std::string get_model(const std::string& hash) const;

private:
    artifact store(std::string_view bytes);
    std::string load(const std::string& hash) const;
    std::filesystem::path object_path(const std::string& hash) const { return object_path(root_, hash); }
    static std::filesystem::path object_path(const std::filesystem::path& root, const std::string& hash);
    // Where writers keep what is not stored yet.
    static std::filesystem::path scratch_dir(const std::filesystem::path& root) { return root / "tmp"; }
    // A frame file written to `temp` (in the scratch directory) moved into place as its object,
    // or dropped when an intact object has its bytes already.
    static artifact place(const std::filesystem::path& root, step_journal& journal, const std::filesystem::path& temp,
                          const frame_file_digest& file);

    std::filesystem::path root_;
    // Shared with the data version writers begun here, which may commit during a step.
    std::shared_ptr<step_journal> journal_;
};

}  // namespace lolpop

BOOST_HANA_ADAPT_STRUCT(lolpop::local_artifact_store::config, path);

static_assert(lolpop::resource_version_control<lolpop::local_artifact_store>);
static_assert(lolpop::stages_writes<lolpop::local_artifact_store>);
