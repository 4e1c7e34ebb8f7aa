#include <lolpop/components/feature_transformer/detail/chain_state.hpp>

#include <lolpop/core/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace lolpop::detail {

namespace {

constexpr std::int64_t format_version = 1;

std::vector<std::string> strings_at(const toml::table& t, std::string_view key) {
    const auto* a = t[key].as_array();
    if (!a) throw std::invalid_argument("no array '" + std::string(key) + "'");
    std::vector<std::string> out;
    for (const auto& node : *a) {
        const auto s = node.value<std::string>();
        if (!s) throw std::invalid_argument("'" + std::string(key) + "' holds something other than text");
        out.push_back(*s);
    }
    return out;
}

}  // namespace

std::string save_chain_state(const row_layout& input, std::span<const std::string_view> steps,
                             std::span<const std::string> states) {
    toml::array names, saved, columns;
    for (std::string_view s : steps) names.push_back(std::string(s));
    for (const std::string& s : states) saved.push_back(s);
    for (const layout_column& c : input) {
        toml::array categories;
        for (const std::string& label : c.categories) categories.push_back(label);
        columns.push_back(toml::table{
            {"name", c.name}, {"type", std::string(to_string(c.type))}, {"categories", std::move(categories)}});
    }
    const toml::table state{{"step", "feature_chain"},     {"format_version", format_version}, {"steps", std::move(names)},
                            {"states", std::move(saved)}, {"input", std::move(columns)}};
    std::ostringstream text;
    text << state << '\n';
    return text.str();
}

chain_state load_chain_state(std::string_view bytes, std::span<const std::string_view> steps) {
    const std::string where = "feature_chain.load_state";
    try {
        const toml::table state = toml::parse(bytes);
        if (state["step"].value<std::string>() != "feature_chain") throw std::invalid_argument("it was saved by something else");
        if (state["format_version"].value<std::int64_t>() != format_version)
            throw std::invalid_argument("unsupported format version");
        const auto names = strings_at(state, "steps");
        if (!std::equal(names.begin(), names.end(), steps.begin(), steps.end()))
            throw std::invalid_argument(fmt::format("it holds the steps [{}], this chain has [{}]", fmt::join(names, ", "),
                                                    fmt::join(steps, ", ")));
        chain_state out;
        out.states = strings_at(state, "states");
        if (out.states.size() != steps.size()) throw std::invalid_argument("it holds another number of step states");
        const auto* input = state["input"].as_array();
        if (!input) throw std::invalid_argument("no input layout");
        for (const auto& node : *input) {
            const auto* t = node.as_table();
            const auto name = t ? (*t)["name"].value<std::string>() : std::nullopt;
            const auto type = t ? (*t)["type"].value<std::string>() : std::nullopt;
            if (!name || !type) throw std::invalid_argument("an input column has no name or type");
            column_type parsed = column_type::numeric;
            try {
                parsed = parse_column_type(*type, where);
            } catch (const error&) {
                throw std::invalid_argument("input column '" + *name + "' has the unknown type '" + *type + "'");
            }
            out.input.push_back({*name, parsed, strings_at(*t, "categories")});
        }
        return out;
    } catch (const toml::parse_error& e) {
        throw error("not a saved feature_chain state", where + ": " + std::string(e.description()));
    } catch (const std::invalid_argument& e) {
        throw error("not a saved feature_chain state", where + ": " + e.what());
    }
}

}  // namespace lolpop::detail
