// JSON Lines for `factlint extract` (SPEC §3).
#include "report/records.hpp"

#include <charconv>
#include <string_view>

#include "report/detail.hpp"

namespace factlint {
namespace {

using json = nlohmann::ordered_json;
using report_detail::json_number;

// One JSON object, written key by key into a line as nlohmann's compact
// dump of an ordered_json prints it, byte for byte (tests/unit/report_test.cpp
// compares the two). Building a document per record, a heap block per key
// and value, was most of what `extract` cost beyond `check`.
class object_writer {
public:
    explicit object_writer(std::string& out) : out_(out) { out_ += '{'; }
    object_writer(const object_writer&) = delete;
    object_writer& operator=(const object_writer&) = delete;
    ~object_writer() { out_ += '}'; }

    object_writer& key(std::string_view k) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k;  // the keys are ours: plain ASCII
        out_ += "\":";
        return *this;
    }
    void string(std::string_view s) {
        bool plain = true;
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            if (c < 0x20) plain = false;  // nlohmann's escapes of control bytes, below
        }
        if (!plain || !valid_utf8(s)) {
            out_ += report_detail::dump_json(json(s));  // escaped, bad bytes replaced
            return;
        }
        out_ += '"';
        for (const char ch : s) {
            if (ch == '"' || ch == '\\') out_ += '\\';
            out_ += ch;
        }
        out_ += '"';
    }
    void string_or_null(std::string_view s) {
        if (s.empty())
            null();
        else
            string(s);
    }
    void null() { out_ += "null"; }
    void boolean(bool b) { out_ += b ? "true" : "false"; }
    void integer(long long v) {
        char buffer[24];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
        out_.append(buffer, end);
    }
    // As json_number prints it: whole values as integers, others as
    // nlohmann prints a double, infinities and NaN as null.
    void number(double v) {
        const json j = json_number(v);
        if (j.is_number_integer())
            integer(j.get<long long>());
        else
            out_ += report_detail::dump_json(j);
    }
    void day(day_number d) {  // an open end ("since 2019") has no date
        if (d == open_start || d == open_end)
            null();
        else
            string(iso_date(d));
    }
    std::string& text() { return out_; }

private:
    std::string& out_;
    bool first_ = true;
};

void write_time(object_writer& j, const claim_record& r) {
    if (r.basis == time_basis::vague) {  // a direction, no interval ("recently")
        object_writer t(j.text());
        t.key("from").null();
        t.key("to").null();
        t.key("granularity").null();
        t.key("basis").string(basis_name(r.basis));
        t.key("reference")
            .string(r.verb_tense == tense::past     ? "past"
                    : r.verb_tense == tense::future ? "future"
                                                    : "present");
        return;
    }
    if (!r.time) {
        j.null();
        return;
    }
    object_writer t(j.text());
    t.key("from").day(r.time->from);
    t.key("to").day(r.time->to);
    t.key("granularity").string(granularity_name(r.time->grain));
    if (r.basis == time_basis::none)
        t.key("basis").null();
    else
        t.key("basis").string(basis_name(r.basis));
}

// The hedge as written ("about"); failing that the kind of hedge.
void write_hedge(object_writer& j, const claim_record& r) {
    if (!r.hedge_text.empty())
        j.string(r.hedge_text);
    else if (r.hedge != hedge_kind::none)
        j.string(hedge_name(r.hedge));
    else
        j.null();
}

void write_change(object_writer& j, const change_info& c) {
    object_writer o(j.text());
    o.key("direction").string(c.dir == change_info::direction::up ? "up" : "down");
    if (c.has_percent)
        o.key("percent").number(c.percent_value);
    else
        o.key("percent").null();
    o.key("points").boolean(c.percent_points);
}

void write_span(object_writer& j, byte_span span, const line_index& lines) {
    const auto begin = lines.locate(span.begin);
    const auto end = lines.locate(span.end);
    std::string& out = j.text();
    out += '[';
    j.integer(begin.line);
    out += ',';
    j.integer(begin.column);
    out += ',';
    j.integer(end.line);
    out += ',';
    j.integer(end.column);
    out += ']';
}

}  // namespace

void write_record_jsonl(const claim_record& r, const std::string& file, const line_index& lines,
                        std::ostream& out) {
    thread_local std::string line;  // reused from record to record, on each thread that writes
    line.clear();
    append_record_jsonl(r, file, lines, line);
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

void append_record_jsonl(const claim_record& r, const std::string& file, const line_index& lines,
                         std::string& line) {
    const auto begin = lines.locate(r.span.begin);
    const auto end = lines.locate(r.span.end);  // the character after the span: exclusive
    {
        object_writer j(line);
        j.key("file").string(file);
        j.key("line").integer(begin.line);
        j.key("column").integer(begin.column);
        j.key("end_line").integer(end.line);
        j.key("end_column").integer(end.column);
        j.key("text").string(r.text);
        j.key("kind").string(record_kind_name(r.kind));
        const bool dated = r.kind == record_kind::date || r.kind == record_kind::period;
        if (!dated) {
            j.key("value").number(r.value);
            j.key("low").number(r.range.low);
            j.key("high").number(r.range.high);
        }
        write_hedge(j.key("hedge"), r);
        if (!dated) j.key("unit").string(r.unit);  // a date measures nothing
        j.key("noun").string_or_null(r.noun);
        j.key("scale").string_or_null(r.scale);
        write_time(j.key("time"), r);
        write_span(j.key("sentence"), r.sentence, lines);
        j.key("claim").string_or_null(r.claim_id);
        if (r.kind == record_kind::change && r.change) write_change(j.key("change"), *r.change);
    }
    line += '\n';
}

}  // namespace factlint
