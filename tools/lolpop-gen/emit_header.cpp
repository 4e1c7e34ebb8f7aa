#include "emit_header.hpp"

#include "setting_assignment.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace lolpop::gen {

std::string cpp_string_literal(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '"': out += "\\\""; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '?': out += "\\?"; break;  // no trigraph warnings, whatever the profile says
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                    out += fmt::format("\\{:03o}", static_cast<unsigned char>(c));  // octal: at most 3 digits
                else
                    out += c;
        }
    }
    return out + "\"";
}

namespace {

constexpr std::string_view generator_version = LOLPOP_GEN_VERSION;

bool is_non_finite(const node& v) {
    if (v.type == toml::node_type::floating_point) return !std::isfinite(v.floating);
    return std::any_of(v.items.begin(), v.items.end(), is_non_finite) ||
           std::any_of(v.members.begin(), v.members.end(), [](const member& m) { return is_non_finite(m.value); });
}

std::string role_tag(std::string_view role) { return fmt::format("lolpop::role::{}", role); }

std::string line_directive(const location& where) {
    return fmt::format("#line {} {}", where.line,
                       cpp_string_literal(std::filesystem::absolute(*where.file).lexically_normal().string()));
}

// Text with its own line count, so that #line can restore the header's numbering.
class header_writer {
public:
    explicit header_writer(const std::string& header_path) : header_literal_(cpp_string_literal(header_path)) {}

    void line(std::string_view text) {
        out_ += text;
        out_ += '\n';
        next_line_ += 1 + static_cast<unsigned>(std::count(text.begin(), text.end(), '\n'));
    }
    void at(const location& where) { line(line_directive(where)); }
    void back_to_header() { line(fmt::format("#line {} {}", next_line_ + 1, header_literal_)); }

    // `using <alias> = <tmpl><binds...>;`, one #line per binding.
    void alias(std::string_view alias, std::string_view tmpl, const std::vector<std::pair<location, std::string>>& binds) {
        if (binds.empty()) return line(fmt::format("using {} = {}<>;", alias, tmpl));
        line(fmt::format("using {} = {}<", alias, tmpl));
        for (std::size_t i = 0; i < binds.size(); ++i) {
            at(binds[i].first);
            line(fmt::format("    {}{}", binds[i].second, i + 1 < binds.size() ? "," : ""));
        }
        back_to_header();
        line(">;");
    }

    void settings_block(std::string_view access, const std::vector<setting>& settings, const setting_owner& owner) {
        if (settings.empty()) return;
        line("    {");
        line(fmt::format("        auto& c = {};", access));
        for (const auto& s : settings) {
            for (const std::string& text : setting_assignment(s, owner, line_directive)) line(text);
            back_to_header();
        }
        line("    }");
    }

    std::string take() { return std::move(out_); }

private:
    std::string out_;
    unsigned next_line_ = 1;
    std::string header_literal_;
};

std::string bind_text(std::string_view role, std::string_view type) {
    return fmt::format("lolpop::bind<{}, {}>", role_tag(role), type);
}

// A chain's type, each component at its own place in the list, so that the compiler's errors
// about one of them point at it.
std::string chain_text(const component_binding& b) {
    std::string out = fmt::format("lolpop::bind<{}, {}<", role_tag(b.role), b.chain_role->chain_type);
    for (std::size_t i = 0; i < b.chain.size(); ++i)
        out += fmt::format("\n{}\n        {}{}", line_directive(b.chain[i].where), b.chain[i].component->type,
                           i + 1 < b.chain.size() ? "," : ">>");
    return out;
}

std::vector<std::pair<location, std::string>> component_binds(const std::vector<component_binding>& bindings) {
    std::vector<std::pair<location, std::string>> out;
    for (const auto& b : bindings)
        out.emplace_back(b.where, b.component ? bind_text(b.role, b.component->type) : chain_text(b));
    return out;
}

setting_owner component_owner(const registry_entry& component, std::string path) {
    return {std::move(path), component.name, component.type + "::config"};
}

// A runner's or pipeline's config: their C++ types are templates over the bindings.
setting_owner composite_owner(const registry_entry& entry, std::string path) {
    return {std::move(path), entry.name, fmt::format("the config of {}", entry.type)};
}

// The settings blocks of one binding: its own, or those of each component of a chain.
void component_settings(header_writer& w, const component_binding& b, const std::string& parent, const std::string& path) {
    const std::string access = fmt::format("lolpop::part<{}>({})", role_tag(b.role), parent);
    if (b.component) return w.settings_block(access, b.settings, component_owner(*b.component, path));
    for (const chain_step& step : b.chain)
        w.settings_block(fmt::format("lolpop::part<lolpop::chain_step<{}>>({})", step.component->type, access), step.settings,
                         component_owner(*step.component, fmt::format("{}.{}", path, step.component->name)));
}

std::vector<std::string> headers_of(const workflow& wf) {
    std::vector<std::string> out;
    auto add = [&](const std::string& h) {
        if (std::find(out.begin(), out.end(), h) == out.end()) out.push_back(h);
    };
    auto add_component = [&](const component_binding& c) {
        if (c.component) return add(c.component->header);
        add(c.chain_role->chain_header);
        for (const chain_step& step : c.chain) add(step.component->header);
    };
    add(wf.runner->header);
    for (const auto& c : wf.components) add_component(c);
    for (const auto& p : wf.pipelines) {
        add(p.pipeline->header);
        for (const auto& c : p.components) add_component(c);
    }
    return out;
}

bool needs_limits(const workflow& wf) {
    auto any = [](const std::vector<setting>& settings) {
        return std::any_of(settings.begin(), settings.end(), [](const setting& s) { return is_non_finite(*s.value); });
    };
    auto any_of_component = [&](const component_binding& c) {
        return any(c.settings) ||
               std::any_of(c.chain.begin(), c.chain.end(), [&](const chain_step& step) { return any(step.settings); });
    };
    bool found = any(wf.config);
    for (const auto& c : wf.components) found = found || any_of_component(c);
    for (const auto& p : wf.pipelines) {
        found = found || any(p.config);
        for (const auto& c : p.components) found = found || any_of_component(c);
    }
    return found;
}

}  // namespace

