// YAML front matter: a first line "---", key: value lines, and a closing
// "---" or "...". Only two keys matter (date, title); the rest is skipped
// without being parsed as YAML. Anything unexpected is ignored rather than
// an error: a draft with odd front matter is still worth checking. A `date:`
// that is not a date is the one thing reported (as a warning), because it
// silently changes how every relative date in the draft is read.
#include "reader/detail.hpp"

namespace factlint::reader_detail {

namespace {

struct line_span {
    std::size_t begin = 0;
    std::size_t end = 0;   // before the line ending
    std::size_t next = 0;  // after the line ending
};

line_span line_at(std::string_view s, std::size_t at) {
    std::size_t end = at;
    while (end < s.size() && s[end] != '\n' && s[end] != '\r') ++end;
    std::size_t next = end;
    if (next < s.size() && s[next] == '\r') ++next;
    if (next < s.size() && s[next] == '\n' && (next == end || s[next - 1] == '\r')) ++next;
    return {at, end, next};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_fence(std::string_view line, std::string_view fence) {
    return trim(line) == fence && line.substr(0, 3) == fence;
}

// A scalar value with its offset in the source: quotes and a trailing
// " # comment" removed.
struct scalar {
    std::size_t offset = 0;
    std::string_view text;
};

scalar unquote(std::size_t offset, std::string_view value) {
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
        const std::size_t close = value.find(value.front(), 1);
        if (close != std::string_view::npos) return {offset + 1, value.substr(1, close - 1)};
    }
    const std::size_t comment = value.find(" #");
    if (comment != std::string_view::npos) value = trim(value.substr(0, comment));
    return {offset, value};
}

// "2024-06-15T10:00:00Z" and "2024-06-15 10:00" are read as their day.
std::optional<time_span> parse_date_value(std::string_view text) {
    if (text.size() > 10 && (text[10] == 'T' || text[10] == 't' || text[10] == ' '))
        text = text.substr(0, 10);
    return parse_iso_date(text);
}

void read_key(std::string_view source, const line_span& line, front_matter& fm) {
    const std::string_view text = source.substr(line.begin, line.end - line.begin);
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) return;
    const std::string_view key = text.substr(0, colon);  // indented keys are nested: not ours
    const std::string_view rest = text.substr(colon + 1);
    const std::string_view value = trim(rest);
    if (value.empty()) return;
    const std::size_t value_at = line.begin + colon + 1 + rest.find_first_not_of(" \t");
    const scalar v = unquote(value_at, value);
    if (key == "date") {
        if (auto d = parse_date_value(v.text)) {
            fm.date = d;
            fm.date_offset = v.offset;
        } else {
            fm.bad_date_offset = v.offset;
            fm.bad_date_text = v.text;
        }
    } else if (key == "title" && !v.text.empty() && v.text != ">" && v.text != "|" && v.text != ">-" &&
               v.text != "|-") {
        fm.title_offset = v.offset;
        fm.title_length = v.text.size();
    }
}

// Lines of a YAML mapping: "key: value", indented continuations, list
// items, comments, blank lines. A block with other lines ("---", a line of
// prose, "---") is a thematic break and a setext heading, not front matter.
bool looks_like_yaml(std::string_view line) {
    if (trim(line).empty()) return true;
    const char c = line.front();
    return c == ' ' || c == '\t' || c == '#' || c == '-' || line.find(':') != std::string_view::npos;
}

}  // namespace

front_matter read_front_matter(std::string_view source) {
    front_matter fm;
    const line_span first = line_at(source, 0);
    if (!is_fence(source.substr(0, first.end), "---") || first.next == first.end) return fm;
    front_matter found;
    for (std::size_t at = first.next; at < source.size();) {
        const line_span line = line_at(source, at);
        const std::string_view text = source.substr(line.begin, line.end - line.begin);
        if (is_fence(text, "---") || is_fence(text, "...")) {
            found.body_offset = line.next;
            return found;
        }
        if (!looks_like_yaml(text)) return fm;
        read_key(source, line, found);
        at = line.next;
    }
    return fm;  // unterminated: not front matter after all
}

}  // namespace factlint::reader_detail
