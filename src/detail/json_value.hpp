#pragma once
// A small strict JSON reader for manifests that a file carries (the frame file's): RFC 8259
// syntax, UTF-8 checked, nesting bounded, and numbers limited to the non-negative integers that
// such manifests hold (sizes, offsets). Duplicate keys are refused so that a value is never
// ambiguous.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

struct json_value {
    enum class kind { null, boolean, number, string, array, object };

    kind type = kind::null;
    bool boolean = false;
    std::uint64_t number = 0;
    std::string text;
    std::vector<json_value> items;  // an array's, or an object's values
    std::vector<std::string> keys;  // an object's, in file order, one per value

    // The member named `key` of an object, or nullptr.
    const json_value* find(std::string_view key) const noexcept;
};

// Throws lolpop::error "<what is wrong> at byte <n>" (no where: the caller names the file).
json_value parse_json(std::string_view text);

}  // namespace lolpop::detail
