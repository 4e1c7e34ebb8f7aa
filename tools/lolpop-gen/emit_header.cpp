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

std::string cpp_double_literal(double v) {
    if (std::isnan(v)) return "std::numeric_limits<double>::quiet_NaN()";
    if (std::isinf(v)) return v > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()";
    std::string text = fmt::format("{}", v);  // shortest text that reads back as the same double
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

namespace {

constexpr std::string_view generator_version = LOLPOP_GEN_VERSION;

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
    // `text` on line where.line of where.file, starting at where.column when it fits, so that the
    // compiler's caret points at the registry's own text.
    void at_column(const location& where, std::string_view text) {
        at(where);
        line(fmt::format("{}{}", std::string(where.column > 1 ? where.column - 1 : 0, ' '), text));
    }
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

// A component as the workflow names it: the alias checked at the registry's lines.
std::string component_type(const registry_entry& e) { return fmt::format("registry_types::{}", e.name); }

// The components a workflow uses, each once, in the order of the profile, with the roles it fills.
std::vector<std::pair<const registry_entry*, std::vector<std::string>>> used_components(const workflow& wf) {
    std::vector<std::pair<const registry_entry*, std::vector<std::string>>> out;
    auto add = [&](const registry_entry* e, const std::string& role) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& u) { return u.first == e; });
        if (it == out.end()) it = out.insert(out.end(), {e, {}});
        if (std::find(it->second.begin(), it->second.end(), role) == it->second.end()) it->second.push_back(role);
    };
    auto add_bindings = [&](const std::vector<component_binding>& bindings) {
        for (const auto& b : bindings) {
            if (b.component) add(b.component, b.role);
            for (const chain_step& step : b.chain) add(step.component, b.role);
        }
    };
    add_bindings(wf.components);
    for (const auto& p : wf.pipelines) add_bindings(p.components);
    return out;
}

// What stands in for a component whose registry entry is wrong, so that the registry's line
// carries the one error: the null component of the roles it fills (when they share one), else
// lolpop::unbound, which the composition reports as a missing required role.
const registry_entry* fallback_component(const std::vector<std::string>& roles, const registry& reg) {
    std::string null;
    for (const auto& role : roles) {
        const registry_role* r = reg.role(role);
        if (!r || r->null_component.empty() || (!null.empty() && null != r->null_component)) return nullptr;
        null = r->null_component;
    }
    const auto it = reg.components.find(null);
    return it == reg.components.end() ? nullptr : &it->second;
}

std::string fallback_type(const std::vector<std::string>& roles, const registry& reg) {
    const registry_entry* e = fallback_component(roles, reg);
    return e ? e->type : "lolpop::unbound";
}

// Each component the workflow uses, stated at its registry entry's lines: its `type` (a
// misspelled type is the compiler's error at the registry's line; the alias then falls back,
// through the using-directive, to lolpop::registry_type_missing) and its key, which must be the
// type's name. The workflow is composed from registry_types::<key> (lolpop::registry_component_t),
// which stands in quietly for an entry found wrong here.
void registry_checks(header_writer& w, const workflow& wf, const registry& reg) {
    const auto used = used_components(wf);
    if (used.empty()) return;
    w.line("namespace registry_fallback {");
    for (const auto& [e, roles] : used) w.line(fmt::format("using {} = lolpop::registry_type_missing;", e->name));
    w.line("}  // namespace registry_fallback");
    w.line("namespace registry_declared {");
    w.line("using namespace registry_fallback;");
    for (const auto& [e, roles] : used) {
        w.line(fmt::format("using {} =", e->name));
        // "::" keeps the type's first name from finding a same-named alias of this namespace.
        location where = e->type_where;
        where.column = where.column > 1 ? where.column - 1 : where.column;  // after the quote, less "::"
        w.at_column(where, fmt::format("::{};", e->type));
        w.back_to_header();
    }
    w.line("}  // namespace registry_declared");
    for (const auto& [e, roles] : used) {
        const std::string declared = fmt::format("registry_declared::{}", e->name);
        const std::string no_name = fmt::format(
            "component '{}': {} has no 'static constexpr std::string_view name'; give it name = \"{}\"", e->name, e->type, e->name);
        const std::string other_name =
            fmt::format("component '{}': the registry key is not {}::name; make them the same", e->name, e->type);
        w.at_column(e->where,
                    fmt::format("static_assert(lolpop::registry_has_name<{}>, {});", declared, cpp_string_literal(no_name)));
        w.back_to_header();
        w.at_column(e->where, fmt::format("static_assert(lolpop::registry_name_is<{}>({}), {});", declared,
                                          cpp_string_literal(e->name), cpp_string_literal(other_name)));
        w.back_to_header();
    }
    w.line("namespace registry_types {");
    for (const auto& [e, roles] : used)
        w.line(fmt::format("using {} = lolpop::registry_component_t<registry_declared::{}, {}>;", e->name, e->name,
                           fallback_type(roles, reg)));
    w.line("}  // namespace registry_types");
    w.line("");
}