std::string emit_header(const workflow& wf, const header_identity& id) {
    constexpr std::string_view delimiter = "lolpop_profile";
    if (id.text.find(fmt::format("){}\"", delimiter)) != std::string::npos)
        throw fatal_error(location{}, fmt::format("the resolved profile contains '){}\"', which would end the raw string "
                                                  "that stores it",
                                                  delimiter));

    header_writer w(id.header_path);
    w.line(fmt::format("// Generated by lolpop-gen {} from {}. Do not edit.", generator_version, id.source));
    w.line("#pragma once");
    for (std::string_view header : {"core/profile_info", "configuration/setting_value", "composition/settings",
                                    "composition/role", "composition/bind"})
        w.line(fmt::format("#include <lolpop/{}.hpp>", header));
    if (needs_limits(wf)) w.line("#include <limits>");
    for (const auto& h : headers_of(wf)) w.line(fmt::format("#include <{}>", h));
    w.line("");
    w.line("namespace lolpop_profile {");
    w.line("");
    w.line(fmt::format("inline constexpr lolpop::profile_info info{{{}, {}, {}, R\"{}({}){}\"}};", cpp_string_literal(id.name),
                       cpp_string_literal(id.build_id), cpp_string_literal(id.source), delimiter, id.text, delimiter));
    w.line("");

    std::vector<std::pair<location, std::string>> runner_binds = component_binds(wf.components);
    for (const auto& p : wf.pipelines) {
        const std::string alias = p.role + "_pipeline";
        w.alias(alias, p.pipeline->type, component_binds(p.components));
        runner_binds.emplace_back(p.where, bind_text(p.role, alias));
    }
    w.alias("workflow", wf.runner->type, runner_binds);
    w.line("");


    // `auto`: a compiler error about a setting names the function, and spelled out the composed
    // settings type would make that one line thousands of characters long.
    w.line("// Each setting is a generic lambda that checks the literal against the member's C++ type before it");
    w.line("// assigns it (lolpop/configuration/setting_member.hpp); each static_assert is at the profile's line");
    w.line("// and the value's column, hence its indentation.");
    w.line("inline auto make_settings() {");
    // Each component's config members are of setting types: a member of another type is one
    // error at the component's binding, which names it, before any code that would use it.
    std::vector<std::pair<location, const registry_entry*>> components;
    const auto add = [&](const std::vector<component_binding>& bindings) {
        for (const auto& b : bindings) {
            if (b.component) components.emplace_back(b.where, b.component);
            for (const chain_step& step : b.chain) components.emplace_back(step.where, step.component);
        }
    };
    add(wf.components);
    for (const auto& p : wf.pipelines) add(p.components);
    for (const auto& [where, component] : components)
        for (const std::string& text : setting_types_check(*component, where, line_directive)) w.line(text);
    if (!components.empty()) w.back_to_header();
    w.line("    workflow::settings s{};");
    w.settings_block("s.config", wf.config, composite_owner(*wf.runner, "config"));
    for (const auto& c : wf.components) component_settings(w, c, "s", c.role);
    for (const auto& p : wf.pipelines) {
        const std::string pipeline = fmt::format("lolpop::part<{}>(s)", role_tag(p.role));
        w.settings_block(pipeline + ".config", p.config, composite_owner(*p.pipeline, p.role + ".config"));
        for (const auto& c : p.components) component_settings(w, c, pipeline, fmt::format("{}.{}", p.role, c.role));
    }
    w.line("    return s;");
    w.line("}");
    w.line("");
    w.line("}  // namespace lolpop_profile");
    return w.take();
}

}  // namespace lolpop::gen
