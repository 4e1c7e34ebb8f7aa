#include <lolpop/components/data_transformer/column_transformer.hpp>

#include <lolpop/configuration/did_you_mean.hpp>
#include <lolpop/core/error.hpp>
#include <lolpop/core/frame_views.hpp>

#include <fmt/format.h>
#include <range/v3/range/conversion.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace lolpop {
namespace {

constexpr std::string_view setting = "column_transformer";

std::string where(std::string_view key) { return fmt::format("{}.{}", setting, key); }

enum class op { number, column, negate, add, subtract, multiply, divide, power, log, exp, sqrt, abs, min, max };

struct function_info {
    std::string_view name;
    op kind;
    std::size_t arity;
};

constexpr function_info functions[] = {
    {"log", op::log, 1}, {"exp", op::exp, 1}, {"sqrt", op::sqrt, 1},
    {"abs", op::abs, 1}, {"min", op::min, 2}, {"max", op::max, 2},
};

struct expr {
    op kind = op::number;
    double number = 0;
    std::string column;
    std::vector<expr> args;
};

// Recursive descent over
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?          right-associative, binds tighter than unary minus
//   primary := number | column | function '(' sum (',' sum)* ')' | '(' sum ')'
class expression_parser {
public:
    expression_parser(std::string_view text, std::string_view column) : text_(text), column_(column) {}

    expr parse() {
        expr e = sum();
        skip_space();
        if (pos_ < text_.size()) fail(fmt::format("unexpected '{}'", text_[pos_]));
        return e;
    }

private:
    [[noreturn]] void fail(std::string_view problem) const {
        throw error(fmt::format("{} at position {} of '{}'", problem, pos_ + 1, text_), where("derive." + column_));
    }

    void skip_space() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    }

    bool accept(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    static expr binary(op kind, expr lhs, expr rhs) {
        expr e{kind, 0, {}, {}};
        e.args.push_back(std::move(lhs));
        e.args.push_back(std::move(rhs));
        return e;
    }

    expr sum() {
        expr lhs = product();
        for (;;) {
            if (accept('+'))
                lhs = binary(op::add, std::move(lhs), product());
            else if (accept('-'))
                lhs = binary(op::subtract, std::move(lhs), product());
            else
                return lhs;
        }
    }

    expr product() {
        expr lhs = unary();
        for (;;) {
            if (accept('*'))
                lhs = binary(op::multiply, std::move(lhs), unary());
            else if (accept('/'))
                lhs = binary(op::divide, std::move(lhs), unary());
            else
                return lhs;
        }
    }

    expr unary() {
        if (accept('-')) {
            expr e{op::negate, 0, {}, {}};
            e.args.push_back(unary());
            return e;
        }
        if (accept('+')) return unary();
        expr base = primary();
        if (accept('^')) return binary(op::power, std::move(base), unary());
        return base;
    }

    static bool identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
    static bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    expr primary() {
        skip_space();
        if (pos_ >= text_.size()) fail("expected a number, a column or '(' but the expression ends");
        const char c = text_[pos_];
        if (c == '(') {
            ++pos_;
            expr inner = sum();
            if (!accept(')')) fail("expected ')'");
            return inner;
        }
        if (c == '`') {
            const std::size_t close = text_.find('`', pos_ + 1);
            if (close == std::string_view::npos) fail("unterminated `quoted` column name");
            if (close == pos_ + 1) fail("empty `` column name");
            expr e{op::column, 0, std::string(text_.substr(pos_ + 1, close - pos_ - 1)), {}};
            pos_ = close + 1;
            return e;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (identifier_start(c)) {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && identifier_char(text_[pos_])) ++pos_;
            const std::string_view name = text_.substr(start, pos_ - start);
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == '(') {
                pos_ = start;
                return call(name);
            }
            return expr{op::column, 0, std::string(name), {}};
        }
        fail(fmt::format("expected a number, a column or '(' but found '{}'", c));
    }

    expr number() {
        // from_chars would also take "inf" and "nan"; a number here is digits only.
        const std::size_t start = pos_;
        while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.'))
            ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            std::size_t p = pos_ + 1;
            if (p < text_.size() && (text_[p] == '+' || text_[p] == '-')) ++p;
            if (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) {
                pos_ = p;
                while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
            }
        }
        double v = 0;
        const auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, v);
        if (ec != std::errc() || end != text_.data() + pos_) {
            const std::string_view bad = text_.substr(start, pos_ - start);
            pos_ = start;
            fail(fmt::format("'{}' is not a number", bad));
        }
        return expr{op::number, v, {}, {}};
    }

    expr call(std::string_view name) {
        const auto* f = std::find_if(std::begin(functions), std::end(functions),
                                     [&](const function_info& fi) { return fi.name == name; });
        if (f == std::end(functions)) {
            std::vector<std::string_view> names;
            for (const auto& fi : functions) names.push_back(fi.name);
            fail(fmt::format("unknown function '{}'{}", name, did_you_mean(name, names)));
        }
        pos_ += name.size();
        accept('(');
        expr e{f->kind, 0, {}, {}};
        e.args.push_back(sum());
        while (accept(',')) e.args.push_back(sum());
        if (!accept(')')) fail("expected ')' or ','");
        if (e.args.size() != f->arity)
            fail(
                fmt::format("{} takes {} argument{}, got {}", name, f->arity, f->arity == 1 ? "" : "s", e.args.size()));
        return e;
    }

    std::string_view text_;
    std::string column_;
    std::size_t pos_ = 0;
};

void collect_columns(const expr& e, std::set<std::string>& out) {
    if (e.kind == op::column) out.insert(e.column);
    for (const auto& a : e.args) collect_columns(a, out);
}

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

