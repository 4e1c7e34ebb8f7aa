// Versions a sample frame with local_artifact_store and writes down what it holds, for
// check_python_reader.py:  store_sample <store directory> <expected.json>
// Prints the stored object's path. The frame has every column type, missing values in each,
// a column without any, labels that need escaping, non-ASCII text and a category no row uses;
// half of it is versioned whole and the other half in chunks, so both writers are read.
#include <lolpop/components/resource_version_control/local_artifact_store.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/data/atomic_file.hpp>

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using lolpop::column;
using lolpop::column_type;
using label = std::optional<std::string>;

lolpop::frame sample() {
    const double missing = std::numeric_limits<double>::quiet_NaN();
    const auto plain_codes = std::make_shared<std::vector<std::int32_t>>(std::vector<std::int32_t>{0, 1, 0, 0, 1, 1, 0});
    column colour = column::categorical("colour", {label("red"), std::nullopt, label("grün"), label("say \"hi\"\n"),
                                                   label("red"), std::nullopt, label("blue")});
    return lolpop::frame({
        column::numeric("price", {1.5, missing, -0.0, 1e300, 5e-324, -2.25, missing}),
        column::numeric("dense", {1, 2, 3, 4, 5, 6, 7}),
        column::integer("count", {3, 0, -7, 9'000'000'000, std::numeric_limits<std::int64_t>::min(), 0, 42},
                        {true, false, true, true, true, false, true}),
        std::move(colour),
        // A category that no row uses still belongs to the column.
        column::categorical_view("plain", *plain_codes, {"x", "y", "unused"}, plain_codes),
    });
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + '"';
}

// A double as JSON that Python reads back as the same float: "-0" would be read as the int 0.
std::string json_number(double v) {
    std::string text = fmt::format("{}", v);
    if (text.find_first_not_of("-0123456789") == std::string::npos) text += ".0";
    return text;
}

std::string expected_json(const lolpop::frame& f) {
    std::string out = "[";
    for (const column& c : f.columns()) {
        if (out.size() > 1) out += ',';
        out += fmt::format("{{\"name\":{},\"type\":\"{}\",\"values\":[", json_string(c.name()), lolpop::to_string(c.type()));
        for (std::size_t i = 0; i < c.size(); ++i) {
            if (i > 0) out += ',';
            if (c.is_missing(i)) out += "null";
            else if (c.type() == column_type::numeric) out += json_number(c.numeric_values()[i]);
            else if (c.type() == column_type::integer) out += fmt::format("{}", c.integer_values()[i]);
            else out += json_string(c.to_string(i));
        }
        out += "],\"categories\":[";
        for (std::size_t k = 0; k < c.categories().size(); ++k) out += (k > 0 ? "," : "") + json_string(c.categories()[k]);
        out += "]}";
    }
    return out + "]\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: store_sample <store directory> <expected.json>\n");
        return 2;
    }
    try {
        lolpop::context ctx;
        lolpop::local_artifact_store store({argv[1]}, ctx);
        const lolpop::frame f = sample();

        auto writer = store.begin_data_version();
        const std::vector<std::size_t> first{0, 1, 2}, rest{3, 4, 5, 6};
        writer.append(f.take(first));
        writer.append(f.take(rest));
        const lolpop::artifact chunked = writer.commit();
        const lolpop::artifact whole = store.version_data(f);
        if (chunked.hash != whole.hash) {
            std::fprintf(stderr, "store_sample: the chunked version differs from the whole one\n");
            return 1;
        }
        lolpop::write_file_atomically(argv[2], expected_json(f));
        std::printf("%s\n", (std::filesystem::path(argv[1]) / whole.uri).c_str());  // the uri is relative to the store
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_sample: %s\n", e.what());
        return 1;
    }
}
