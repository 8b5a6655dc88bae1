// The text format (SPEC §8): compiler-style lines for people, the source line
// with the span underlined, notes, and a summary line.
#include <algorithm>
#include <string>
#include <string_view>

#include "report/detail.hpp"

namespace factlint::report_detail {
namespace {

// ANSI styles; applied only when the caller says the output is a terminal.
constexpr std::string_view bold = "1";
constexpr std::string_view gutter_style = "1;34";

std::string_view severity_style(severity s) {
    switch (s) {
        case severity::error: return "1;31";
        case severity::warning: return "1;33";
        case severity::info: return "1;36";
    }
    return bold;
}

std::string paint(bool color, std::string_view style, std::string_view text) {
    if (!color || text.empty()) return std::string(text);
    return "\x1b[" + std::string(style) + "m" + std::string(text) + "\x1b[0m";
}

std::string location(const std::string& file, int line, int column) {
    // Appended piecewise: `":" + std::to_string(n)` trips a false -Wrestrict in g++ 12.
    std::string s = file;
    if (line > 0) s.append(":").append(std::to_string(line));
    if (line > 0 && column > 0) s.append(":").append(std::to_string(column));
    return s;
}

std::size_t digits(int n) { return std::to_string(n).size(); }

struct marker {
    std::string indent;  // blanks under the characters before the span
    std::string marks;   // ^~~~ under the span
};

// The marker line under the source: the characters before the span become
// blanks (tabs stay tabs so the caret lines up), then ^~~~ over the span.
// `shift` columns of the line come before `source` (a stretch of a long line).
marker underline(std::string_view source, const finding& f, int shift) {
    std::string indent;
    const int column = f.column > 0 ? std::max(1, f.column - shift) : 1;
    int seen = 1;
    for (std::size_t i = 0; i < source.size() && seen < column; ++i) {
        if ((static_cast<unsigned char>(source[i]) & 0xC0) == 0x80) continue;
        indent += source[i] == '\t' ? '\t' : ' ';
        ++seen;
    }
    for (; seen < column; ++seen) indent += ' ';  // a column just past the line's end
    long length = 1;
    if (f.end_line == f.line && f.end_column - shift > column) {
        length = f.end_column - shift - column;
    } else if (f.end_line > f.line) {
        // Several lines: underline to the end of the first one.
        length = static_cast<long>(utf8_length(source)) - column + 1;
    }
    if (length < 1) length = 1;
    std::string marks = "^";
    marks.append(static_cast<std::size_t>(length - 1), '~');
    return {indent, marks};
}

void write_snippet(const finding& f, const report_input& in, std::size_t width, std::ostream& out) {
    if (f.line <= 0 || !in.source_line) return;
    std::optional<source_text> quoted = in.source_line(f);
    if (!quoted) return;
    std::string& source = quoted->text;
    if (!source.empty() && source.back() == '\r') source.pop_back();
    // A control character quoted from a file must not drive the terminal;
    // one replacement character keeps the caret's column.
    for (char& c : source) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7F) c = '?';
    }
    // A stretch of a long line: "…" where it was cut, columns counted from its start.
    const int shift = quoted->first_column - 1 - (quoted->cut_before ? 1 : 0);
    if (quoted->cut_before) source.insert(0, "\xE2\x80\xA6");
    if (quoted->cut_after) source += "\xE2\x80\xA6";
    const std::string blank(width, ' ');
    out << paint(in.color, gutter_style, std::to_string(f.line) + " |") << ' ' << source << '\n';
    const marker m = underline(source, f, shift);
    out << paint(in.color, gutter_style, blank + " |") << ' ' << m.indent
        << paint(in.color, severity_style(f.level), m.marks) << '\n';
}

// A message of several lines: later lines indented past the gutter so the
// location line stays the only one that starts at column 1.
// Written a run of characters at a time: an insertion per character was
// over half of the text report.
void write_indented(std::string_view text, std::size_t indent, std::ostream& out) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r' && text[i] != '\n') continue;
        out.write(text.data() + from, static_cast<std::streamsize>(i - from));
        if (text[i] == '\n') out << '\n' << std::string(indent, ' ');
        from = i + 1;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
    out << '\n';
}

void write_note(const report_input& in, std::size_t width, std::string_view label, std::string_view text,
                std::ostream& out) {
    out << std::string(width, ' ') << ' ' << paint(in.color, gutter_style, "=") << ' '
        << paint(in.color, bold, label) << ": ";
    write_indented(text, width + 3, out);
}

void write_finding(const finding& f, const report_input& in, std::ostream& out) {
    const std::string word = std::string(severity_name(f.level)) + "[" + f.code + "]";
    out << paint(in.color, bold, location(f.file, f.line, f.column) + ":") << ' '
        << paint(in.color, severity_style(f.level), word) << ": ";
    const std::size_t width = digits(f.line > 0 ? f.line : 0);
    write_indented(f.message, width + 3, out);
    write_snippet(f, in, width, out);
    for (const std::string& note : f.notes) write_note(in, width, "note", note, out);
    for (const related_location& r : f.related) {
        std::string text = location(r.file, r.line, r.column);
        if (!r.message.empty()) text += ": " + r.message;
        write_note(in, width, "note", text, out);
    }
    if (f.fix) {
        write_note(in, width, "help",
                   f.fix->empty() ? std::string("remove this text") : "replace with \"" + *f.fix + "\"", out);
    }
    out << '\n';
}

std::string summary_line(const run_summary& s) {
    std::string counts;
    auto add = [&counts](std::size_t n, std::string_view one, std::string_view many) {
        if (n == 0) return;
        if (!counts.empty()) counts += ", ";
        counts += plural(n, one, many);
    };
    add(s.errors, "error", "errors");
    add(s.warnings, "warning", "warnings");
    add(s.infos, "info", "infos");
    std::string tail =
        " in " + plural(s.files, "file", "files") + " (" + plural(s.claims, "claim", "claims") + " checked";
    if (s.skipped > 0) tail += "; " + plural(s.skipped, "file", "files") + " skipped";
    tail += ").";
    if (counts.empty()) return "No problems found" + tail;
    return "Found " + counts + tail;
}

}  // namespace

void write_text(const report_input& in, std::ostream& out) {
    for (const finding& f : in.findings) write_finding(f, in, out);
    out << paint(in.color, bold, summary_line(in.summary)) << '\n';
}

}  // namespace factlint::report_detail
