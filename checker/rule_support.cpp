#include "checker/rule_support.hpp"

#include <fmt/format.h>
#include <cmath>

#include "claims/unit.hpp"

namespace factlint {

finding& emit(std::vector<finding>& out, std::string_view code, const claim_record& r, std::string message) {
    finding f;
    f.code = code;
    f.span = r.span;
    f.message = std::move(message);
    out.push_back(std::move(f));
    return out.back();
}

std::string format_number(double value) {
    std::string digits = fmt::format("{:.3f}", std::abs(value));
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
    const auto point = digits.find('.');
    std::string whole = digits.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
    // Four-digit whole numbers are written without a separator ("1200"
    // looks like a year only without a unit, and this is always with one).
    if (whole.size() > 4)
        for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3)
            whole.insert(static_cast<std::size_t>(i), 1, ',');
    return (value < 0 ? "-" : "") + whole + fraction;
}

namespace {
double scale_factor(std::string_view scale) {
    if (scale == "thousand" || scale == "k") return 1e3;
    if (scale == "million" || scale == "m" || scale == "mn" || scale == "millions") return 1e6;
    if (scale == "billion" || scale == "bn" || scale == "b" || scale == "billions") return 1e9;
    if (scale == "trillion" || scale == "tn" || scale == "trillions") return 1e12;
    return 1;
}

std::string_view currency_sign(std::string_view unit) {
    if (unit == "currency:USD") return "$";
    if (unit == "currency:EUR") return "\xE2\x82\xAC";
    if (unit == "currency:GBP") return "\xC2\xA3";
    return "";
}
}  // namespace

namespace {
// The scale word for a value written in the style of `scale` ("bn" stays
// short, "billion" stays long): $10.1 billion, not $10,100 million.
std::string_view scale_for(double value, std::string_view scale) {
    if (scale.empty()) return scale;
    const bool short_style = scale.size() <= 2;
    const double v = std::abs(value);
    if (v >= 1e12) return short_style ? "tn" : "trillion";
    if (v >= 1e9) return short_style ? "bn" : "billion";
    if (v >= 1e6) return short_style ? "m" : "million";
    return scale == "k" || scale == "thousand" ? scale : std::string_view{};
}
}  // namespace

std::string format_like(const claim_record& like, double value) {
    const std::string_view scale = scale_for(value, like.scale);
    std::string number = format_number(value / scale_factor(scale));
    if (!scale.empty()) number.append(scale.size() <= 2 ? "" : " ").append(scale);
    const std::string_view sign = currency_sign(like.unit);
    if (!sign.empty()) return std::string(sign) + number;
    if (like.unit == "percent") return number + "%";
    if (like.unit == "percent_point") return number + " percentage points";
    if (const unit_info* u = find_unit(like.unit); u != nullptr && !u->plural.empty() && like.unit != "count")
        return number + " " + std::string(u->plural);
    return number;
}

std::string format_interval_like(const claim_record& like, const interval& range) {
    auto bound = [&](double v) {
        return std::isinf(v) ? std::string(v > 0 ? "inf" : "-inf") : format_like(like, v);
    };
    return fmt::format("{}{}, {}{}", range.low_open ? '(' : '[', bound(range.low), bound(range.high),
                       range.high_open ? ')' : ']');
}

std::string interval_note(const claim_record& r) {
    if (r.hedge == hedge_kind::exact) return {};
    return fmt::format(" (the words allow {})", to_string(r.range));
}

std::string reference_figure(const reference_value& v) {
    std::string text(v.text);
    for (std::string_view cut : {" as of ", " in ", " from ", " until "}) {
        const auto at = text.rfind(cut);
        if (at != std::string::npos) text.resize(at);
    }
    return text;
}

std::string describe_reference(const reference_claim& c, const reference_value& v) {
    std::string when = v.when ? (v.scope == value_scope::as_of ? "as of " : "in ") + describe(*v.when) : "";
    if (v.scope == value_scope::from && v.when) when = "from " + describe(*v.when);
    if (v.scope == value_scope::until && v.when) when = "until " + describe(*v.when);
    if (v.scope == value_scope::from_to && v.when) when = describe(*v.when);
    std::string out = reference_figure(v);
    if (!when.empty()) out += " " + when;
    if (!c.source.empty()) out.append(" (").append(c.source).append(")");
    return out;
}

void add_source_note(finding& f, const reference_claim& c) {
    if (!c.source.empty()) f.notes.push_back(fmt::format("source: {}", c.source));
}

related_location reference_location(const reference_claim& c, const claim_position& where,
                                    std::string message) {
    related_location r;
    r.file = where.file.empty() ? c.where.file : where.file;
    r.line = where.line > 0 ? where.line : c.where.line;
    r.column = where.column;
    r.message = std::move(message);
    return r;
}

interval range_in(const claim_record& r, std::string_view unit) {
    if (r.unit == unit) return r.range;
    const auto factor = convert(1.0, r.unit, unit);
    if (!factor) return r.range;
    return scaled(r.range, *factor);
}

bool dates_agree(const time_span& a, const time_span& b) {
    const granularity g = coarser(a.grain, b.grain);
    return overlaps(coarsened(a, g), coarsened(b, g));
}

bool comparable_figure(const claim_record& r) {
    if (r.kind != record_kind::quantity || r.subject.empty() || !r.time || r.forecast ||
        r.unresolved_relative || r.unit == "percent_point")
        return false;
    return !r.claim_id.empty() || r.basis == time_basis::explicit_;
}

bool same_time(const time_span& a, const time_span& b) { return a.grain == b.grain && overlaps(a, b); }

std::string fingerprint_of(std::string_view code, std::string_view subject, double value,
                           const std::optional<time_span>& when) {
    const std::string key = fmt::format("{}|{}|{:.6g}|{}", code, subject, value,
                                        when ? iso_date(when->from) + "/" + iso_date(when->to) : "");
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char ch : key) h = (h ^ ch) * 1099511628211ULL;
    return fmt::format("{:016x}", h);
}

}  // namespace factlint
