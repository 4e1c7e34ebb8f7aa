#include <lolpop/core/verdict.hpp>

namespace lolpop {

std::string_view to_string(champion_verdict v) noexcept {
    switch (v) {
        case champion_verdict::unopposed: return "unopposed";
        case champion_verdict::wins: return "wins";
        case champion_verdict::loses: return "loses";
        case champion_verdict::incomparable: return "incomparable";
    }
    return "unknown";
}

std::optional<champion_verdict> parse_verdict(std::string_view name) noexcept {
    for (const champion_verdict v : {champion_verdict::unopposed, champion_verdict::wins, champion_verdict::loses,
                                     champion_verdict::incomparable})
        if (to_string(v) == name) return v;
    return std::nullopt;
}

}  // namespace lolpop
