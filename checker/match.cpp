// Matching a sentence to reference claims (SPEC §6): a claim's name links
// to the nearest figure of a compatible unit in its own part of the
// sentence, and to the dates its own verb governs.
#include "checker/sentence_analysis.hpp"
#include "checker/words.hpp"
#include "claims/store.hpp"
#include "claims/unit.hpp"

namespace factlint {

namespace {

using tk = token::kind;

// Every look-up below is a binary search or a bounded walk: a file can be
// one sentence of millions of words with a claim's name every few of them,
// and a walk over the sentence per name made checking it quadratic.

// Index of the first element of [0, n) for which `past(i)` holds; `past`
// is false then true along the range. (Not std::ranges::partition_point
// over an iota_view: clang 14, which builds the sanitizer stage, cannot
// compile libstdc++ 12's ranges.)
template <typename Pred>
std::size_t first_index(std::size_t n, Pred past) {
    std::size_t lo = 0, hi = n;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (past(mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// The token that contains byte b of the sentence (or the next one).
std::size_t token_at(const sentence_analysis& a, std::size_t b) {
    const auto& tokens = a.toks.tokens;
    const std::size_t i = first_index(tokens.size(), [&](std::size_t k) { return tokens[k].end > b; });
    if (i < tokens.size()) return i;
    return tokens.empty() ? 0 : tokens.size() - 1;
}

// The first token of part p after its boundary punctuation.
std::size_t first_token_of_part(const sentence_analysis& a, std::size_t p) {
    const std::size_t n = a.toks.tokens.size();
    for (std::size_t i = first_index(n, [&](std::size_t k) { return a.part[k] >= p; });
         i < n && a.part[i] == p; ++i)
        if (a.toks.tokens[i].what != tk::punct) return i;
    return n;
}

// How far the searches for a name's figure and dates look: past this many
// figures on either side of the name, or parts after it, prose has long
// moved on to other facts.
constexpr std::size_t figures_searched = 64;
constexpr std::size_t parts_searched = 16;

std::size_t distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    if (e1 <= b2) return b2 - e1;
    if (e2 <= b1) return b1 - e2;
    return 0;
}

void link_value(const sentence_analysis& a, const reference_claim& claim, const name_hit& hit,
                std::vector<claim_record>& records, const std::vector<int>& quantity_record) {
    const std::size_t part = a.part[token_at(a, hit.begin)];
    // A period claim without values still counts its figures ("2,500 combat troops", FL103).
    const std::string_view claim_unit =
        claim.values.empty() ? std::string_view("count") : claim.values.front().unit;
    const auto& quantities = a.toks.quantities;
    const std::size_t nq = quantities.size();
    const auto part_of = [&](std::size_t qi) { return a.part[a.toks.quantity_token[qi]]; };
    const auto usable = [&](std::size_t qi) {
        const auto& q = quantities[qi];
        // Not a figure the name contains, and of the claim's unit.
        return !(q.begin < hit.end && hit.begin < q.end) && compatible_units(q.unit, claim_unit);
    };
    // The nearest usable figure of part `in_part` (the earlier one of two as
    // near); quantities and their parts are in sentence order.
    auto best_in_part = [&](std::size_t in_part) {
        const std::size_t first = first_index(nq, [&](std::size_t qi) { return part_of(qi) >= in_part; });
        const std::size_t last = first_index(nq, [&](std::size_t qi) { return part_of(qi) > in_part; });
        const std::size_t after = first + first_index(last - first, [&](std::size_t k) {
                                      return quantities[first + k].begin >= hit.end;
                                  });
        std::size_t left = SIZE_MAX, right = SIZE_MAX;
        for (std::size_t qi = after, seen = 0; qi > first && seen < figures_searched; ++seen)
            if (usable(--qi)) {
                left = qi;
                break;
            }
        for (std::size_t qi = after, seen = 0; qi < last && seen < figures_searched; ++qi, ++seen)
            if (usable(qi)) {
                right = qi;
                break;
            }
        const auto d = [&](std::size_t qi) {
            return qi == SIZE_MAX ? SIZE_MAX
                                  : distance(hit.begin, hit.end, quantities[qi].begin, quantities[qi].end);
        };
        const std::size_t pick = d(left) <= d(right) ? left : right;
        return pick == SIZE_MAX ? -1 : quantity_record[pick];
    };
    int best = best_in_part(part);
    // "Imports from Iraq, mostly crude oil, were $8.5 billion": the figure may
    // follow an appositive. Never backwards: "78% of its capacity" does not
    // name the figure before it.
    for (std::size_t p = part + 1; best < 0 && p < a.part_count && p <= part + parts_searched; ++p) {
        const std::size_t first = first_token_of_part(a, p);
        if (first < a.toks.tokens.size() && a.toks.tokens[first].what == tk::word &&
            words::is_clause_conjunction(a.toks.tokens[first].lower))
            break;
        best = best_in_part(p);
        if (a.part_has_quantity[p]) break;
    }
    if (best < 0) return;
    claim_record& r = records[static_cast<std::size_t>(best)];
    if (!r.claim_id.empty()) return;  // a nearer name of another claim took it first
    r.claim_id = claim.id;
    r.claim_place = static_cast<std::uint32_t>(hit.claim);
    r.subject = claim.id;
}

// A date belongs to the named event when the name's own verb governs it
// ("the emergency, declared in June 2022, ended in March 2023") or it
// modifies the name ("the 2008 agreement").
void link_dates(const sentence_analysis& a, const reference_claim& claim, const name_hit& hit,
                std::vector<claim_record>& records, const std::vector<int>& time_record) {
    const auto& tokens = a.toks.tokens;
    const std::size_t name_first = token_at(a, hit.begin);
    std::size_t name_last = name_first;
    while (name_last + 1 < tokens.size() && tokens[name_last + 1].begin < hit.end) ++name_last;
    // Only dates just before the name ("the 2008 agreement") or governed by
    // a verb at most 7 tokens after it can belong to it; that verb governs a
    // date at most 4 tokens further (governing_role).
    const std::size_t window_first = name_first >= 2 ? name_first - 2 : 0;
    const std::size_t window_last = name_last + 7 + 4;
    const std::size_t nt = a.toks.times.size();
    for (std::size_t ti =
             first_index(nt, [&](std::size_t k) { return a.toks.time_token[k] >= window_first; });
         ti < nt && a.toks.time_token[ti] <= window_last; ++ti) {
        const std::size_t t = a.toks.time_token[ti];
        claim_record& r = records[static_cast<std::size_t>(time_record[ti])];
        if (!r.claim_id.empty()) continue;
        event_role role = event_role::none;
        if (t > name_last) {
            const governing_verb v = governing_role(a, t);
            if (v.role == event_role::none || v.verb <= name_last || v.verb - name_last > 7) continue;
            bool crosses_clause = false;
            for (std::size_t i = name_last + 1; i < v.verb; ++i)
                // "began in 2014 and ended in 2021" shares the subject; "and the
                // reservoir filled" does not.
                if (tokens[i].is_punct(";") || tokens[i].is_punct(":") || tokens[i].what == tk::quantity ||
                    ((tokens[i].is_word("and") || tokens[i].is_word("but")) && i + 1 != v.verb))
                    crosses_clause = true;
            if (crosses_clause) continue;
            role = v.role;
        } else if (t + 1 == name_first ||
                   (t + 2 == name_first && tokens[t + 1].what == tk::word && !tokens[t + 1].is_word("and"))) {
            role = event_role::date;  // "the 2008 agreement"
        } else {
            continue;
        }
        if (claim.period && !claim.date && role == event_role::date) continue;
        if (claim.date && role != event_role::none) role = event_role::date;
        r.role = role;
        r.claim_id = claim.id;
        r.claim_place = static_cast<std::uint32_t>(hit.claim);
        r.subject = claim.id;
    }
}

// The names in the sentence. The tokenizer's lower-case copy of it is
// followed by zeros: there the scan reads a word to its end without a test
// of the text's end at every byte.
std::vector<name_hit> scan_sentence(const sentence_analysis& a, const claim_store& store) {
    const std::vector<char>& lowered = a.toks.lowered;
    const std::size_t n = a.text.size();
    if (lowered.size() > n && lowered[n] == '\0')
        return store.scan_padded(std::string_view(lowered.data(), n));
    return store.scan(a.text);
}

}  // namespace

void match_claims(const sentence_analysis& a, const claim_store& store, std::vector<claim_record>& records,
                  const std::vector<int>& quantity_record, const std::vector<int>& time_record) {
    for (const name_hit& h : scan_sentence(a, store)) {
        const reference_claim& claim = store.claims()[h.claim];
        if (!claim.values.empty() || claim.period) link_value(a, claim, h, records, quantity_record);
        if (claim.date || claim.period) link_dates(a, claim, h, records, time_record);
    }
}

}  // namespace factlint
