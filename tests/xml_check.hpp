#pragma once
// A small well-formedness check for the SVG and HTML lolpop writes, so that tests need no XML
// library: tags balance and nest, attribute values are quoted, '<' and '&' only start markup and
// entities, and there is one root element. Comments, the doctype and processing instructions are
// skipped.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace lolpop_test {

// "" when `doc` is well formed, else what is wrong and at which byte.
inline std::string xml_problem(std::string_view doc) {
    std::vector<std::string_view> open;
    std::size_t roots = 0;
    const auto at = [](std::size_t i) { return " at byte " + std::to_string(i); };
    const auto is_name_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
    };
    const auto name_at = [&](std::size_t i) {
        std::size_t j = i;
        while (j < doc.size() && is_name_char(doc[j])) ++j;
        return doc.substr(i, j - i);
    };
    // The end of the entity that starts at i, or npos when it is not one.
    const auto entity_end = [&](std::size_t i) {
        const std::size_t end = doc.find(';', i);
        if (end == std::string_view::npos) return end;
        const std::string_view entity = doc.substr(i + 1, end - i - 1);
        const bool named = entity == "amp" || entity == "lt" || entity == "gt" || entity == "quot" || entity == "apos";
        bool numeric = entity.size() > 1 && entity[0] == '#';
        for (std::size_t k = 1; numeric && k < entity.size(); ++k)
            numeric = std::isxdigit(static_cast<unsigned char>(entity[k])) || (k == 1 && entity[k] == 'x');
        return named || numeric ? end : std::string_view::npos;
    };
    for (std::size_t i = 0; i < doc.size();) {
        const char c = doc[i];
        if (c == '&') {
            const std::size_t end = entity_end(i);
            if (end == std::string_view::npos) return "'&' that starts no entity" + at(i);
            i = end + 1;
            continue;
        }
        if (c != '<') {
            if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) return "text outside the root element" + at(i);
            ++i;
            continue;
        }
        if (doc.substr(i, 4) == "<!--") {
            const std::size_t end = doc.find("-->", i + 4);
            if (end == std::string_view::npos) return "unterminated comment" + at(i);
            i = end + 3;
            continue;
        }
        if (doc.substr(i, 2) == "<!" || doc.substr(i, 2) == "<?") {
            const std::size_t end = doc.find('>', i);
            if (end == std::string_view::npos) return "unterminated declaration" + at(i);
            i = end + 1;
            continue;
        }
        if (doc.substr(i, 2) == "</") {
            const std::string_view name = name_at(i + 2);
            if (open.empty() || open.back() != name)
                return "</" + std::string(name) + "> closes " + (open.empty() ? std::string("nothing") : "<" + std::string(open.back()) + ">") + at(i);
            open.pop_back();
            const std::size_t end = doc.find('>', i);
            if (end == std::string_view::npos) return "unterminated end tag" + at(i);
            i = end + 1;
            continue;
        }
        const std::string_view name = name_at(i + 1);
        if (name.empty()) return "'<' that starts no tag" + at(i);
        std::size_t j = i + 1 + name.size();
        for (;;) {
            while (j < doc.size() && std::isspace(static_cast<unsigned char>(doc[j]))) ++j;
            if (j >= doc.size()) return "unterminated tag <" + std::string(name) + ">" + at(i);
            if (doc[j] == '>' || doc.substr(j, 2) == "/>") break;
            const std::string_view attribute = name_at(j);
            if (attribute.empty()) return "bad attribute in <" + std::string(name) + ">" + at(j);
            j += attribute.size();
            if (j + 1 >= doc.size() || doc[j] != '=' || (doc[j + 1] != '"' && doc[j + 1] != '\''))
                return "unquoted attribute " + std::string(attribute) + at(j);
            const std::size_t close = doc.find(doc[j + 1], j + 2);
            if (close == std::string_view::npos) return "unterminated attribute " + std::string(attribute) + at(j);
            for (std::size_t k = j + 2; k < close; ++k) {
                if (doc[k] == '<') return "'<' in attribute " + std::string(attribute) + at(k);
                if (doc[k] == '&' && entity_end(k) == std::string_view::npos)
                    return "'&' that starts no entity in attribute " + std::string(attribute) + at(k);
            }
            j = close + 1;
        }
        if (open.empty() && ++roots > 1) return "a second root element <" + std::string(name) + ">" + at(i);
        if (doc[j] == '>') {
            open.push_back(name);
            i = j + 1;
        } else {
            i = j + 2;
        }
    }
    if (!open.empty()) return "<" + std::string(open.back()) + "> is never closed";
    if (roots == 0) return "no root element";
    return "";
}

}  // namespace lolpop_test
