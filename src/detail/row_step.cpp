#include "detail/row_step.hpp"

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace lolpop::detail {

namespace {

constexpr std::int64_t format_version = 1;

bool fits(column_type type, step_input kind) {
    return (type == column_type::categorical) == (kind == step_input::categories);
}

std::string_view wanted(step_input kind) {
    return kind == step_input::numbers ? "a numeric or integer column" : "a categorical column";
}

const toml::array& array_at(const toml::table& t, std::string_view key) {
    if (const auto* a = t[key].as_array()) return *a;
    throw std::invalid_argument("no array '" + std::string(key) + "'");
}

std::vector<std::string> strings_of(const toml::array& a, std::string_view key) {
    std::vector<std::string> out;
    for (const auto& node : a) {
        const auto s = node.value<std::string>();
        if (!s) throw std::invalid_argument("'" + std::string(key) + "' holds something other than text");
        out.push_back(*s);
    }
    return out;
}

double number_of(const std::string& text) {
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument("'" + text + "' is not a number");
    return v;
}

}  // namespace

std::vector<std::string> step_columns(const frame& X, const std::vector<std::string>& chosen, step_input kind,
                                      std::string_view step) {
    const std::string where = std::string(step) + ".columns";
    std::vector<std::string> out;
    if (chosen.empty()) {
        for (const column& c : X.columns())
            if (fits(c.type(), kind)) out.push_back(c.name());
        return out;
    }
    for (const std::string& name : chosen) {
        if (std::find(out.begin(), out.end(), name) != out.end())
            throw error("column '" + name + "' is listed twice", where);
        if (!X.has(name)) {
            const auto names = X.names();
            throw error("no column named '" + name + "'" + did_you_mean(name, names), where);
        }
        const column_type type = X[name].type();
        if (!fits(type, kind))
            throw error(fmt::format("column '{}' is {}; {} needs {}", name, to_string(type), step, wanted(kind)), where);
        out.push_back(name);
    }
    return out;
}

std::size_t planned_column(const row_layout& in, const std::string& name, step_input kind, std::string_view step) {
    const std::string where(step);
    const auto at = std::find_if(in.begin(), in.end(), [&](const layout_column& c) { return c.name == name; });
    if (at == in.end()) {
        std::vector<std::string> names;
        for (const layout_column& c : in) names.push_back(c.name);
        throw error(fmt::format("the data has no column '{}', which {} was fitted on{}", name, step, did_you_mean(name, names)),
                    where);
    }
    const auto j = static_cast<std::size_t>(at - in.begin());
    if (!fits(in[j].type, kind))
        throw error(fmt::format("column '{}' is {}; {} was fitted on it as {}", name, to_string(in[j].type), step,
                                wanted(kind)),
                    where);
    return j;
}

void not_fitted(std::string_view step) {
    throw error("used before fit: fit it on training data first", std::string(step));
}

std::vector<double> present_values(const column& c, std::string_view step) {
    std::vector<double> out;
    out.reserve(c.size());
    for (double v : row_values(c))
        if (!std::isnan(v)) out.push_back(v);
    if (out.empty()) throw error("column '" + c.name() + "' has no values to fit on", std::string(step));
    return out;
}

std::string save_fitted_columns(std::string_view step, const std::vector<fitted_column>& columns) {
    toml::array saved;
    for (const fitted_column& c : columns) {
        toml::array numbers, labels;
        for (double v : c.numbers) numbers.push_back(fmt::format("{}", v));
        for (const std::string& label : c.labels) labels.push_back(label);
        saved.push_back(toml::table{{"name", c.name}, {"numbers", std::move(numbers)}, {"labels", std::move(labels)}});
    }
    const toml::table state{{"step", std::string(step)}, {"format_version", format_version}, {"columns", std::move(saved)}};
    std::ostringstream text;
    text << state << '\n';
    return text.str();
}

std::vector<fitted_column> load_fitted_columns(std::string_view step, std::string_view bytes,
                                               std::size_t numbers_per_column) {
    const std::string where = std::string(step) + ".load_state";
    try {
        const toml::table state = toml::parse(bytes);
        if (state["step"].value<std::string>() != step) throw std::invalid_argument("it was saved by another step");
        if (state["format_version"].value<std::int64_t>() != format_version)
            throw std::invalid_argument("unsupported format version");
        std::vector<fitted_column> out;
        for (const auto& node : array_at(state, "columns")) {
            const auto* t = node.as_table();
            const auto name = t ? (*t)["name"].value<std::string>() : std::nullopt;
            if (!name) throw std::invalid_argument("a column has no name");
            fitted_column c{*name, {}, strings_of(array_at(*t, "labels"), "labels")};
            for (const std::string& text : strings_of(array_at(*t, "numbers"), "numbers")) c.numbers.push_back(number_of(text));
            if (c.numbers.size() != numbers_per_column)
                throw std::invalid_argument(fmt::format("column '{}' has {} numbers, expected {}", c.name, c.numbers.size(),
                                                        numbers_per_column));
            out.push_back(std::move(c));
        }
        return out;
    } catch (const toml::parse_error& e) {
        throw error("not a saved " + std::string(step) + " state", where + ": " + std::string(e.description()));
    } catch (const std::invalid_argument& e) {
        throw error("not a saved " + std::string(step) + " state", where + ": " + e.what());
    }
}

}  // namespace lolpop::detail
