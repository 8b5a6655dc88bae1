// The gcc format (SPEC §8): one line per finding, in the shape compilers use,
// for editors and tools that already parse compiler output.
#include <string>

#include "report/detail.hpp"

namespace factlint::report_detail {
namespace {

std::string_view gcc_level(severity s) {
    switch (s) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::info: return "note";
    }
    return "warning";
}

// One finding, one line: line breaks in a message become spaces.
std::string one_line(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    return out;
}

}  // namespace

void write_gcc(const report_input& in, std::ostream& out) {
    for (const finding& f : in.findings) {
        out << f.file;
        if (f.line > 0) out << ':' << f.line;
        if (f.line > 0 && f.column > 0) out << ':' << f.column;
        out << ": " << gcc_level(f.level) << ": " << one_line(f.message) << " [" << f.code << "]\n";
    }
}

}  // namespace factlint::report_detail
