#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>
#include <lolpop/data/frame_file.hpp>
#include <lolpop/data/sha256.hpp>

#include "../../temp_directory.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using lolpop::column;
using lolpop::column_type;

namespace {

// Every column type, missing values in each, and values that CSV type inference alone would
// read back as another type ("007" as an integer, whole doubles as integers).
lolpop::frame mixed_frame() {
    using label = std::optional<std::string>;
    return lolpop::frame({
        column::numeric("price", {1.5, std::nan(""), -0.1, 1e300}),
        column::numeric("whole", {1.0, 2.0, std::nan(""), 4.0}),
        column::integer("count", {3, 0, -7, 9'000'000'000}, {true, false, true, true}),
        column::categorical("code", {label("007"), label("12"), std::nullopt, label("3")}),
        column::categorical("note, \"quoted\"", {label("a,b"), label("say \"hi\""), label("two\nlines"), std::nullopt}),
    });
}

std::size_t objects_in(const fs::path& root) {
    std::size_t n = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root / "objects"))
        if (entry.is_regular_file()) ++n;
    return n;
}

void flip_one_byte(const fs::path& file) {
    std::string bytes = lolpop::read_file(file);
    bytes[bytes.size() / 2] ^= 0x01;
    lolpop::write_file_atomically(file, bytes);
}

}  // namespace

TEST_CASE("local_artifact_store keeps a frame with its column types and missing values") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    const lolpop::local_artifact_store::config cfg{(tmp / "artifacts").string()};
    const lolpop::frame original = mixed_frame();

    lolpop::artifact stored = lolpop::local_artifact_store(cfg, ctx).version_data(original);
    CHECK(stored.hash.size() == 64);
    CHECK(stored.uri == "objects/" + stored.hash.substr(0, 2) + "/" + stored.hash.substr(2));  // relative: the store can move
    CHECK(lolpop::sha256_hex(lolpop::read_file((tmp / "artifacts" / stored.uri))) == stored.hash);
    CHECK(stored.size == fs::file_size((tmp / "artifacts" / stored.uri)));

    // A new store on the same directory, as a later step in another process would open it.
    const lolpop::frame back = lolpop::local_artifact_store(cfg, ctx).get_data(stored.hash);
    CHECK(back == original);
    REQUIRE(back.cols() == 5);
    CHECK(back["whole"].type() == column_type::numeric);
    CHECK(back["count"].type() == column_type::integer);
    CHECK(back["count"].is_missing(1));
    CHECK(back["count"].integer_values()[3] == 9'000'000'000);
    CHECK(back["code"].type() == column_type::categorical);
    CHECK(back["code"].to_string(0) == "007");
    CHECK(back["code"].is_missing(2));
    CHECK(back["note, \"quoted\""].to_string(2) == "two\nlines");
    CHECK(std::isnan(back["price"].numeric_values()[1]));
}

TEST_CASE("local_artifact_store stores a frame as its frame file, whose columns get_data views in place") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);
    const lolpop::artifact stored = store.version_data(mixed_frame());
    CHECK(lolpop::read_file((tmp / stored.uri)) == lolpop::to_frame_file(mixed_frame()));
    CHECK(stored.hash == lolpop::sha256_hex(lolpop::to_frame_file(mixed_frame())));
    const lolpop::frame back = store.get_data(stored.hash);
    // Aligned to 64 bytes within a page-aligned mapping, not a vector's copy.
    CHECK(reinterpret_cast<std::uintptr_t>(back["price"].numeric_values().data()) % 64 == 0);
}

TEST_CASE("local_artifact_store still loads frames stored as typed CSV by earlier versions") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);
    // The bytes the earlier version_data wrote for mixed_frame(), byte for byte.
    const std::string old_bytes =
        "# lolpop frame types: numeric,numeric,integer,categorical,categorical\n"
        "price,whole,count,code,\"note, \"\"quoted\"\"\"\n"
        "1.5,1.0,3,007,\"a,b\"\n"
        ",2.0,,12,\"say \"\"hi\"\"\"\n"
        "-0.1,,-7,,\"two\nlines\"\n"
        "1e+300,4.0,9000000000,3,\n";
    const std::string hash = lolpop::sha256_hex(old_bytes);
    lolpop::write_file_atomically(tmp.path() / "objects" / hash.substr(0, 2) / hash.substr(2), old_bytes);
    CHECK(store.get_data(hash) == mixed_frame());

    const std::string no_columns = "# lolpop frame types: \n";
    const std::string empty_hash = lolpop::sha256_hex(no_columns);
    lolpop::write_file_atomically(tmp.path() / "objects" / empty_hash.substr(0, 2) / empty_hash.substr(2), no_columns);
    CHECK(store.get_data(empty_hash).cols() == 0);
}

