// HTML character references in Markdown ("&amp;", "&nbsp;", "&#8212;").
// md4c reports them undecoded; the prose needs the character.
#include <algorithm>
#include <array>
#include <charconv>

#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

std::string utf8_encode(std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

// The named references prose is likely to use; others stay as written.
// Non-breaking and thin spaces become plain spaces: to the grammar they
// separate words like any space.
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 32> named = {{
    {"amp", 0x26},     {"lt", 0x3C},      {"gt", 0x3E},      {"quot", 0x22},    {"apos", 0x27},
    {"nbsp", 0x20},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"minus", 0x2212}, {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB},
    {"raquo", 0xBB},   {"euro", 0x20AC},  {"pound", 0xA3},   {"cent", 0xA2},    {"yen", 0xA5},
    {"deg", 0xB0},     {"times", 0xD7},   {"divide", 0xF7},  {"plusmn", 0xB1},  {"frac12", 0xBD},
    {"frac14", 0xBC},  {"frac34", 0xBE},  {"sup2", 0xB2},    {"sup3", 0xB3},    {"thinsp", 0x20},
    {"percnt", 0x25},  {"dollar", 0x24},
}};

}  // namespace

std::optional<std::string> decode_entity(std::string_view entity) {
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';') return std::nullopt;
    const std::string_view body = entity.substr(1, entity.size() - 2);
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        const std::string_view digits = body.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        const auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc{} || end != digits.data() + digits.size()) cp = 0xFFFD;
        return utf8_encode(cp);
    }
    const auto it = std::find_if(named.begin(), named.end(), [&](const auto& e) { return e.first == body; });
    if (it == named.end()) return std::nullopt;
    return utf8_encode(it->second);
}

}  // namespace factlint::reader_detail
