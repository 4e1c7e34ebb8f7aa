#include <lolpop/data/atomic_file.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/report/run_report.hpp>

#include "detail/svg_writer.hpp"
#include "detail/utc_timestamp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <set>

namespace lolpop {

namespace {

using detail::xml_escape;

constexpr std::string_view style = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2328;
       margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 32px; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
pre { background: #f6f8fa; padding: 12px; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #eaeef2; vertical-align: top; }
th { color: #59636e; font-weight: 600; }
td.number { font-variant-numeric: tabular-nums; text-align: right; }
tr.perf td { font-weight: 600; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
dl.summary dt { color: #59636e; }
dl.summary dd { margin: 0; }
.status { display: inline-block; min-width: 3em; text-align: center; border-radius: 10px; padding: 0 8px;
          font-size: 13px; font-weight: 600; color: #ffffff; }
.status.ok { background: #1a7f37; }
.status.warn { background: #9a6700; }
.status.error { background: #cf222e; }
.note { color: #59636e; }
.plots { display: flex; flex-wrap: wrap; gap: 16px; }
figure { margin: 0; border: 1px solid #d0d7de; padding: 8px; flex: 0 1 520px; min-width: 320px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: #59636e; margin-top: 4px; }
details { margin: 8px 0 16px; }
summary { cursor: pointer; }
)";

std::string status_badge(check_status s) {
    return fmt::format("<span class=\"status {0}\">{0}</span>", to_string(s));
}

std::string metric_text(double v) { return std::isnan(v) ? "undefined" : fmt::format("{:.4f}", v); }

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_drift(const report& r) {
    const std::string title = lowercase(r.title);
    return title.find("drift") != std::string::npos || title.find("comparison") != std::string::npos;
}

bool has_svg_extension(const std::string& path) { return lowercase(std::filesystem::path(path).extension().string()) == ".svg"; }

class page {
public:
    void add(std::string_view html) { out_ += html; }
    template <class... Args>
    void add(fmt::format_string<Args...> f, Args&&... args) {
        out_ += fmt::format(f, std::forward<Args>(args)...);
    }
    std::string& str() { return out_; }

private:
    std::string out_;
};

void summary_section(page& p, const run_report_data& d, check_status overall) {
    const profile_info& profile = d.profile;
    p.add("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n");
    p.add("<dt>profile</dt><dd><span class=\"profile-name\">{}</span>{}</dd>\n", xml_escape(profile.name),
          profile.source.empty() ? std::string() : fmt::format(" <span class=\"note\">({})</span>", xml_escape(profile.source)));
    p.add("<dt>build id</dt><dd><code>{}</code></dd>\n", xml_escape(profile.build_id));
    p.add("<dt>checks</dt><dd>{} <span class=\"note\">{} report{}</span></dd>\n", status_badge(overall), d.reports.size(),
          d.reports.size() == 1 ? "" : "s");
    p.add("<dt>dataset</dt><dd>'{}' version <code>{}</code>: {} rows &#215; {} columns</dd>\n", xml_escape(d.data.dataset_name),
          xml_escape(d.data.id), d.data.rows, d.data.cols);
    p.add("<dt>split</dt><dd><span class=\"split\">train {} rows, validation {}, test {}</span></dd>\n", d.split.train,
          d.split.valid, d.split.test);
    p.add("<dt>model</dt><dd>'{}' version {} <code>{}</code>, trained by {}</dd>\n", xml_escape(d.model.model_name),
          d.model.version, xml_escape(d.model.id), xml_escape(d.model.trainer));
    if (d.deployed)
        p.add("<dt>deployment</dt><dd>version <code>{}</code> deployed at <code>{}</code> ({})</dd>\n",
              xml_escape(d.deployed->model_version_id), xml_escape(d.deployed->uri), xml_escape(d.deployed->deployed_at));
    else
        p.add("<dt>deployment</dt><dd>not deployed{}</dd>\n",
              replaces_champion(d.verdict) ? "" : ": the deployed model scored better and stays");
    p.add("<dt>prediction job</dt><dd><code>{}</code>: {} rows with model version <code>{}</code> written to <code>{}</code></dd>\n",
          xml_escape(d.prediction.id), d.prediction.rows, xml_escape(d.prediction.model_version_id),
          xml_escape(d.prediction.output_uri));
    p.add("<dt>written</dt><dd>{}</dd>\n</dl>\n</section>\n", detail::utc_timestamp());
}

void metrics_section(page& p, const run_report_data& d) {
    p.add("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
    std::set<std::string> names;
    for (const auto& [name, value] : d.test_metrics) names.insert(name);
    for (const auto& [name, value] : d.prediction_metrics) names.insert(name);
    const bool truth = !d.prediction_metrics.empty();
    p.add("<table class=\"metrics\">\n<thead><tr><th>metric</th><th>test part</th>{}</tr></thead>\n<tbody>\n",
          truth ? "<th>predict data (ground truth)</th>" : "");
    const auto cell = [](const metric_values& m, const std::string& name) {
        const auto it = m.find(name);
        return it == m.end() ? std::string("&#8212;") : metric_text(it->second);
    };
    for (const std::string& name : names) {
        const bool perf = name == d.perf_metric;
        p.add("<tr class=\"metric{}\"><td>{}{}</td><td class=\"number\">{}</td>", perf ? " perf" : "", xml_escape(name),
              perf ? " (perf_metric)" : "", cell(d.test_metrics, name));
        if (truth) p.add("<td class=\"number\">{}</td>", cell(d.prediction_metrics, name));
        p.add("</tr>\n");
    }
    p.add("</tbody>\n</table>\n");
    if (d.deployed_score && d.challenger_score) {
        p.add("<p class=\"champion\">On the {} test rows the model deployed before this run never learned from, it "
              "scores {} = {}; the new model, as evaluated, scores {} and {}.</p>\n",
              d.compared_rows, xml_escape(d.perf_metric), metric_text(*d.deployed_score), metric_text(*d.challenger_score),
              replaces_champion(d.verdict) ? "wins" : "loses");
    } else if (d.deployed_score) {
        const auto it = d.test_metrics.find(d.perf_metric);
        p.add("<p class=\"champion\">The model deployed before this run scores {} = {} on the same test rows; the new model "
              "scores {} and {}.</p>\n",
              xml_escape(d.perf_metric), metric_text(*d.deployed_score),
              it == d.test_metrics.end() ? std::string("&#8212;") : metric_text(it->second),
              replaces_champion(d.verdict) ? "wins" : "loses");
    }
    p.add("</section>\n");
}

// The <svg> element of a file, without the XML declaration or doctype an SVG file may start
// with; nothing when the file holds no <svg> element.
std::optional<std::string> svg_element(const std::string& content) {
    const auto start = content.find("<svg");
    const auto end = content.rfind("</svg>");
    if (start == std::string::npos || end == std::string::npos || end < start) return std::nullopt;
    return content.substr(start, end + 6 - start);
}

void plots_section(page& p, const run_report_data& d) {
    p.add("<section id=\"plots\">\n<h2>Plots</h2>\n");
    std::vector<std::string> others;
    std::string figures;
    for (const std::string& file : d.files) {
        const std::string name = std::filesystem::path(file).filename().string();
        if (!has_svg_extension(file)) {
            others.push_back(fmt::format("<li><code>{}</code></li>", xml_escape(file)));
            continue;
        }
        try {
            if (const auto svg = svg_element(read_file(file)))
                figures += fmt::format("<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>\n", *svg, xml_escape(name));
            else
                others.push_back(fmt::format("<li><code>{}</code> <span class=\"note\">(holds no &lt;svg&gt; element)</span></li>",
                                             xml_escape(file)));
        } catch (const error& e) {
            others.push_back(fmt::format("<li><code>{}</code> <span class=\"note\">({})</span></li>", xml_escape(file),
                                         xml_escape(e.what_happened())));
        }
    }
    if (figures.empty())
        p.add("<p class=\"note\">No plots: bind a model_visualizer (svg_model_visualizer) in [train.components].</p>\n");
    else
        p.add("<div class=\"plots\">\n{}</div>\n", figures);
    if (!others.empty()) {
        p.add("<p>Other files the run wrote:</p>\n<ul class=\"files\">\n");
        for (const std::string& li : others) p.add("{}\n", li);
        p.add("</ul>\n");
    }
    p.add("</section>\n");
}

void findings_table(page& p, const report& r) {
    if (r.findings.empty()) return;
    p.add("<table class=\"findings\">\n<thead><tr><th>status</th><th>subject</th><th>finding</th></tr></thead>\n<tbody>\n");
    for (const finding& f : r.findings)
        p.add("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", status_badge(f.status), xml_escape(f.subject),
              xml_escape(f.message));
    p.add("</tbody>\n</table>\n");
}

void reports_section(page& p, const std::vector<const report*>& reports, std::string_view id, std::string_view heading,
                     std::string_view none) {
    p.add("<section id=\"{}\">\n<h2>{}</h2>\n", id, heading);
    if (reports.empty()) {
        p.add("<p class=\"note\">{}</p>\n</section>\n", none);
        return;
    }
    p.add("<table class=\"reports\">\n<thead><tr><th>report</th><th>status</th><th>findings</th></tr></thead>\n<tbody>\n");
    for (const report* r : reports)
        p.add("<tr class=\"check\" data-status=\"{}\"><td>{}</td><td>{}</td><td class=\"number\">{}</td></tr>\n",
              to_string(r->status()), xml_escape(r->title), status_badge(r->status()), r->findings.size());
    p.add("</tbody>\n</table>\n");
    for (const report* r : reports) {
        if (r->findings.empty()) continue;
        p.add("<details{}>\n<summary>{} {}</summary>\n", r->status() == check_status::ok ? "" : " open=\"open\"",
              xml_escape(r->title), status_badge(r->status()));
        findings_table(p, *r);
        p.add("</details>\n");
    }
    p.add("</section>\n");
}

void workflow_section(page& p, const run_report_data& d) {
    p.add("<section id=\"workflow\">\n<h2>Workflow</h2>\n");
    p.add("<table class=\"workflow\">\n<thead><tr><th>role</th><th>bound to</th><th>settings</th></tr></thead>\n<tbody>\n");
    for (const described_part& part : d.workflow) {
        std::string settings;
        for (const auto& [key, value] : part.settings)
            settings += fmt::format("{}<code>{} = {}</code>", settings.empty() ? "" : "<br/>", xml_escape(key), xml_escape(value));
        p.add("<tr><td style=\"padding-left: {}em\">{}</td><td><code>{}</code></td><td>{}</td></tr>\n", 1.5 * static_cast<double>(part.depth()),
              part.path.empty() ? std::string("runner") : xml_escape(part.path), xml_escape(part.type), settings);
    }
    p.add("</tbody>\n</table>\n");
    if (!d.profile.text.empty())
        p.add("<details>\n<summary>Resolved profile</summary>\n<pre>{}</pre>\n</details>\n", xml_escape(d.profile.text));
    p.add("</section>\n");
}

}  // namespace

void write_run_report(const std::string& path, const run_report_data& d) {
    check_status overall = check_status::ok;
    std::vector<const report*> checks, drift;
    for (const report& r : d.reports) {
        overall = std::max(overall, r.status());
        (is_drift(r) ? drift : checks).push_back(&r);
    }

    page p;
    p.add("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    p.add("<title>lolpop run report: {} (profile {})</title>\n", xml_escape(d.model.model_name), xml_escape(d.profile.name));
    p.add("<style>{}</style>\n</head>\n<body>\n", style);
    p.add("<header>\n<h1>lolpop run report</h1>\n<p>Profile <strong>{}</strong>, model <strong>{}</strong> version {}: "
          "checks {}</p>\n</header>\n",
          xml_escape(d.profile.name), xml_escape(d.model.model_name), d.model.version, status_badge(overall));
    summary_section(p, d, overall);
    metrics_section(p, d);
    plots_section(p, d);
    reports_section(p, checks, "checks", "Checks",
                    "No check reports: bind a data_checker, model_checker or model_bias_checker to see them here.");
    reports_section(p, drift, "drift", "Drift",
                    "No drift reports: bind a data_profiler to compare new data with the data the model was trained on.");
    workflow_section(p, d);
    p.add("</body>\n</html>\n");
    write_file_atomically(path, p.str());
}

}  // namespace lolpop