TEST_CASE("local_artifact_store names what is wrong with an intact object that is a damaged frame file") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);
    std::string bytes = lolpop::to_frame_file(mixed_frame());
    bytes[64 + 32 + 8] = 'x';  // in the padding after the first column's values
    const std::string hash = lolpop::sha256_hex(bytes);
    const fs::path path = tmp.path() / "objects" / hash.substr(0, 2) / hash.substr(2);
    lolpop::write_file_atomically(path, bytes);
    CHECK_THROWS_WITH_AS(store.get_data(hash),
                         ("artifact " + hash + " is not a frame: column 'price' data is followed by padding that is "
                          "not zeros (" + path.string() + ")").c_str(),
                         lolpop::error);
}

TEST_CASE("local_artifact_store versions a frame given in chunks, storing nothing before commit") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);
    const lolpop::frame whole = mixed_frame();
    const std::vector<std::size_t> first{0, 1, 2}, last{3};
    {
        auto dropped = store.begin_data_version();
        dropped.append(whole.take(first));
    }
    CHECK(!fs::exists(tmp.path() / "objects"));

    auto writer = store.begin_data_version();
    writer.append(whole.take(first));
    writer.append(whole.take(last));
    CHECK(writer.rows() == 4);
    CHECK(!fs::exists(tmp.path() / "objects"));
    const lolpop::artifact committed = writer.commit();
    CHECK(committed.hash == store.version_data(whole).hash);
    CHECK(committed.size == fs::file_size((tmp / committed.uri)));
    CHECK(objects_in(tmp.path()) == 1);
    CHECK(store.get_data(committed.hash) == whole);
    CHECK(fs::is_empty(tmp.path() / "tmp"));  // no scratch or temporary file left behind

    // The same rows committed again find the object stored and leave it alone.
    auto again = store.begin_data_version();
    again.append(whole);
    CHECK(again.commit().hash == committed.hash);
    CHECK(objects_in(tmp.path()) == 1);
    CHECK(fs::is_empty(tmp.path() / "tmp"));

    // A writer needs only the directory: it outlives the store object that began it.
    auto orphan = lolpop::local_artifact_store({tmp.path().string()}, ctx).begin_data_version();
    orphan.append(whole);
    CHECK(orphan.commit().hash == committed.hash);
}

TEST_CASE("local_artifact_store keeps frames without rows or columns") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);

    const lolpop::frame no_rows({column::numeric("x", {}), column::categorical("y", {})});
    const lolpop::frame back = store.get_data(store.version_data(no_rows).hash);
    CHECK(back == no_rows);
    CHECK(back["y"].type() == column_type::categorical);

    const lolpop::frame nothing;
    CHECK(store.get_data(store.version_data(nothing).hash) == nothing);
}

TEST_CASE("local_artifact_store stores equal content once") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);

    const lolpop::artifact first = store.version_data(mixed_frame());
    const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
    fs::last_write_time((tmp / first.uri), long_ago);
    const lolpop::artifact second = store.version_data(mixed_frame());
    CHECK(second.hash == first.hash);
    CHECK((tmp / second.uri) == (tmp / first.uri));
    CHECK(fs::last_write_time((tmp / first.uri)) == long_ago);  // not rewritten
    CHECK(objects_in(tmp.path()) == 1);

    store.version_model("model bytes");
    store.version_model("model bytes");
    CHECK(objects_in(tmp.path()) == 2);
}

