#include "detail/json_value.hpp"

#include "detail/utf8.hpp"

#include <lolpop/core/error.hpp>

#include <limits>

namespace lolpop::detail {
namespace {

constexpr int max_depth = 64;

class parser {
public:
    explicit parser(std::string_view text) : s_(text) {}

    json_value document() {
        json_value v = value(0);
        skip_blanks();
        if (pos_ != s_.size()) fail("unexpected text after the JSON value");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw error(what + " at byte " + std::to_string(pos_));
    }
    void skip_blanks() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            ++pos_;
    }
    bool next_is(char c) {
        skip_blanks();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!next_is(c)) fail(std::string("expected '") + c + "'");
    }
    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    json_value value(int depth) {
        if (depth > max_depth) fail("JSON nested deeper than " + std::to_string(max_depth) + " levels");
        skip_blanks();
        if (pos_ == s_.size()) fail("expected a JSON value");
        json_value v;
        const char c = s_[pos_];
        if (c == '{') {
            ++pos_;
            v.type = json_value::kind::object;
            if (next_is('}')) return v;
            do {
                skip_blanks();
                std::string key = string();
                if (v.find(key) != nullptr) fail("duplicate key \"" + key + "\"");
                expect(':');
                v.keys.push_back(std::move(key));
                v.items.push_back(value(depth + 1));
            } while (next_is(','));
            expect('}');
        } else if (c == '[') {
            ++pos_;
            v.type = json_value::kind::array;
            if (next_is(']')) return v;
            do v.items.push_back(value(depth + 1));
            while (next_is(','));
            expect(']');
        } else if (c == '"') {
            v.type = json_value::kind::string;
            v.text = string();
        } else if (c >= '0' && c <= '9') {
            v.type = json_value::kind::number;
            v.number = number();
        } else if (literal("true") || literal("false")) {
            v.type = json_value::kind::boolean;
            v.boolean = c == 't';
        } else if (!literal("null")) {
            fail(c == '-' ? "negative numbers are not used here" : "expected a JSON value");
        }
        return v;
    }

    std::uint64_t number() {
        const std::size_t start = pos_;
        std::uint64_t n = 0;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
            const auto digit = static_cast<std::uint64_t>(s_[pos_] - '0');
            if (n > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) fail("number too large");
            n = n * 10 + digit;
            ++pos_;
        }
        if (pos_ - start > 1 && s_[start] == '0') fail("a number with a leading zero");
        if (pos_ < s_.size() && (s_[pos_] == '.' || s_[pos_] == 'e' || s_[pos_] == 'E'))
            fail("only whole numbers are used here");
        return n;
    }

    unsigned hex4() {
        if (s_.size() - pos_ < 4) fail("incomplete \\u escape");
        unsigned u = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[pos_++];
            u <<= 4;
            if (h >= '0' && h <= '9') u |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') u |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') u |= static_cast<unsigned>(h - 'A' + 10);
            else fail("bad \\u escape");
        }
        return u;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        const auto byte = [&](unsigned b) { out += static_cast<char>(b); };
        if (cp < 0x80) {
            byte(cp);
        } else if (cp < 0x800) {
            byte(0xC0 | (cp >> 6));
            byte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            byte(0xE0 | (cp >> 12));
            byte(0x80 | ((cp >> 6) & 0x3F));
            byte(0x80 | (cp & 0x3F));
        } else {
            byte(0xF0 | (cp >> 18));
            byte(0x80 | ((cp >> 12) & 0x3F));
            byte(0x80 | ((cp >> 6) & 0x3F));
            byte(0x80 | (cp & 0x3F));
        }
    }

    std::string string() {
        if (pos_ == s_.size() || s_[pos_] != '"') fail("expected a string");
        ++pos_;
        std::string out;
        for (;;) {
            if (pos_ == s_.size()) fail("unterminated string");
            const auto c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c < 0x20) fail("control character in a string");
            if (c >= 0x80) {
                const std::size_t length = utf8_sequence_length(s_.substr(pos_));
                if (length == 0) fail("invalid UTF-8");
                out += s_.substr(pos_, length);
                pos_ += length;
                continue;
            }
            ++pos_;
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (pos_ == s_.size()) fail("unterminated string");
            switch (s_[pos_++]) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xDC00 && cp <= 0xDFFF) fail("unpaired surrogate in \\u escape");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (!literal("\\u")) fail("unpaired surrogate in \\u escape");
                        const unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: --pos_; fail("bad escape in a string");
            }
        }
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

}  // namespace

const json_value* json_value::find(std::string_view key) const noexcept {
    for (std::size_t k = 0; k < keys.size(); ++k)
        if (keys[k] == key) return &items[k];
    return nullptr;
}

json_value parse_json(std::string_view text) { return parser(text).document(); }

}  // namespace lolpop::detail