// A chain's type, each component at its own place in the list, so that the compiler's errors
// about one of them point at it.
std::string chain_text(const component_binding& b) {
    std::string out = fmt::format("lolpop::bind<{}, {}<", role_tag(b.role), b.chain_role->chain_type);
    for (std::size_t i = 0; i < b.chain.size(); ++i)
        out += fmt::format("\n{}\n        {}{}", line_directive(b.chain[i].where), component_type(*b.chain[i].component),
                           i + 1 < b.chain.size() ? "," : ">>");
    return out;
}

std::vector<std::pair<location, std::string>> component_binds(const std::vector<component_binding>& bindings) {
    std::vector<std::pair<location, std::string>> out;
    for (const auto& b : bindings)
        out.emplace_back(b.where, b.component ? bind_text(b.role, component_type(*b.component)) : chain_text(b));
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
        w.settings_block(fmt::format("lolpop::part<lolpop::chain_step<{}>>({})", component_type(*step.component), access), step.settings,
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

std::string names_list(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const auto& n : names) out.push_back(cpp_string_literal(n));
    return fmt::format("{{{}}}", fmt::join(out, ", "));
}

std::string range_literal(const value_range& r) {
    return fmt::format("lolpop::setting_range{{{}, {}, {}, {}, {}}}", cpp_double_literal(r.low), cpp_double_literal(r.high),
                       r.low_open, r.high_open, cpp_string_literal(r.text));
}

// check_settings(): the registry's declarations of every bound part, on the effective settings.
class rules_writer {
public:
    rules_writer(header_writer& w, const workflow& wf) : w_(w), wf_(wf) {}

    void write() {
        part(*wf_.runner, "s.config", "config", nullptr);
        for (const auto& b : wf_.components) binding(b, "s", b.role, nullptr);
        for (const auto& p : wf_.pipelines) {
            const std::string access = fmt::format("lolpop::part<{}>(s)", role_tag(p.role));
            part(*p.pipeline, access + ".config", p.role + ".config", &p);
            for (const auto& b : p.components) binding(b, access, fmt::format("{}.{}", p.role, b.role), &p);
        }
    }

private:
    void binding(const component_binding& b, const std::string& parent, const std::string& path, const pipeline_binding* p) {
        const std::string access = fmt::format("lolpop::part<{}>({})", role_tag(b.role), parent);
        if (b.component) return part(*b.component, access, path, p);
        for (const chain_step& step : b.chain)
            part(*step.component, fmt::format("lolpop::part<lolpop::chain_step<{}>>({})", step.component->type, access),
                 fmt::format("{}.{}", path, step.component->name), p);
    }

    void part(const registry_entry& e, const std::string& access, const std::string& path, const pipeline_binding* p) {
        std::vector<std::pair<location, std::string>> checks;
        for (const auto& d : e.settings)
            if (std::string check = declaration_check(d, path, p); !check.empty()) checks.emplace_back(d.where, check);
        for (const auto& r : e.rules) {
            std::vector<std::string> members;
            for (const auto& name : r.sum) members.push_back("double(c." + name + ")");
            checks.emplace_back(r.where, fmt::format("lolpop::check_setting_sum({{{}}}, {}, {}, {});", fmt::join(members, ", "),
                                                     cpp_double_literal(r.equals), cpp_string_literal(fmt::format("{}", fmt::join(r.sum, " + "))),
                                                     cpp_string_literal(path)));
        }
        if (checks.empty()) return;
        w_.line("    {");
        w_.line(fmt::format("        const auto& c = {};", access));
        for (const auto& [where, check] : checks) {
            w_.at(where);  // a declaration of a member the C++ config lacks is an error at the registry's line
            w_.line("        " + check);
            w_.back_to_header();
        }
        w_.line("    }");
    }

    std::string declaration_check(const setting_declaration& d, const std::string& path, const pipeline_binding* p) {
        const std::string member = "c." + d.name;
        const std::string where = cpp_string_literal(path + "." + d.name);
        if (d.range) return fmt::format("lolpop::check_range({}, {}, {});", member, range_literal(*d.range), where);
        if (!d.one_of.empty()) {
            const std::vector<std::string>* allowed = d.names_for(wf_.runner->task);
            return allowed ? fmt::format("lolpop::check_one_of({}, {}, {});", member, names_list(*allowed), where) : "";
        }
        if (const component_binding* b = d.keys_of.empty() || !p ? nullptr : binding_of(p->components, d.keys_of); b && b->component)
            return fmt::format("lolpop::check_setting_keys({}, {}, {}, {});", member, names_list(b->component->setting_names()),
                               cpp_string_literal(b->component->name), where);
        if (!d.requires_role.empty() && !binding_at(wf_, d.requires_role))
            return fmt::format("if ({}) throw lolpop::error({}, \"settings\");", member,
                               cpp_string_literal(fmt::format("{}.{} is on, but it needs a {} and none is bound", path, d.name,
                                                              d.requires_role)));
        return "";
    }


    header_writer& w_;
    const workflow& wf_;
};

}  // namespace

