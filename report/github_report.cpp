// The github format (SPEC §8): workflow commands that GitHub Actions turns
// into annotations on the pull request.
#include <string>

#include "report/detail.hpp"

namespace factlint::report_detail {
namespace {

std::string_view command(severity s) {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::info: return "notice";
    }
    return "warning";
}

// GitHub's escaping for a command's message.
std::string escape_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    return out;
}

// A property value also may not hold the separators of the property list.
std::string escape_property(std::string_view text) {
    std::string out;
    for (char c : escape_data(text)) {
        switch (c) {
            case ':': out += "%3A"; break;
            case ',': out += "%2C"; break;
            default: out += c;
        }
    }
    return out;
}

void write_finding(const finding& f, std::ostream& out) {
    out << "::" << command(f.level) << " file=" << escape_property(f.file);
    if (f.line > 0) {
        out << ",line=" << f.line;
        if (f.column > 0) out << ",col=" << f.column;
        if (f.end_line > 0) out << ",endLine=" << f.end_line;
        if (f.column > 0 && f.end_line > 0 && f.end_column > 0) out << ",endColumn=" << f.end_column;
    }
    out << ",title=" << escape_property(f.code + " " + f.name) << "::" << escape_data(f.message) << '\n';
}

}  // namespace

void write_github(const report_input& in, std::ostream& out) {
    for (const finding& f : in.findings) write_finding(f, out);
}

}  // namespace factlint::report_detail
