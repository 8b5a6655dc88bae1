// JSON Lines for `factlint extract` (SPEC §3).
#include "report/records.hpp"

#include "report/detail.hpp"

namespace factlint {
namespace {

using json = nlohmann::ordered_json;
using report_detail::json_number;

json string_or_null(std::string_view s) { return s.empty() ? json(nullptr) : json(s); }

// An open end ("since 2019", "until 2003") has no date: null.
json day_json(day_number d) {
    if (d == open_start || d == open_end) return nullptr;
    return iso_date(d);
}

// A vague reference ("recently") has a direction but no interval.
json vague_time_json(const claim_record& r) {
    json t;
    t["from"] = nullptr;
    t["to"] = nullptr;
    t["granularity"] = nullptr;
    t["basis"] = basis_name(r.basis);
    t["reference"] = r.verb_tense == tense::past     ? "past"
                     : r.verb_tense == tense::future ? "future"
                                                     : "present";
    return t;
}

json time_json(const claim_record& r) {
    if (r.basis == time_basis::vague) return vague_time_json(r);
    if (!r.time) return nullptr;
    json t;
    t["from"] = day_json(r.time->from);
    t["to"] = day_json(r.time->to);
    t["granularity"] = granularity_name(r.time->grain);
    t["basis"] = r.basis == time_basis::none ? json(nullptr) : json(basis_name(r.basis));
    return t;
}

// The hedge as written ("about"); failing that the kind of hedge.
json hedge_json(const claim_record& r) {
    if (!r.hedge_text.empty()) return r.hedge_text;
    if (r.hedge != hedge_kind::none) return hedge_name(r.hedge);
    return nullptr;
}

json change_json(const change_info& c) {
    json j;
    j["direction"] = c.dir == change_info::direction::up ? "up" : "down";
    j["percent"] = c.has_percent ? json_number(c.percent_value) : json(nullptr);
    j["points"] = c.percent_points;
    return j;
}

json span_array(byte_span span, const line_index& lines) {
    const auto begin = lines.locate(span.begin);
    const auto end = lines.locate(span.end);
    return json::array({begin.line, begin.column, end.line, end.column});
}

}  // namespace

void write_record_jsonl(const claim_record& r, const std::string& file, const line_index& lines,
                        std::ostream& out) {
    const auto begin = lines.locate(r.span.begin);
    const auto end = lines.locate(r.span.end);  // the character after the span: exclusive
    json j;
    j["file"] = file;
    j["line"] = begin.line;
    j["column"] = begin.column;
    j["end_line"] = end.line;
    j["end_column"] = end.column;
    j["text"] = r.text;
    j["kind"] = record_kind_name(r.kind);
    const bool dated = r.kind == record_kind::date || r.kind == record_kind::period;
    if (!dated) {
        j["value"] = json_number(r.value);
        j["low"] = json_number(r.range.low);
        j["high"] = json_number(r.range.high);
    }
    j["hedge"] = hedge_json(r);
    if (!dated) j["unit"] = r.unit;  // a date measures nothing
    j["noun"] = string_or_null(r.noun);
    j["scale"] = string_or_null(r.scale);
    j["time"] = time_json(r);
    j["sentence"] = span_array(r.sentence, lines);
    j["claim"] = string_or_null(r.claim_id);
    if (r.kind == record_kind::change && r.change) j["change"] = change_json(*r.change);
    out << report_detail::dump_json(j) << '\n';
}

}  // namespace factlint
