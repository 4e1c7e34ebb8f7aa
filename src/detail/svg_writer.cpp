#include "detail/svg_writer.hpp"
#include "detail/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace lolpop::detail {

namespace {

constexpr double plot_left = 72, plot_right_margin = 24, plot_top = 48, plot_bottom_margin = 56;
// Approximate advance of a 12 px sans-serif character, to size legend boxes.
constexpr double char_width = 6.5;

}  // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = utf8_sequence_length(text.substr(i));
            if (length == 0) {
                out += "&#xFFFD;";
                ++i;
            } else {
                out += text.substr(i, length);
                i += length;
            }
            continue;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\t':
            case '\n':
            case '\r': out += static_cast<char>(c); break;
            default:
                if (c < 0x20 || c == 0x7F) out += "&#xFFFD;";
                else out += static_cast<char>(c);
        }
        ++i;
    }
    return out;
}

std::string svg_number(double v) { return fmt::format("{:.6g}", v == 0 ? 0.0 : v); }

std::vector<double> nice_ticks(double lo, double hi, int target) {
    const double raw = (hi - lo) / std::max(target, 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalized = raw / magnitude;
    const double step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
    // Indices rather than repeated addition, so that rounding does not accumulate.
    const double first = std::ceil(lo / step - 1e-9);
    std::vector<double> ticks;
    for (double k = first; k * step <= hi + step * 1e-9; ++k) ticks.push_back(k * step);
    return ticks;
}

std::string tick_label(double value, double step) {
    if (std::fabs(value) < std::fabs(step) * 1e-9) return "0";
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(std::fabs(step)) + 1e-9)));
    return fmt::format("{:.{}f}", value, decimals);
}

std::string_view series_color(std::size_t k) {
    // Okabe and Ito's palette.
    static constexpr std::array<std::string_view, 8> palette{"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                             "#E69F00", "#56B4E9", "#F0E442", "#000000"};
    return palette[k % palette.size()];
}

svg_document::svg_document(int width, int height, std::string_view title) : width_(width), height_(height) {
    const std::string escaped = xml_escape(title);
    body_ = fmt::format("<title>{}</title>\n<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", escaped, width, height);
    body_ += fmt::format("<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{}</text>\n",
                         svg_number(width / 2.0), escaped);
}

void svg_document::rect(double x, double y, double w, double h, std::string_view attributes) {
    body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>\n", svg_number(x), svg_number(y),
                         svg_number(w), svg_number(h), attributes);
}

void svg_document::line(double x1, double y1, double x2, double y2, std::string_view attributes) {
    body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\n", svg_number(x1), svg_number(y1),
                         svg_number(x2), svg_number(y2), attributes);
}

void svg_document::circle(double cx, double cy, double r, std::string_view attributes) {
    body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {}/>\n", svg_number(cx), svg_number(cy), svg_number(r),
                         attributes);
}

void svg_document::polyline(std::span<const point> points, std::string_view attributes) {
    std::string coordinates;
    for (const point& p : points) {
        if (!coordinates.empty()) coordinates += ' ';
        coordinates += svg_number(p.x) + "," + svg_number(p.y);
    }
    body_ += fmt::format("<polyline points=\"{}\" {}/>\n", coordinates, attributes);
}

void svg_document::text(double x, double y, std::string_view content, std::string_view attributes) {
    body_ += fmt::format("<text x=\"{}\" y=\"{}\" {}>{}</text>\n", svg_number(x), svg_number(y), attributes,
                         xml_escape(content));
}

void svg_document::open_group(std::string_view attributes) { body_ += fmt::format("<g {}>\n", attributes); }

void svg_document::close_group() { body_ += "</g>\n"; }

std::string svg_document::str() const {
    return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
                       "role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n{2}</svg>\n",
                       width_, height_, body_);
}

