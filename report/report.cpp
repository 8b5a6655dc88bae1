// The format switch and the helpers every writer shares.
#include "report/report.hpp"

#include <cmath>
#include <cstdint>

#include "report/detail.hpp"

namespace factlint {

std::optional<output_format> parse_output_format(std::string_view name) {
    if (name == "text") return output_format::text;
    if (name == "json") return output_format::json;
    if (name == "sarif") return output_format::sarif;
    if (name == "github") return output_format::github;
    if (name == "gcc") return output_format::gcc;
    return std::nullopt;
}

void write_report(output_format format, const report_input& in, std::ostream& out) {
    switch (format) {
        case output_format::text: return report_detail::write_text(in, out);
        case output_format::json: return report_detail::write_json(in, out);
        case output_format::sarif: return report_detail::write_sarif(in, out);
        case output_format::github: return report_detail::write_github(in, out);
        case output_format::gcc: return report_detail::write_gcc(in, out);
    }
}

namespace report_detail {

nlohmann::ordered_json json_number(double v) {
    if (!std::isfinite(v)) return nullptr;
    // Beyond 2^53 not every integer is a double, so "whole" stops meaning exact.
    constexpr double exact_limit = 9007199254740992.0;
    if (std::trunc(v) == v && std::fabs(v) <= exact_limit) return static_cast<std::int64_t>(v);
    return v;
}

std::string dump_json(const nlohmann::ordered_json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

// `text` with `margin` before each of its lines: an element dumped on its
// own starts its lines at the margin of the page, in place at its depth.
void write_indented(std::ostream& out, std::string_view text, std::string_view margin) {
    for (std::size_t from = 0;;) {
        out << margin;
        const std::size_t newline = text.find('\n', from);
        if (newline == std::string_view::npos) {
            out << text.substr(from);
            return;
        }
        out << text.substr(from, newline + 1 - from);
        from = newline + 1;
    }
}

}  // namespace

void write_json_with_array(std::ostream& out, const nlohmann::ordered_json& doc, int indent, int depth,
                           std::size_t count,
                           const std::function<nlohmann::ordered_json(std::size_t)>& element) {
    const std::string skeleton = dump_json(doc, indent);
    // Control characters are written escaped: no other string of a report
    // dumps to this.
    constexpr std::string_view dumped_placeholder = "\"\\u0001\"";
    const std::size_t at = skeleton.find(dumped_placeholder);
    if (at == std::string::npos) {  // not there: nothing to replace
        out << skeleton;
        return;
    }
    out.write(skeleton.data(), static_cast<std::streamsize>(at));
    if (count == 0) {
        out << "[]";
    } else if (indent < 0) {
        out << '[';
        for (std::size_t i = 0; i < count; ++i) out << (i > 0 ? "," : "") << dump_json(element(i));
        out << ']';
    } else {
        const std::string margin(static_cast<std::size_t>(indent * (depth + 1)), ' ');
        out << "[\n";
        for (std::size_t i = 0; i < count; ++i) {
            write_indented(out, dump_json(element(i), indent), margin);
            out << (i + 1 < count ? ",\n" : "\n");
        }
        out << std::string(static_cast<std::size_t>(indent * depth), ' ') << ']';
    }
    const std::size_t after = at + dumped_placeholder.size();
    out.write(skeleton.data() + after, static_cast<std::streamsize>(skeleton.size() - after));
}

namespace {
bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += continuation_byte(c) ? 0 : 1;
    return n;
}

std::size_t utf8_offset(std::string_view line, int column) {
    int seen = 0;  // characters started so far
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (continuation_byte(line[i])) continue;
        if (++seen == column) return i;
    }
    return line.size();
}

std::string plural(std::size_t n, std::string_view singular, std::string_view plural_form) {
    return std::to_string(n) + " " + std::string(n == 1 ? singular : plural_form);
}

}  // namespace report_detail
}  // namespace factlint
