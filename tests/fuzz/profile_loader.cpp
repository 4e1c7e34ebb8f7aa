// lolpop-gen's front end on any bytes: a profile loaded (extends, references), validated against
// the built-in registry (bindings, then every value check) and, when valid, its header emitted;
// or, by the first byte, the bytes as a user registry loaded after the built-in one. Bad input
// must give lolpop::gen::fatal_error or diagnostics, never another exception or a crash.
//
// Options byte: bit 0 reads the rest as a registry instead of a profile.
#include "fuzz_input.hpp"

#include "check_headers.hpp"
#include "diagnostics.hpp"
#include "emit_header.hpp"
#include "profile_loader.hpp"
#include "profile_tree.hpp"
#include "registry.hpp"
#include "validate.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace lolpop::gen;

const registry& builtin_registry() {
    static const registry reg = [] {
        diagnostics diags;
        registry r = load_registries({LOLPOP_REGISTRY_FILE}, diags);
        if (diags.failed()) lolpop::fuzz::finding("the built-in registry does not load");
        return r;
    }();
    return reg;
}

void fuzz_profile(std::string_view bytes) {
    const registry& reg = builtin_registry();
    // In the scratch folder: `extends` names files relative to it (the profile itself, a cycle),
    // and base.toml there is the one the generator's tests extend.
    static const bool base_written = [] {
        lolpop::fuzz::write_scratch_file("base.toml", read_file(LOLPOP_BASE_PROFILE, {}, "base profile"));
        return true;
    }();
    (void)base_written;
    const std::filesystem::path path = lolpop::fuzz::write_scratch_file("profile.toml", bytes);
    const loaded_profile profile = load_profile(path);
    // What the header records of the profile is TOML that reads back as the same tree.
    const std::string text = to_toml_text(profile.root);
    if (to_toml_text(parse_document(text, "resolved.toml")) != text)
        lolpop::fuzz::finding("to_toml_text of a loaded profile does not read back as itself:\n" + text);

    diagnostics diags;
    const location file_start{std::make_shared<const std::string>(path.string()), 1, 1};
    const auto wf = validate(profile.root, file_start, reg, diags);
    if (wf) check_headers(*wf, {LOLPOP_INCLUDE_DIR}, diags);
    (void)diags.report();
    if (!wf || diags.failed()) return;
    header_identity id{"profile", "profile.toml", "0", text, (lolpop::fuzz::scratch_folder() / "lolpop_profile.hpp").string()};
    (void)emit_header(*wf, reg, id);
}

void fuzz_registry(std::string_view bytes) {
    const std::filesystem::path path = lolpop::fuzz::write_scratch_file("registry.toml", bytes);
    diagnostics diags;
    (void)load_registries({LOLPOP_REGISTRY_FILE, path}, diags);
    (void)diags.report();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto in = lolpop::fuzz::make_input(data, size);
    const std::uint8_t flags = in.take_byte();
    lolpop::fuzz::expect_only_errors<fatal_error>([&] {
        if (flags & 1) fuzz_registry(in.bytes);
        else fuzz_profile(in.bytes);
    });
    return 0;
}
