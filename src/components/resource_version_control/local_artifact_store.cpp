#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/csv.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/mapped_file.hpp>
#include <lolpop/data/sha256.hpp>

#include "detail/process_identity.hpp"
#include "detail/random_hex.hpp"

#include <range/v3/view/zip.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include <sys/stat.h>

namespace lolpop {

namespace fs = std::filesystem;

namespace {

// What frames were stored as before frame files: this line, then the frame as CSV.
constexpr std::string_view frame_prefix = "# lolpop frame types: ";

bool is_sha256_hex(std::string_view s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// The bytes of the CSV header record, including its line break. RFC 4180 quotes double any
// quote inside a quoted field, so a line break is inside quotes exactly when an odd number of
// quotes precede it.
std::string_view header_record(std::string_view csv) {
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        if (csv[i] == '"') quoted = !quoted;
        else if (csv[i] == '\n' && !quoted) return csv.substr(0, i + 1);
    }
    return csv;
}

// The identity of a file as the file system gives it: device, inode, size, modification and
// change times to the nanosecond. Writing to the file or putting another in its place changes
// it; the change time cannot be set back, and is fine-grained once it has been read. Empty when
// the file cannot be read.
std::string file_identity(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return fmt::format("{} {} {} {}.{:09} {}.{:09}\n", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec,
                       st.st_mtim.tv_nsec, st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

fs::path local_artifact_store_object(const fs::path& root, const std::string& hash) {
    return root / "objects" / hash.substr(0, 2) / hash.substr(2);
}

// The uri of an object: its path in the store, so that a store moved elsewhere still names it.
std::string object_uri(const std::string& hash) { return "objects/" + hash.substr(0, 2) + "/" + hash.substr(2); }

// What the store remembers of an object whose bytes it knows to match their hash: its file's
// identity then (verified/<2 hex>/<62 hex>). Hashing a large object costs more than reading it,
// so an object read again is hashed again only when its file is no longer the one checked.
fs::path record_path(const fs::path& root, const std::string& hash) {
    return root / "verified" / hash.substr(0, 2) / hash.substr(2);
}

void remember_intact(const fs::path& root, const std::string& hash, const std::string& identity) {
    if (identity.empty()) return;
    const fs::path record = record_path(root, hash);
    std::error_code ec;
    fs::create_directories(record.parent_path(), ec);
    // Renamed into place, not flushed: a record lost in a crash costs one more hash, nothing else.
    // Built in place: GCC 12 at -O3 reports a false -Wrestrict for "." + std::string.
    std::string temp_name = record.filename().string();
    temp_name.insert(0, 1, '.');
    temp_name += ".tmp-" + detail::random_hex64();
    const fs::path temp = record.parent_path() / temp_name;
    {
        std::ofstream out(temp, std::ios::binary);
        out << identity;
        if (!out) {
            fs::remove(temp, ec);
            return;
        }
    }
    if (::rename(temp.c_str(), record.c_str()) != 0) fs::remove(temp, ec);
}

bool known_intact(const fs::path& root, const fs::path& object, const std::string& hash) {
    std::ifstream in(record_path(root, hash), std::ios::binary);
    const std::string recorded{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return !recorded.empty() && recorded == file_identity(object);
}

// Whether `bytes`, the object of `hash` at `object`, are intact: hashed unless the store
// remembers this very file as intact.
// The identity is read before the hash and again after it, so that a file changed meanwhile is
// not remembered as the one hashed.
bool check_intact(const fs::path& root, const fs::path& object, const std::string& hash, std::string_view bytes) {
    const std::string identity = file_identity(object);
    if (known_intact(root, object, hash)) return true;
    if (sha256_hex(bytes) != hash) return false;
    if (file_identity(object) == identity) remember_intact(root, hash, identity);
    return true;
}

// Whether the object at `path` exists and still has the bytes its hash names.
bool is_intact(const fs::path& root, const fs::path& path, const std::string& hash) {
    std::error_code ec;
    return fs::exists(path, ec) && check_intact(root, path, hash, mapped_file::open(path)->bytes());
}

// A frame stored in the earlier form: the type line, then CSV.
frame read_typed_csv(std::string_view bytes, const std::string& hash, const std::string& where) {
    const std::size_t end_of_types = bytes.find('\n');
    if (end_of_types == std::string_view::npos) throw error("artifact " + hash + " is not a frame", where);

    std::vector<column_type> types;
    std::string_view listed = bytes.substr(frame_prefix.size(), end_of_types - frame_prefix.size());
    while (!listed.empty()) {
        const std::size_t comma = listed.find(',');
        types.push_back(parse_column_type(listed.substr(0, comma), where));
        listed = comma == std::string_view::npos ? std::string_view{} : listed.substr(comma + 1);
    }
    if (types.empty()) return frame{};

    // read_csv takes column types by name, so the names come first, from the header alone.
    const std::string_view csv = bytes.substr(end_of_types + 1);
    std::istringstream header{std::string(header_record(csv))};
    const std::vector<std::string> names = read_csv(header, where).names();
    if (names.size() != types.size())
        throw error("artifact " + hash + " lists " + std::to_string(types.size()) + " column types for " +
                        std::to_string(names.size()) + " columns",
                    where);
    csv_options options;
    for (const auto& [name, type] : ranges::views::zip(names, types)) options.column_types[name] = std::string(to_string(type));
    std::istringstream in{std::string(csv)};
    return read_csv(in, where, options);
}

// A frame file on its way into the store: named after the process writing it, so that what a
// killed process left is known as debris.
constexpr std::string_view scratch_prefix = ".frame-";

fs::path scratch_file(const fs::path& scratch) { return scratch / detail::owned_file_name(scratch_prefix); }

void remove_abandoned_scratch_files(const fs::path& scratch) {
    std::error_code ec;
    for (fs::directory_iterator it(scratch, ec), end; !ec && it != end; it.increment(ec)) {
        const auto writer = detail::owner_of(it->path().filename().string(), scratch_prefix);
        std::error_code ignored;
        if (writer && !detail::may_be_alive(*writer)) fs::remove(it->path(), ignored);
    }
}

// Makes the folders of `dir` that are missing, noted in the journal of a step under way.
void make_directories(step_journal& journal, const fs::path& dir) {
    std::vector<fs::path> made = create_directories_noted(dir, dir.string());
    if (journal.active) journal.added.insert(journal.added.end(), made.begin(), made.end());
}

// An object the step wrote where there was none, with the record that it is intact.
void note_added(step_journal& journal, const fs::path& root, const std::string& hash, bool existed) {
    if (!journal.active || existed) return;
    journal.added.push_back(local_artifact_store_object(root, hash));
    journal.added.push_back(record_path(root, hash));
}

}  // namespace

local_artifact_store::local_artifact_store(const config& cfg, context&)
    : root_(cfg.path), journal_(std::make_shared<step_journal>()) {
    if (cfg.path.empty()) throw error("the artifact directory must not be empty", "local_artifact_store.path");
}

void local_artifact_store::begin_step() {
    if (journal_->active) throw error("a step is already under way", root_.string());
    journal_->active = true;
    journal_->added.clear();
    remove_abandoned_scratch_files(scratch_dir(root_));
}

void local_artifact_store::commit_step() {
    journal_->active = false;
    journal_->added.clear();
}

void local_artifact_store::rollback_step() noexcept {
    std::error_code ec;
    for (auto it = journal_->added.rbegin(); it != journal_->added.rend(); ++it) fs::remove(*it, ec);  // folders when empty
    journal_->active = false;
    journal_->added.clear();
}

fs::path local_artifact_store::object_path(const fs::path& root, const std::string& hash) {
    // The hash becomes a path, so anything but a SHA-256 could point outside the store.
    if (!is_sha256_hex(hash))
        throw error("'" + hash + "' is not an artifact hash (64 lowercase hex digits)", (root / "objects").string());
    return local_artifact_store_object(root, hash);
}

artifact local_artifact_store::store(std::string_view bytes) {
    artifact a{sha256_hex(bytes), "", bytes.size()};
    const fs::path path = object_path(a.hash);
    a.uri = object_uri(a.hash);
    // An intact object is never rewritten; a damaged one is replaced by the good bytes.
    if (is_intact(root_, path, a.hash)) return a;
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    make_directories(*journal_, path.parent_path());
    make_directories(*journal_, record_path(root_, a.hash).parent_path());
    write_file_atomically(path, bytes);
    note_added(*journal_, root_, a.hash, existed);
    remember_intact(root_, a.hash, file_identity(path));
    return a;
}

std::string local_artifact_store::load(const std::string& hash) const {
    const fs::path path = object_path(hash);
    std::error_code ec;
    if (!fs::exists(path, ec)) throw error("no artifact " + hash, path.string());
    std::string bytes = read_file(path);
    if (!check_intact(root_, path, hash, bytes)) throw error("artifact " + hash + " is corrupted", path.string());
    return bytes;
}

artifact local_artifact_store::place(const fs::path& root, step_journal& journal, const fs::path& temp,
                                     const frame_file_digest& file) {
    artifact a{file.sha256, "", file.size};
    const fs::path path = object_path(root, a.hash);
    a.uri = object_uri(a.hash);
    if (is_intact(root, path, a.hash)) {
        fs::remove(temp);
        return a;
    }
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    make_directories(journal, path.parent_path());
    make_directories(journal, record_path(root, a.hash).parent_path());
    move_file_atomically(temp, path);
    note_added(journal, root, a.hash, existed);
    remember_intact(root, a.hash, file_identity(path));
    return a;
}

// Written a column at a time: storing a frame takes memory for one column's bytes, not for a
// second copy of the frame.
artifact local_artifact_store::version_data(const frame& f) {
    const fs::path scratch = scratch_dir(root_);
    make_directories(*journal_, scratch);
    const fs::path temp = scratch_file(scratch);
    return place(root_, *journal_, temp, write_frame_file(temp, f));
}

frame local_artifact_store::get_data(const std::string& hash) const {
    const fs::path path = object_path(hash);
    const std::string where = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec)) throw error("no artifact " + hash, where);
    // Mapped, not read: the columns view the mapping, which the frame keeps alive; the hash is
    // checked unless the store knows this file intact (check_intact). Objects are renamed into
    // place whole and never written again, so the mapping cannot change under the frame.
    const std::shared_ptr<const mapped_file> file = mapped_file::open(path);
    const std::string_view bytes = file->bytes();
    if (!check_intact(root_, path, hash, bytes)) throw error("artifact " + hash + " is corrupted", where);
    if (bytes.starts_with(frame_prefix)) return read_typed_csv(bytes, hash, where);
    if (!is_frame_file(bytes)) throw error("artifact " + hash + " is not a frame", where);
    try {
        return view_frame_file(bytes, file, where);
    } catch (const error& e) {
        constexpr std::string_view reader_prefix = "not a frame file: ";
        std::string reason = e.what_happened();
        if (reason.starts_with(reader_prefix)) reason.erase(0, reader_prefix.size());
        throw error("artifact " + hash + " is not a frame: " + reason, where);
    }
}

local_artifact_store::data_version_writer::data_version_writer(fs::path root, std::shared_ptr<step_journal> journal)
    : root_(std::move(root)), journal_(std::move(journal)), writer_(scratch_dir(root_)) {}

local_artifact_store::data_version_writer local_artifact_store::begin_data_version() {
    return data_version_writer(root_, journal_);
}

artifact local_artifact_store::data_version_writer::commit() {
    const fs::path temp = scratch_file(scratch_dir(root_));
    return place(root_, *journal_, temp, writer_.finish(temp));
}

artifact local_artifact_store::version_model(std::string_view bytes) { return store(bytes); }

std::string local_artifact_store::get_model(const std::string& hash) const { return load(hash); }

}  // namespace lolpop
