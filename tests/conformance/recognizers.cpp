#include "tests/conformance/recognizers.hpp"

namespace factlint::conformance {
namespace {

std::string string_field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "2016-11-07T00:00:00" -> the day 2016-11-07.
std::optional<time_span> reference_date_of(const nlohmann::json& c) {
    auto ctx = c.find("Context");
    if (ctx == c.end() || !ctx->is_object()) return std::nullopt;
    const std::string when = string_field(*ctx, "ReferenceDateTime");
    if (when.size() < 10) return std::nullopt;
    return parse_iso_date(std::string_view(when).substr(0, 10));
}

rt_result read_result(const nlohmann::json& r, const std::string& input,
                      const std::vector<std::size_t>& u16) {
    rt_result out;
    out.text = string_field(r, "Text");
    out.type = string_field(r, "TypeName");
    if (out.type.empty()) out.type = string_field(r, "Typename");  // six results spell it so
    if (out.type.empty()) out.type = string_field(r, "Type");      // extractor files
    const auto start = r.value("Start", 0);
    const auto last = r.contains("End") ? r.value("End", 0) + 1 : start + r.value("Length", 0);
    const auto clamp = [&](long i) {
        return u16[std::min<std::size_t>(std::size_t(std::max(0L, i)), u16.size() - 1)];
    };
    out.begin = clamp(start);
    out.end = clamp(last);
    out.lowered = lower_ascii(std::string_view(input).substr(out.begin, out.end - out.begin));
    if (auto res = r.find("Resolution"); res != r.end()) out.resolution = *res;
    return out;
}

}  // namespace

std::vector<rt_case> read_recognizers_file(const std::filesystem::path& p) {
    const nlohmann::json all = read_json_file(p);
    std::vector<rt_case> cases;
    for (const auto& c : all) {
        rt_case out;
        out.input = string_field(c, "Input");
        out.lowered_input = lower_ascii(out.input);
        out.reference_date = reference_date_of(c);
        out.not_supported = lower_ascii(string_field(c, "NotSupported"));
        out.not_supported_by_design = lower_ascii(string_field(c, "NotSupportedByDesign"));
        const auto u16 = utf16_to_byte_offsets(out.input);
        if (auto rs = c.find("Results"); rs != c.end() && rs->is_array())
            for (const auto& r : *rs) out.results.push_back(read_result(r, out.input, u16));
        cases.push_back(std::move(out));
    }
    return cases;
}

bool not_supported_on_dotnet(const rt_case& c) {
    return c.not_supported.find("dotnet") != std::string::npos ||
           c.not_supported_by_design.find("dotnet") != std::string::npos;
}

bool any_result_text(const rt_case& c, const char* pattern) {
    for (const auto& r : c.results)
        if (contains_word_regex(r.lowered, pattern)) return true;
    return false;
}

}  // namespace factlint::conformance
