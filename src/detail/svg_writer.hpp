#pragma once
// The plotting primitives behind svg_model_visualizer and the run report: escaped text, nice
// axis ticks, an SVG document and the frame of an x-y plot. Hand-written SVG keeps lolpop free of
// a plotting library; the files stand alone and can also be inlined into an HTML page, so they
// use no element ids (two plots on one page must not clash).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop::detail {

// `text` safe for XML (and HTML) character data and quoted attribute values: markup characters
// become entities, and bytes XML cannot carry (control characters, malformed UTF-8) become
// U+FFFD, because labels and column names come from any input file.
std::string xml_escape(std::string_view text);

// A coordinate or value the way SVG reads it: at most 6 significant digits, '.' as separator in
// every locale.
std::string svg_number(double v);

// Tick values at a step of 1, 2 or 5 times a power of ten, about `target` of them, inside
// [lo, hi]. Requires lo < hi, both finite.
std::vector<double> nice_ticks(double lo, double hi, int target);

// A tick label: the value rounded to the precision its step shows, so that 0.1 + 0.2 reads 0.3.
std::string tick_label(double value, double step);

struct point {
    double x = 0;
    double y = 0;
};

// The colour of series k: a palette that stays distinguishable for colour-blind readers.
std::string_view series_color(std::size_t k);

class svg_document {
public:
    // An SVG of width x height pixels with a white background, the title as its <title> and as a
    // heading at the top.
    svg_document(int width, int height, std::string_view title);

    int width() const noexcept { return width_; }
    int height() const noexcept { return height_; }

    // `attributes` are further attributes written as given (callers escape any text in them).
    void rect(double x, double y, double w, double h, std::string_view attributes);
    void line(double x1, double y1, double x2, double y2, std::string_view attributes);
    void circle(double cx, double cy, double r, std::string_view attributes);
    void polyline(std::span<const point> points, std::string_view attributes);
    // `content` is escaped here.
    void text(double x, double y, std::string_view content, std::string_view attributes);
    // Opens and closes a <g> element; every open_group needs its close_group.
    void open_group(std::string_view attributes);
    void close_group();

    // The finished document.
    std::string str() const;

private:
    int width_;
    int height_;
    std::string body_;
};

// A legend line: a colour swatch (a dashed line when `dashed`) and its label.
struct legend_entry {
    std::string label;
    std::string color;
    bool dashed = false;
    bool marker = false;  // a dot rather than a line, for scatter series
};

enum class legend_corner { top_left, top_right, bottom_left, bottom_right };

// The frame of an x-y plot inside a document: the plot area, both axes with ticks and tick
// labels, grid lines and the axis titles. Data outside [lo, hi] is drawn where it falls.
class xy_plot {
public:
    struct axis {
        std::string title;
        double lo;
        double hi;
    };

    xy_plot(svg_document& doc, axis x, axis y);

    double px(double x) const noexcept;
    double py(double y) const noexcept;

    // A line through `points` whose points attribute holds the data values themselves, mapped to
    // the plot area by a transform: what the file says is exactly what was computed. The stroke
    // keeps its width under the scaling.
    void curve(std::span<const point> points, std::string_view color, bool dashed, std::string_view css_class);
    void dots(std::span<const point> points, std::string_view color);
    void legend(const std::vector<legend_entry>& entries, legend_corner corner);

private:
    svg_document& doc_;
    axis x_;
    axis y_;
    double left_, top_, right_, bottom_;
};

}  // namespace lolpop::detail
