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

// The token that contains byte b of the sentence (or the next one).
std::size_t token_at(const sentence_analysis& a, std::size_t b) {
    const auto& tokens = a.toks.tokens;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i].end > b) return i;
    return tokens.empty() ? 0 : tokens.size() - 1;
}

// The first token of part p after its boundary punctuation.
std::size_t first_token_of_part(const sentence_analysis& a, std::size_t p) {
    for (std::size_t i = 0; i < a.toks.tokens.size(); ++i)
        if (a.part[i] == p && a.toks.tokens[i].what != tk::punct) return i;
    return a.toks.tokens.size();
}

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
    auto best_in_part = [&](std::size_t in_part) {
        int best = -1;
        std::size_t best_distance = SIZE_MAX;
        for (std::size_t qi = 0; qi < a.toks.quantities.size(); ++qi) {
            const auto& q = a.toks.quantities[qi];
            if (a.part[a.toks.quantity_token[qi]] != in_part) continue;
            if (!compatible_units(q.unit, claim_unit)) continue;
            if (q.begin < hit.end && hit.begin < q.end) continue;  // the name contains the figure
            const std::size_t d = distance(hit.begin, hit.end, q.begin, q.end);
            if (d < best_distance) best_distance = d, best = quantity_record[qi];
        }
        return best;
    };
    int best = best_in_part(part);
    // "Imports from Iraq, mostly crude oil, were $8.5 billion": the figure may
    // follow an appositive. Never backwards: "78% of its capacity" does not
    // name the figure before it.
    for (std::size_t p = part + 1; best < 0 && p < a.part_count; ++p) {
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
    for (std::size_t ti = 0; ti < a.toks.times.size(); ++ti) {
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
        r.subject = claim.id;
    }
}

}  // namespace

void match_claims(const sentence_analysis& a, const claim_store& store, std::vector<claim_record>& records,
                  const std::vector<int>& quantity_record, const std::vector<int>& time_record) {
    for (const name_hit& h : store.scan(a.text)) {
        const reference_claim& claim = store.claims()[h.claim];
        if (!claim.values.empty() || claim.period) link_value(a, claim, h, records, quantity_record);
        if (claim.date || claim.period) link_dates(a, claim, h, records, time_record);
    }
}

}  // namespace factlint
