// What a time phrase means: its span of days, its basis, and a TIMEX3-like
// value. Relative phrases count from the document date (SPEC §3, §4.3).
#include <fmt/format.h>

#include "grammar/time_core.hpp"

namespace factlint::grammar::time_detail {
namespace {

using doc_date = std::optional<time_span>;

// Monday = 1 … Sunday = 7; 1970-01-01 was a Thursday.
unsigned iso_weekday(day_number d) { return static_cast<unsigned>(((d + 3) % 7 + 7) % 7) + 1; }

// What fmt's "{:0N}" writes for `value`, N = width: digits written by hand
// for a value that is not negative (fmt::format cost about 800 instructions
// a date, for every date of the text).
void append_padded(std::string& out, long value, int width) {
    if (value < 0) {
        out += fmt::format("{:0{}}", value, width);
        return;
    }
    char digits[24];
    int n = 0;
    auto v = static_cast<unsigned long>(value);
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (int i = n; i < width; ++i) out += '0';
    while (n > 0) out += digits[--n];
}

// `prefix`, then `value` as fmt's "{:0N}" writes it (N = width), then
// `suffix`: the values below are built so, not with fmt::format (most
// dates of a text without a document date take one).
std::string padded(std::string_view prefix, long value, int width, std::string_view suffix = {}) {
    std::string out(prefix);
    append_padded(out, value, width);
    out += suffix;
    return out;
}

std::string iso_week(day_number monday) {
    const day_number thursday = monday + 3;
    const int year = to_civil(thursday).year;
    const int week = (thursday - to_day_number({year, 1, 1})) / 7 + 1;
    std::string out = padded({}, year, 4, "-W");
    append_padded(out, week, 2);
    return out;
}

// "XXXX-03", "XXXX-03-09": a month, or a month's day, without its year.
std::string month_without_year_value(unsigned month) { return padded("XXXX-", month, 2); }
std::string day_without_year_value(unsigned month, unsigned day) {
    std::string out = padded("XXXX-", month, 2, "-");
    append_padded(out, day, 2);
    return out;
}

// "XXXX-Q3", "XXXX-H1": a quarter or half without its year; "2021-H1".
std::string part_without_year_value(bool half, unsigned part) {
    return padded(half ? "XXXX-H" : "XXXX-Q", part, 0);
}
std::string half_value(int year, unsigned part) {
    std::string out = padded({}, year, 4, "-H");
    append_padded(out, part, 0);
    return out;
}

std::string timex_point(day_number d, granularity g) {
    const civil_date c = to_civil(d);
    std::string out;
    switch (g) {
        case granularity::day:
            if (d == open_start || d == open_end) return iso_date(d);
            append_padded(out, c.year, 4);
            out += '-';
            append_padded(out, c.month, 2);
            out += '-';
            append_padded(out, c.day, 2);
            return out;
        case granularity::month:
            append_padded(out, c.year, 4);
            out += '-';
            append_padded(out, c.month, 2);
            return out;
        case granularity::quarter:
            append_padded(out, c.year, 4);
            out += "-Q";
            append_padded(out, (c.month - 1) / 3 + 1, 0);
            return out;
        case granularity::year: append_padded(out, c.year, 4); return out;
        case granularity::decade: append_padded(out, c.year / 10, 3); return out;
        case granularity::century: append_padded(out, c.year / 100, 2); return out;
    }
    return iso_date(d);
}

// Whether timex_point writes one value for the days a and b (neither open):
// the numbers compared here are what it writes, each so that two numbers
// never give one value.
bool same_timex_point(day_number a, day_number b, granularity g) {
    if (g == granularity::day) return a == b;
    const civil_date x = to_civil(a), y = to_civil(b);
    switch (g) {
        case granularity::day: return a == b;
        case granularity::month: return x.year == y.year && x.month == y.month;
        case granularity::quarter: return x.year == y.year && (x.month - 1) / 3 == (y.month - 1) / 3;
        case granularity::year: return x.year == y.year;
        case granularity::decade: return x.year / 10 == y.year / 10;
        case granularity::century: return x.year / 100 == y.year / 100;
    }
    return timex_point(a, g) == timex_point(b, g);
}

// The document date when it is at least as fine as `grain`.
std::optional<time_span> doc_at(const doc_date& doc, granularity grain) {
    if (!doc || doc->grain > grain) return std::nullopt;
    return coarsened(*doc, grain);
}

// Two-digit years: the century that puts the year nearest before the
// document date (or within ten years after it); without one, 00–49 → 20xx.
int full_year(int yy, const doc_date& doc, int ahead) {
    if (!doc) return yy < 50 ? 2000 + yy : 1900 + yy;
    const int base = to_civil(doc->from).year;
    int year = base / 100 * 100 + yy;
    if (year > base + ahead) year -= 100;
    return year;
}

resolved_time relative(std::optional<time_span> span, std::string unresolved) {
    resolved_time r;
    r.basis = time_basis::relative;
    r.span = span;
    r.normalized = span ? timex_of(*span) : std::move(unresolved);
    return r;
}

resolved_time explicit_span(const time_span& s) { return {s, time_basis::explicit_, timex_of(s)}; }

// A month without a year: "in March" is the latest March not after the
// document's month, "last March" the one before the document's month,
// "next March" the first after it.
resolved_time month_without_year(const time_core& c, const doc_date& doc) {
    const auto at = doc_at(doc, granularity::month);
    if (!at) return relative(std::nullopt, month_without_year_value(c.month));
    const civil_date now = to_civil(at->from);
    int year = now.year;
    const bool this_one = c.shift == 0 && c.unit == granularity::month;  // "this September": this year's
    if (c.shift == 0 && c.future && !this_one && c.month < now.month) ++year;  // "expected in April"
    if (c.shift == 0 && !c.future && !this_one && c.month > now.month) --year;
    if (c.shift < 0 && c.month >= now.month) --year;
    if (c.shift > 0 && c.month <= now.month) ++year;
    return relative(time_span::month(year, c.month), {});
}

// A day without a year ("Sept. 30"): the next one when it is at most
// four months ahead of the document date (news announces dates a few
// months out), else the latest one on or before it.
resolved_time day_without_year(const time_core& c, const doc_date& doc) {
    const auto unresolved = [&c] { return day_without_year_value(c.month, c.day); };
    if (!doc_at(doc, granularity::month)) return relative(std::nullopt, unresolved());
    const day_number now = doc->grain == granularity::day ? doc->from : (doc->from + doc->to) / 2;
    const int year = to_civil(now).year;
    std::optional<time_span> past, next;
    for (int y = year - 1; y <= year + 1; ++y) {
        if (!valid_date(y, c.month, c.day)) continue;
        const time_span d = time_span::day(y, c.month, c.day);
        if (d.from <= now)
            past = d;
        else if (!next)
            next = d;
    }
    if (c.shift < 0) {  // "last Oct. 23": strictly before the document date
        for (int y = year; y >= year - 2; --y)
            if (valid_date(y, c.month, c.day) && time_span::day(y, c.month, c.day).from < now)
                return relative(time_span::day(y, c.month, c.day), {});
        return relative(std::nullopt, unresolved());
    }
    if (c.shift > 0) return next ? relative(next, {}) : relative(std::nullopt, unresolved());
    constexpr int ahead_days = 120;
    if (c.future && past && past->from == now) return relative(past, {});
    if (c.future && next) return relative(next, {});
    if (next && (next->from - now <= ahead_days || !past)) return relative(next, {});
    return past ? relative(past, {}) : relative(std::nullopt, unresolved());
}

// A quarter or half without a year: the latest one that has begun by the
// document date.
resolved_time part_without_year(const time_core& c, const doc_date& doc) {
    const bool half = c.form == core_form::half;
    const auto at = doc_at(doc, granularity::quarter);
    if (!at) return relative(std::nullopt, part_without_year_value(half, c.part));
    const civil_date now = to_civil(at->from);
    const unsigned first_month = half ? (c.part - 1) * 6 + 1 : (c.part - 1) * 3 + 1;
    const int year = first_month > now.month ? now.year - 1 : now.year;
    if (!half) return relative(time_span::quarter(year, c.part), {});
    resolved_time r = relative(
        time_span::hull(time_span::quarter(year, c.part * 2 - 1), time_span::quarter(year, c.part * 2)), {});
    r.normalized = half_value(year, c.part);
    return r;
}

resolved_time weekday(const time_core& c, const doc_date& doc) {
    static const char* const codes[] = {"", "1", "2", "3", "4", "5", "6", "7"};
    if (!doc || doc->grain != granularity::day)
        return relative(std::nullopt, std::string("XXXX-WXX-") + codes[c.part]);
    const unsigned today = iso_weekday(doc->from);
    int back = static_cast<int>((today + 7 - c.part) % 7);  // plain "Monday": on or before the document date
    if (c.shift < 0 && back == 0) back = 7;
    if (c.shift == 0 && c.future) back = -static_cast<int>((c.part + 7 - today) % 7);  // on or after
    if (c.shift > 0) back = -static_cast<int>((c.part + 7 - today) % 7 == 0 ? 7 : (c.part + 7 - today) % 7);
    return relative(time_span{doc->from - back, doc->from - back, granularity::day}, {});
}

// Seasons as three-month spans: spring March–May, summer June–August,
// fall September–November, winter December to February of the next year.
time_span season_span(int year, unsigned part) {
    const unsigned first = part * 3;  // 3, 6, 9, 12
    const day_number from = to_day_number({year, first, 1});
    const int last_year = part == 4 ? year + 1 : year;
    const unsigned last = part == 4 ? 2 : first + 2;
    return {from, to_day_number({last_year, last, days_in_month(last_year, last)}), granularity::quarter};
}

resolved_time season(const time_core& c, const doc_date& doc) {
    static const char* const codes[] = {"", "SP", "SU", "FA", "WI"};
    const auto named = [&](int year, time_basis basis) {
        return resolved_time{season_span(year, c.part), basis, padded({}, year, 4, "-") + codes[c.part]};
    };
    if (c.year) return named(c.year, time_basis::explicit_);
    const auto at = doc_at(doc, granularity::month);
    if (!at) return relative(std::nullopt, std::string("XXXX-") + codes[c.part]);
    const int now = to_civil(at->from).year;
    int year = now;
    if (c.shift < 0) year = now - 1;
    if (c.shift > 0 && season_span(now, c.part).from <= at->from) year = now + 1;
    if (c.past && season_span(now, c.part).to >= at->from) year = now - 1;
    return named(year, time_basis::relative);
}

resolved_time shifted_unit(const time_core& c, const doc_date& doc) {
    if (c.week) {
        if (!doc || doc->grain != granularity::day) return relative(std::nullopt, "XXXX-WXX");
        const day_number monday = doc->from - static_cast<int>(iso_weekday(doc->from)) + 1 + 7 * c.shift;
        resolved_time r = relative(time_span{monday, monday + 6, granularity::day}, {});
        r.normalized = iso_week(monday);
        return r;
    }
    const auto at = doc_at(doc, c.unit);
    if (!at)
        return relative(std::nullopt, c.shift < 0 ? "PAST_REF" : c.shift > 0 ? "FUTURE_REF" : "PRESENT_REF");
    return relative(shifted(*at, c.unit, c.shift), {});
}

}  // namespace

std::string timex_of(const time_span& s) {
    if (s.from == open_start || s.to == open_end)
        return timex_point(s.from == open_start ? s.to : s.from, s.grain);
    std::string out = timex_point(s.from, s.grain);
    if (same_timex_point(s.from, s.to, s.grain)) return out;
    out += '/';
    out += timex_point(s.to, s.grain);
    return out;
}

resolved_time resolve(const time_core& c, const doc_date& doc) {
    if (c.shifted_year) {
        // "next year's first quarter", "June last year": in the document's year + shift.
        const auto at = doc_at(doc, granularity::year);
        if (!at && c.form == core_form::month)
            return relative(std::nullopt, month_without_year_value(c.month));
        if (!at) return relative(std::nullopt, part_without_year_value(c.form == core_form::half, c.part));
        time_core in_year = c;
        in_year.shifted_year = false;
        in_year.year = to_civil(at->from).year + c.shift;
        resolved_time r = resolve(in_year, doc);
        r.basis = time_basis::relative;
        return r;
    }
    switch (c.form) {
        case core_form::year: return explicit_span(time_span::year(c.year));
        case core_form::year_span:
            return explicit_span(time_span::hull(time_span::year(c.year), time_span::year(c.year2)));
        case core_form::decade: {
            const int year = c.two_digit_year ? full_year(c.year, doc, 0) : c.year;
            return explicit_span(time_span::decade(year));
        }
        case core_form::century: {
            const time_span s{to_day_number({c.year, 1, 1}), to_day_number({c.year + 99, 12, 31}),
                              granularity::century};
            return explicit_span(s);
        }
        case core_form::month:
            if (c.year) return explicit_span(time_span::month(c.year, c.month));
            return month_without_year(c, doc);
        case core_form::day: {
            if (!c.year) return day_without_year(c, doc);
            const int year = c.two_digit_year ? full_year(c.year, doc, 10) : c.year;
            if (!valid_date(year, c.month, c.day)) return {std::nullopt, time_basis::none, {}};
            return explicit_span(time_span::day(year, c.month, c.day));
        }
        case core_form::quarter:
            if (c.year) return explicit_span(time_span::quarter(c.year, c.part));
            return part_without_year(c, doc);
        case core_form::half: {
            if (!c.year) return part_without_year(c, doc);
            resolved_time r = explicit_span(time_span::hull(time_span::quarter(c.year, c.part * 2 - 1),
                                                            time_span::quarter(c.year, c.part * 2)));
            r.normalized = half_value(c.year, c.part);
            return r;
        }
        case core_form::day_span: {
            time_core first = c;
            first.form = core_form::day;
            time_core last = first;
            last.day = c.day2;
            resolved_time a = resolve(first, doc);
            if (!a.span) return a;
            last.year = to_civil(a.span->from).year;
            last.two_digit_year = false;
            const resolved_time b = resolve(last, doc);
            if (!b.span) return a;
            a.span = time_span::hull(*a.span, *b.span);
            a.normalized += "/" + b.normalized;
            return a;
        }
        case core_form::weekday: return weekday(c, doc);
        case core_form::season: return season(c, doc);
        case core_form::relative:
            if (c.unit == granularity::day && !c.week) {
                if (!doc || doc->grain != granularity::day)
                    return relative(std::nullopt, c.shift == 0  ? "PRESENT_REF"
                                                  : c.shift < 0 ? "PAST_REF"
                                                                : "FUTURE_REF");
                return relative(shifted(*doc, granularity::day, c.shift), {});
            }
            return shifted_unit(c, doc);
        case core_form::present: return {doc, time_basis::document, "PRESENT_REF"};
    }
    return {};
}

resolved_time resolve_ago(granularity unit, bool week, int count, const doc_date& doc) {
    // "a decade ago" is ten years back, a year ("a decade ago" in 2020 is
    // 2010), not the decade before the document's (the 2010s would reach
    // 2019, a year back).
    if (unit == granularity::decade) {
        unit = granularity::year;
        count *= 10;
    }
    time_core c;
    c.form = core_form::relative;
    c.unit = unit;
    c.week = week;
    c.shift = -count;
    if (unit == granularity::day && !week) {
        if (!doc || doc->grain != granularity::day) return relative(std::nullopt, "PAST_REF");
        return relative(shifted(*doc, granularity::day, -count), {});
    }
    return shifted_unit(c, doc);
}

resolved_time resolve_latest_quarter(int years_back, const doc_date& doc) {
    const auto at = doc_at(doc, granularity::quarter);
    if (!at) return relative(std::nullopt, "XXXX-QX");
    return relative(shifted(*at, granularity::quarter, -1 - 4 * years_back), {});
}

resolved_time resolve_weekend(int shift, bool this_week, bool future, const doc_date& doc) {
    if (!doc || doc->grain != granularity::day) return relative(std::nullopt, "XXXX-WXX-WE");
    const unsigned today = iso_weekday(doc->from);
    const day_number monday = doc->from - static_cast<int>(today) + 1;
    day_number saturday = monday + 5;  // "this weekend": the document's week's
    if (shift < 0 || (shift == 0 && !this_week && !future && today < 6)) saturday -= 7;
    if (shift > 0) saturday += 7;
    resolved_time r = relative(time_span{saturday, saturday + 1, granularity::day}, {});
    r.normalized = iso_week(saturday - 5) + "-WE";
    return r;
}

}  // namespace factlint::grammar::time_detail