xy_plot::xy_plot(svg_document& doc, axis x, axis y)
    : doc_(doc), x_(std::move(x)), y_(std::move(y)), left_(plot_left), top_(plot_top),
      right_(doc.width() - plot_right_margin), bottom_(doc.height() - plot_bottom_margin) {
    const std::vector<double> x_ticks = nice_ticks(x_.lo, x_.hi, 6);
    const std::vector<double> y_ticks = nice_ticks(y_.lo, y_.hi, 6);
    const double x_step = x_ticks.size() > 1 ? x_ticks[1] - x_ticks[0] : x_.hi - x_.lo;
    const double y_step = y_ticks.size() > 1 ? y_ticks[1] - y_ticks[0] : y_.hi - y_.lo;
    doc_.open_group("class=\"grid\" stroke=\"#e5e5e5\"");
    for (double t : x_ticks) doc_.line(px(t), top_, px(t), bottom_, "");
    for (double t : y_ticks) doc_.line(left_, py(t), right_, py(t), "");
    doc_.close_group();
    doc_.open_group("class=\"axes\" stroke=\"#333333\"");
    doc_.line(left_, bottom_, right_, bottom_, "");
    doc_.line(left_, top_, left_, bottom_, "");
    for (double t : x_ticks) doc_.line(px(t), bottom_, px(t), bottom_ + 5, "");
    for (double t : y_ticks) doc_.line(left_ - 5, py(t), left_, py(t), "");
    doc_.close_group();
    doc_.open_group("class=\"tick-labels\" fill=\"#333333\"");
    for (double t : x_ticks) doc_.text(px(t), bottom_ + 18, tick_label(t, x_step), "text-anchor=\"middle\"");
    for (double t : y_ticks) doc_.text(left_ - 8, py(t) + 4, tick_label(t, y_step), "text-anchor=\"end\"");
    doc_.close_group();
    doc_.text((left_ + right_) / 2, bottom_ + 40, x_.title, "class=\"axis-title\" text-anchor=\"middle\" font-size=\"13\"");
    const double y_mid = (top_ + bottom_) / 2;
    doc_.text(18, y_mid, y_.title,
              fmt::format("class=\"axis-title\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 {})\"",
                          svg_number(y_mid)));
}

double xy_plot::px(double x) const noexcept { return left_ + (x - x_.lo) / (x_.hi - x_.lo) * (right_ - left_); }

double xy_plot::py(double y) const noexcept { return bottom_ - (y - y_.lo) / (y_.hi - y_.lo) * (bottom_ - top_); }

void xy_plot::curve(std::span<const point> points, std::string_view color, bool dashed, std::string_view css_class) {
    const double sx = (right_ - left_) / (x_.hi - x_.lo);
    const double sy = (bottom_ - top_) / (y_.hi - y_.lo);
    doc_.open_group(fmt::format("transform=\"translate({} {}) scale({} {}) translate({} {})\"", svg_number(left_),
                                svg_number(bottom_), svg_number(sx), svg_number(-sy), svg_number(-x_.lo),
                                svg_number(-y_.lo)));
    doc_.polyline(points, fmt::format("class=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" "
                                      "stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\"{}",
                                      css_class, color, dashed ? " stroke-dasharray=\"5 4\"" : ""));
    doc_.close_group();
}

void xy_plot::dots(std::span<const point> points, std::string_view color) {
    doc_.open_group(fmt::format("class=\"dots\" fill=\"{}\" fill-opacity=\"0.55\"", color));
    for (const point& p : points) doc_.circle(px(p.x), py(p.y), 3, "");
    doc_.close_group();
}

void xy_plot::legend(const std::vector<legend_entry>& entries, legend_corner corner) {
    if (entries.empty()) return;
    std::size_t longest = 0;
    for (const legend_entry& e : entries) longest = std::max(longest, e.label.size());
    const double w = 44 + char_width * static_cast<double>(longest);
    const double h = 10 + 18 * static_cast<double>(entries.size());
    const bool left = corner == legend_corner::top_left || corner == legend_corner::bottom_left;
    const bool top = corner == legend_corner::top_left || corner == legend_corner::top_right;
    const double x = left ? left_ + 10 : right_ - 10 - w;
    const double y = top ? top_ + 10 : bottom_ - 10 - h;
    doc_.open_group("class=\"legend\"");
    doc_.rect(x, y, w, h, "fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#999999\"");
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const legend_entry& e = entries[k];
        const double row = y + 14 + 18 * static_cast<double>(k);
        const std::string color = xml_escape(e.color);
        if (e.marker)
            doc_.circle(x + 19, row - 4, 4, fmt::format("fill=\"{}\"", color));
        else
            doc_.line(x + 8, row - 4, x + 30, row - 4,
                      fmt::format("stroke=\"{}\" stroke-width=\"2\"{}", color, e.dashed ? " stroke-dasharray=\"5 4\"" : ""));
        doc_.text(x + 36, row, e.label, "");
    }
    doc_.close_group();
}

}  // namespace lolpop::detail