double apply(op kind, double a, double b) {
    // pow(x, 0) and pow(1, x) are 1 even for NaN, which would turn a missing input into a value.
    if (std::isnan(a) || std::isnan(b)) return missing;
    switch (kind) {
        case op::add: return a + b;
        case op::subtract: return a - b;
        case op::multiply: return a * b;
        case op::divide: return a / b;
        case op::power: return std::pow(a, b);
        case op::min: return std::min(a, b);
        case op::max: return std::max(a, b);
        default: return missing;
    }
}

double apply(op kind, double a) {
    switch (kind) {
        case op::negate: return -a;
        case op::log: return std::log(a);
        case op::exp: return std::exp(a);
        case op::sqrt: return std::sqrt(a);
        case op::abs: return std::abs(a);
        default: return missing;
    }
}

}  // namespace

struct column_transformer::derivation {
    std::string name;
    expr root;
    std::set<std::string> columns;

    // One pass per node over whole columns, so the tree is walked once, not once per row.
    std::vector<double> evaluate(const expr& e, const frame& data) const {
        const std::size_t n = data.rows();
        switch (e.kind) {
            case op::number: return std::vector<double>(n, e.number);
            case op::column: {
                if (!data.has(e.column)) {
                    auto names = data.names();
                    throw error(fmt::format("no column named '{}'{}", e.column, did_you_mean(e.column, names)),
                                where("derive." + name));
                }
                const column& c = data[e.column];
                if (c.type() == column_type::categorical)
                    throw error(fmt::format("column '{}' is categorical; expressions need numeric or integer columns",
                                            e.column),
                                where("derive." + name));
                return views::as_doubles(c) | ranges::to<std::vector>();
            }
            default: break;
        }
        std::vector<double> lhs = evaluate(e.args[0], data);
        if (e.args.size() == 1) {
            for (double& v : lhs) v = apply(e.kind, v);
        } else {
            const std::vector<double> rhs = evaluate(e.args[1], data);
            for (std::size_t i = 0; i < n; ++i) lhs[i] = apply(e.kind, lhs[i], rhs[i]);
        }
        return lhs;
    }
};

column_transformer::column_transformer(const config& cfg, context&) : config_(cfg) {
    std::set<std::string> selected;
    for (const auto& name : cfg.select)
        if (!selected.insert(name).second) throw error(fmt::format("'{}' is selected twice", name), where("select"));
    std::set<std::string> new_names;
    for (const auto& [from, to] : cfg.rename) {
        if (to.empty()) throw error(fmt::format("'{}' is renamed to an empty name", from), where("rename"));
        if (!new_names.insert(to).second)
            throw error(fmt::format("two columns are renamed to '{}'", to), where("rename"));
    }

    std::map<std::string, std::shared_ptr<derivation>> parsed;
    for (const auto& [name, text] : cfg.derive) {
        if (name.empty()) throw error("a derived column needs a name", where("derive"));
        auto d = std::make_shared<derivation>();
        d->name = name;
        d->root = expression_parser(text, name).parse();
        collect_columns(d->root, d->columns);
        parsed.emplace(name, std::move(d));
    }
    // Depth-first, so that a derived column used by another is computed first. A column that
    // names itself means the input column it replaces, not a cycle.
    enum class mark { none, active, done };
    std::map<std::string, mark> marks;
    auto visit = [&](auto& self, const std::string& name, const std::string& from) -> void {
        mark& m = marks[name];
        if (m == mark::done) return;
        if (m == mark::active)
            throw error(fmt::format("derived columns '{}' and '{}' depend on each other", from, name), where("derive"));
        m = mark::active;
        const auto& d = parsed.at(name);
        for (const auto& used : d->columns)
            if (used != name && parsed.count(used)) self(self, used, name);
        marks[name] = mark::done;
        derivations_.push_back(d);
    };
    for (const auto& [name, d] : parsed) visit(visit, name, name);

    for (const auto& [name, type] : cfg.cast) casts_.emplace_back(name, parse_column_type(type, where("cast." + name)));
}

frame column_transformer::transform(const frame& data) const {
    auto require = [](const frame& f, const std::string& name, std::string_view key) {
        if (f.has(name)) return;
        auto names = f.names();
        throw error(fmt::format("no column named '{}'{}", name, did_you_mean(name, names)), where(key));
    };

    frame out = data;
    if (!config_.select.empty()) {
        for (const auto& name : config_.select) require(out, name, "select");
        out = out.select(config_.select);
    }
    for (const auto& name : config_.drop) require(out, name, "drop");
    out = out.drop(config_.drop);

    if (!config_.rename.empty()) {
        for (const auto& [from, to] : config_.rename) require(out, from, "rename");
        std::vector<column> columns = out.columns();
        std::set<std::string> seen;
        for (auto& c : columns) {
            if (auto it = config_.rename.find(c.name()); it != config_.rename.end()) c.rename(it->second);
            if (!seen.insert(c.name()).second)
                throw error(fmt::format("renaming gives two columns named '{}'", c.name()), where("rename"));
        }
        out = frame(std::move(columns));
    }

    for (const auto& d : derivations_) {
        column c = column::numeric(d->name, d->evaluate(d->root, out));
        if (out.has(d->name))
            out[d->name] = std::move(c);
        else
            out.add(std::move(c));
    }

    for (const auto& [name, type] : casts_) {
        require(out, name, "cast");
        try {
            out[name] = out[name].cast(type);
        } catch (const error& e) {
            throw error(e.what_happened(), where("cast." + name));
        }
    }
    return out;
}

}  // namespace lolpop
