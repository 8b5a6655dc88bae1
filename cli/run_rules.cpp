// `factlint rules [CODE]`: the rule table, or one rule's doc page.
#include <algorithm>
#include <cctype>
#include <iostream>

#include "checker/rule.hpp"
#include "cli/commands.hpp"
#include "cli/rule_docs.hpp"
#include "cli/session.hpp"

namespace factlint::cli {

namespace {

void print_table() {
    std::size_t name_width = 4;
    for (const rule_info& r : rule_table()) name_width = std::max(name_width, r.name.size());
    auto pad = [](std::string_view s, std::size_t width) {
        return std::string(s) + std::string(width > s.size() ? width - s.size() : 0, ' ');
    };
    std::cout << pad("code", 7) << pad("name", name_width + 2) << pad("severity", 10) << "summary\n";
    for (const rule_info& r : rule_table())
        std::cout << pad(r.code, 7) << pad(r.name, name_width + 2) << pad(severity_name(r.level), 10)
                  << r.summary << '\n';
}

}  // namespace

int run_rules(const std::optional<std::string>& code) {
    if (!code) {
        print_table();
        return exit_ok;
    }
    std::string upper = *code;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (const embedded_doc* doc = find_rule_doc(upper)) {
        std::cout << doc->text << (doc->text.ends_with('\n') ? "" : "\n");
        return exit_ok;
    }
    if (const rule_info* r = find_rule(upper)) {  // a rule whose page is not written yet
        std::cout << "# " << r->code << " " << r->name << "\n\n"
                  << r->summary << "\n\nDefault severity: " << severity_name(r->level) << ".\n";
        return exit_ok;
    }
    std::cerr << "factlint: error: unknown rule " << *code << " (see `factlint rules`)\n";
    return exit_usage;
}

}  // namespace factlint::cli
