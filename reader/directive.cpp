// Inline directives: "factlint-disable-next-line FL101", "factlint-disable
// FL201,FL202", "factlint-enable FL201", "factlint-disable-file". No codes
// means every rule. Words after "--" are a free-form reason and ignored.
#include <array>
#include <utility>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Longest first, so "factlint-disable" does not claim "-next-line".
constexpr std::array<std::pair<std::string_view, directive::kind>, 4> keywords = {{
    {"factlint-disable-next-line", directive::kind::disable_next_line},
    {"factlint-disable-file", directive::kind::disable_file},
    {"factlint-disable", directive::kind::disable},
    {"factlint-enable", directive::kind::enable},
}};

std::vector<std::string> read_codes(std::string_view rest) {
    std::vector<std::string> codes;
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (is_blank(rest[i]) || rest[i] == ',')) ++i;
        std::size_t end = i;
        while (end < rest.size() && !is_blank(rest[end]) && rest[end] != ',') ++end;
        const std::string_view word = rest.substr(i, end - i);
        if (word.substr(0, 2) == "--") break;  // "-- reason"
        if (!word.empty()) codes.emplace_back(word);
        i = end;
    }
    return codes;
}

}  // namespace

std::optional<directive> parse_directive(std::string_view words) {
    while (!words.empty() && is_blank(words.front())) words.remove_prefix(1);
    for (const auto& [keyword, what] : keywords) {
        if (words.substr(0, keyword.size()) != keyword) continue;
        const std::string_view rest = words.substr(keyword.size());
        if (!rest.empty() && !is_blank(rest.front())) return std::nullopt;  // "factlint-disabled"
        directive d;
        d.what = what;
        d.codes = read_codes(rest);
        return d;
    }
    return std::nullopt;
}

}  // namespace factlint::reader_detail
