#include "tests/conformance/harness.hpp"

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace factlint::conformance {

std::string read_text_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

nlohmann::json read_json_file(const std::filesystem::path& p) {
    std::string text = read_text_file(p);
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    return nlohmann::json::parse(text);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// Exclusion rules test a few dozen patterns over a few thousand short texts:
// compile each pattern once.
bool contains_word_regex(std::string_view lowered_text, const char* pattern) {
    static std::unordered_map<const char*, std::regex> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
    return std::regex_search(lowered_text.begin(), lowered_text.end(), it->second);
}

std::vector<std::size_t> utf16_to_byte_offsets(std::string_view s) {
    std::vector<std::size_t> map;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto lead = static_cast<unsigned char>(s[i]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        map.push_back(i);
        if (len == 4) map.push_back(i);  // a surrogate pair: two UTF-16 units
        i += len;
    }
    map.push_back(s.size());
    return map;
}

bool same_number(double a, double b) {
    const double scale = std::max(std::fabs(a), std::fabs(b));
    return std::fabs(a - b) <= 1e-9 * std::max(scale, 1.0);
}

std::string quoted_span(std::string_view text, std::size_t begin, std::size_t end) {
    if (begin > text.size() || end > text.size() || begin > end) return "[out of range]";
    std::string out("[");
    out += std::to_string(begin);
    out += ',';
    out += std::to_string(end);
    out += ") \"";
    out += text.substr(begin, end - begin);
    out += '"';
    return out;
}

void exclude(suite_score& s, std::string_view category, std::string_view input) {
    ++s.excluded[std::string(category)];
    s.exclusions.push_back({std::string(input), std::string(category), {}});
}

void write_failures(const std::filesystem::path& dir, const suite_score& s) {
    std::filesystem::create_directories(dir);
    std::ofstream out(dir / (s.name + ".txt"));
    out << "# " << s.name << ": " << s.failures.size() << " of " << s.in_scope
        << " in-scope cases wrong (input / expected / got)\n\n";
    for (const auto& f : s.failures)
        out << "input:    " << f.input << "\nexpected: " << f.expected << "\ngot:      " << f.got << "\n\n";
    if (!s.false_positives.empty()) {
        std::ofstream fp(dir / (s.name + ".false_positives.txt"));
        for (const auto& f : s.false_positives) fp << f.input << "\n  got: " << f.got << "\n";
    }
    if (s.exclusions.empty()) return;
    std::ofstream excluded(dir / (s.name + ".excluded.txt"));
    for (const auto& e : s.exclusions) excluded << e.expected << "\t" << e.input << "\n";
}

}  // namespace factlint::conformance