TEST_CASE("local_artifact_store keeps model bytes exactly") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);

    const std::string bytes("\x00\x01" "binary\xff\n", 10);
    const lolpop::artifact a = store.version_model(bytes);
    CHECK(a.hash == lolpop::sha256_hex(bytes));
    CHECK(a.size == bytes.size());
    CHECK(store.get_model(a.hash) == bytes);
    CHECK_THROWS_WITH_AS(store.get_data(a.hash), ("artifact " + a.hash + " is not a frame (" + (tmp / a.uri).string() + ")").c_str(),
                         lolpop::error);
}

TEST_CASE("local_artifact_store detects a corrupted artifact and repairs it when the content is stored again") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);

    const lolpop::artifact data = store.version_data(mixed_frame());
    const lolpop::artifact model = store.version_model("a trained model");
    flip_one_byte((tmp / data.uri));
    flip_one_byte((tmp / model.uri));
    CHECK_THROWS_WITH_AS(store.get_data(data.hash), ("artifact " + data.hash + " is corrupted (" + (tmp / data.uri).string() + ")").c_str(),
                         lolpop::error);
    CHECK_THROWS_WITH_AS(store.get_model(model.hash),
                         ("artifact " + model.hash + " is corrupted (" + (tmp / model.uri).string() + ")").c_str(), lolpop::error);

    store.version_data(mixed_frame());
    CHECK(store.get_data(data.hash) == mixed_frame());
}

TEST_CASE("local_artifact_store rejects hashes it does not hold") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);

    const std::string absent = lolpop::sha256_hex("never stored");
    const std::string path = (tmp.path() / "objects" / absent.substr(0, 2) / absent.substr(2)).string();
    CHECK_THROWS_WITH_AS(store.get_model(absent), ("no artifact " + absent + " (" + path + ")").c_str(), lolpop::error);
    CHECK_THROWS_WITH_AS(store.get_data(absent), ("no artifact " + absent + " (" + path + ")").c_str(), lolpop::error);

    const std::string objects = (tmp.path() / "objects").string();
    CHECK_THROWS_WITH_AS(store.get_model("../../etc/passwd"),
                         ("'../../etc/passwd' is not an artifact hash (64 lowercase hex digits) (" + objects + ")").c_str(),
                         lolpop::error);
    std::string upper = absent;
    upper[0] = 'A';
    CHECK_THROWS_AS(store.get_model(upper), lolpop::error);
}

TEST_CASE("local_artifact_store needs a directory") {
    lolpop::context ctx;
    CHECK_THROWS_WITH_AS(lolpop::local_artifact_store({""}, ctx),
                         "the artifact directory must not be empty (local_artifact_store.path)", lolpop::error);
}

TEST_CASE("local_artifact_store hashes an object again once its file changes, even in place with its time set back") {
    lolpop_test::temp_directory tmp;
    lolpop::context ctx;
    lolpop::local_artifact_store store({tmp.path().string()}, ctx);
    const lolpop::artifact data = store.version_data(mixed_frame());
    // What the store wrote it remembers as intact, and reading it again changes nothing.
    const fs::path record = tmp / "verified" / data.hash.substr(0, 2) / data.hash.substr(2);
    REQUIRE(fs::exists(record));
    const std::string remembered = lolpop::read_file(record);
    CHECK(store.get_data(data.hash) == mixed_frame());
    CHECK(lolpop::read_file(record) == remembered);

    // One byte changed in place, the file's size and modification time as they were.
    const auto modified = fs::last_write_time((tmp / data.uri));
    {
        std::fstream file((tmp / data.uri), std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(70);
        const char c = static_cast<char>(file.get());
        file.seekp(70);
        file.put(static_cast<char>(c ^ 0x01));
    }
    fs::last_write_time((tmp / data.uri), modified);
    CHECK(fs::last_write_time((tmp / data.uri)) == modified);
    CHECK_THROWS_WITH_AS(store.get_data(data.hash), ("artifact " + data.hash + " is corrupted (" + (tmp / data.uri).string() + ")").c_str(),
                         lolpop::error);

    // A lost record costs a hash, no more.
    store.version_data(mixed_frame());
    fs::remove(record);
    CHECK(store.get_data(data.hash) == mixed_frame());
    CHECK(fs::exists(record));
}
