#include <lolpop/data/row_layout.hpp>

#include <limits>

namespace lolpop {

row_layout layout_of(const frame& X) {
    row_layout out;
    out.reserve(X.cols());
    for (const column& c : X.columns()) out.push_back({c.name(), c.type(), c.categories()});
    return out;
}

std::vector<double> row_values(const column& c) {
    constexpr double missing = std::numeric_limits<double>::quiet_NaN();
    const std::size_t n = c.size();
    std::vector<double> out(n, missing);
    switch (c.type()) {
        case column_type::numeric: {
            const auto v = c.numeric_values();
            out.assign(v.begin(), v.end());
            break;
        }
        case column_type::integer: {
            const auto v = c.integer_values();
            for (std::size_t i = 0; i < n; ++i)
                if (!c.is_missing(i)) out[i] = static_cast<double>(v[i]);
            break;
        }
        case column_type::categorical: {
            const auto codes = c.codes();
            for (std::size_t i = 0; i < n; ++i)
                if (codes[i] >= 0) out[i] = codes[i];
            break;
        }
    }
    return out;
}

}  // namespace lolpop
