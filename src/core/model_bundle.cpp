#include <lolpop/core/model_bundle.hpp>

#include <lolpop/core/error.hpp>
#include <lolpop/data/sha256.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstddef>

namespace lolpop {

namespace {

constexpr std::string_view magic = "lolpop-model-bundle\n";
constexpr std::string_view version = "1";

// The next blank-separated word of the header line.
std::string_view next_word(std::string_view& line) {
    const auto end = line.find(' ');
    const std::string_view word = line.substr(0, end);
    line = end == std::string_view::npos ? std::string_view{} : line.substr(end + 1);
    return word;
}

bool parse_size(std::string_view text, std::size_t& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string pack_model_bundle(std::string_view transformer, std::string_view state, std::string_view model) {
    std::string out(magic);
    out += fmt::format("{} {} {} {} {}\n", version, transformer, state.size(), sha256_hex(state), model.size());
    out += state;
    out += model;
    return out;
}

bool is_model_bundle(std::string_view bytes) noexcept { return bytes.starts_with(magic); }

model_bundle_parts unpack_model_bundle(std::string_view bytes) {
    auto invalid = [](std::string_view why) { return error("not a lolpop model bundle", "model bundle: " + std::string(why)); };
    if (!is_model_bundle(bytes)) throw invalid("the bytes do not start with 'lolpop-model-bundle'");
    bytes.remove_prefix(magic.size());
    const auto newline = bytes.find('\n');
    if (newline == std::string_view::npos) throw invalid("no header line");
    std::string_view header = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);

    if (next_word(header) != version) throw invalid("unsupported format version");
    model_bundle_parts parts;
    parts.transformer = std::string(next_word(header));
    std::size_t state_size = 0, model_size = 0;
    const bool sizes = parse_size(next_word(header), state_size);
    const std::string_view hash = next_word(header);
    if (parts.transformer.empty() || !sizes || !parse_size(next_word(header), model_size) || !header.empty())
        throw invalid("a malformed header line");
    if (bytes.size() != state_size + model_size || state_size > bytes.size())
        throw invalid(fmt::format("{} bytes follow the header, it announces {} + {}", bytes.size(), state_size, model_size));
    parts.state = bytes.substr(0, state_size);
    parts.model = bytes.substr(state_size);
    // The trainer checks its own bytes; the transformer's state is text that could be damaged
    // into other valid numbers, so its hash is checked here.
    if (sha256_hex(parts.state) != hash) throw invalid("the feature transformer's state is damaged");
    return parts;
}

}  // namespace lolpop
