#include "checker/suppression.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <climits>
#include <numeric>

namespace factlint {

namespace {

struct scope {
    const directive* source;
    int first_line, last_line;
    std::vector<std::string> codes;  // empty: all
    bool used = false;
};

bool covers(const scope& s, const finding& f) {
    if (f.line < s.first_line || f.line > s.last_line) return false;
    if (s.codes.empty()) return true;
    return std::any_of(s.codes.begin(), s.codes.end(),
                       [&](const std::string& c) { return f.code.starts_with(c); });
}

// The line after a directive that holds text: a comment may stand above a
// blank line and still mean the paragraph that follows.
int next_text_line(const document& doc, int line) {
    for (int l = line + 1; l <= doc.lines.line_count(); ++l) {
        const std::string_view text = doc.lines.line_text(l);
        if (text.find_first_not_of(" \t\r") != std::string_view::npos) return l;
    }
    return line + 1;
}

std::vector<scope> scopes_of(const document& doc) {
    std::vector<scope> scopes;
    std::vector<scope> open;
    for (const directive& d : doc.directives) {
        switch (d.what) {
            case directive::kind::disable_next_line: {
                const int l = next_text_line(doc, d.line);
                scopes.push_back({&d, l, l, d.codes});
                break;
            }
            case directive::kind::disable_file: scopes.push_back({&d, 1, INT_MAX, d.codes}); break;
            case directive::kind::disable: open.push_back({&d, d.line, INT_MAX, d.codes}); break;
            case directive::kind::enable:
                // Closes the open regions whose codes it names (or all of them).
                for (auto it = open.begin(); it != open.end();) {
                    if (d.codes.empty() || it->codes == d.codes) {
                        it->last_line = d.line;
                        scopes.push_back(*it);
                        it = open.erase(it);
                    } else {
                        ++it;
                    }
                }
                break;
        }
    }
    scopes.insert(scopes.end(), open.begin(), open.end());
    return scopes;
}

std::size_t line_offset(const document& doc, int line) {
    const std::string_view text = doc.lines.line_text(line);
    if (text.data() == nullptr) return 0;
    return static_cast<std::size_t>(text.data() - doc.source.data());
}

// Which findings a scope covers, each scope marked used when it covers
// one. Findings by line and scopes by first line, swept together: only the
// scopes begun and not yet ended are asked, and a disable-next-line
// comment covers one line. (Every scope asked of every finding was
// quadratic: 50,000 such comments over as many findings took 1.9 s,
// docs/performance.md part 35.)
std::vector<bool> covered_findings(const std::vector<finding>& findings, std::vector<scope>& scopes) {
    std::vector<std::size_t> by_line(findings.size());
    std::iota(by_line.begin(), by_line.end(), std::size_t{0});
    std::stable_sort(by_line.begin(), by_line.end(),
                     [&](std::size_t a, std::size_t b) { return findings[a].line < findings[b].line; });
    std::vector<std::size_t> by_first(scopes.size());
    std::iota(by_first.begin(), by_first.end(), std::size_t{0});
    std::stable_sort(by_first.begin(), by_first.end(), [&](std::size_t a, std::size_t b) {
        return scopes[a].first_line < scopes[b].first_line;
    });
    std::vector<bool> covered(findings.size(), false);
    std::vector<std::size_t> active;
    std::size_t next = 0;
    for (const std::size_t i : by_line) {
        const finding& f = findings[i];
        while (next < by_first.size() && scopes[by_first[next]].first_line <= f.line)
            active.push_back(by_first[next++]);
        std::erase_if(active, [&](std::size_t k) { return scopes[k].last_line < f.line; });
        for (const std::size_t k : active) {
            if (!covers(scopes[k], f)) continue;
            scopes[k].used = true;
            covered[i] = true;
        }
    }
    return covered;
}

}  // namespace

void apply_suppressions(const document& doc, std::vector<finding>& findings, bool report_unused) {
    if (doc.directives.empty()) return;
    std::vector<scope> scopes = scopes_of(doc);
    const std::vector<bool> covered = covered_findings(findings, scopes);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (covered[i]) continue;
        if (kept != i) findings[kept] = std::move(findings[i]);  // never onto itself: a self-move empties
        ++kept;
    }
    findings.resize(kept);
    if (!report_unused) return;
    for (const scope& s : scopes) {
        if (s.used) continue;
        finding f;
        f.code = "FL901";
        const std::size_t at =
            line_offset(doc, s.source->line) + static_cast<std::size_t>(std::max(0, s.source->column - 1));
        f.span = {at, line_offset(doc, s.source->line) + doc.lines.line_text(s.source->line).size()};
        f.message = s.codes.empty() ? "this factlint-disable comment suppressed nothing"
                                    : fmt::format("this factlint-disable comment for {} suppressed nothing",
                                                  fmt::join(s.codes, ", "));
        f.fix = "";
        f.fingerprint = fmt::format("FL901|{}", fmt::join(s.codes, ","));
        findings.push_back(std::move(f));
    }
}

}  // namespace factlint