std::string emit_header(const workflow& wf, const registry& reg, const header_identity& id) {
    constexpr std::string_view delimiter = "lolpop_profile";
    if (id.text.find(fmt::format("){}\"", delimiter)) != std::string::npos)
        throw fatal_error(location{}, fmt::format("the resolved profile contains '){}\"', which would end the raw string "
                                                  "that stores it",
                                                  delimiter));

    header_writer w(id.header_path);
    w.line(fmt::format("// Generated by lolpop-gen {} from {}. Do not edit.", generator_version, id.source));
    w.line("#pragma once");
    // First, so that a wrong binding's error, which is in this header, comes with the shortest
    // include chain.
    for (std::string_view header : {"composition/check_binding", "core/profile_info", "configuration/setting_value", "configuration/setting_rules",
                                    "composition/settings", "composition/role", "composition/bind", "composition/registry_component"})
        w.line(fmt::format("#include <lolpop/{}.hpp>", header));
    w.line("#include <limits>");
    std::vector<std::string> headers = headers_of(wf);
    for (const auto& [e, roles] : used_components(wf))  // the stand-ins of registry_checks()
        if (const registry_entry* fallback = fallback_component(roles, reg);
            fallback && std::find(headers.begin(), headers.end(), fallback->header) == headers.end())
            headers.push_back(fallback->header);
    for (const auto& h : headers) w.line(fmt::format("#include <{}>", h));
    w.line("");
    w.line("namespace lolpop_profile {");
    w.line("");
    w.line(fmt::format("inline constexpr lolpop::profile_info info{{{}, {}, {}, R\"{}({}){}\"}};", cpp_string_literal(id.name),
                       cpp_string_literal(id.build_id), cpp_string_literal(id.source), delimiter, id.text, delimiter));
    w.line("");
    registry_checks(w, wf, reg);

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
        for (const std::string& text : setting_types_check(*component, component_type(*component), where, line_directive)) w.line(text);
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
    w.line("// The registry's declarations of the settings' values, on the effective settings (--set included).");
    w.line("inline void check_settings([[maybe_unused]] const workflow::settings& s) {");
    rules_writer(w, wf).write();
    w.line("}");
    w.line("");
    w.line("}  // namespace lolpop_profile");
    return w.take();
}

}  // namespace lolpop::gen
