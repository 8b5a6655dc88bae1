#include "checker/claims_parse.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>

#include "checker/parallel.hpp"
#include "claims/huge_pages.hpp"
#include "claims/id_table.hpp"

namespace factlint {
namespace {

// What one thread parses at a time: a whole file, or one piece of one.
struct parse_unit {
    std::size_t file = 0;
    std::size_t piece = 0;           // among the file's pieces
    std::size_t begin = 0, end = 0;  // the piece's bytes in the file's content
    bool whole = true;
    int first_line = 1;  // of a piece: the number of its first line in the file
};

// A file's parse as it comes back: whole, or in pieces viewing `content_of`.
struct file_parse {
    std::optional<grammar::claims_file> whole;
    std::unique_ptr<claims_storage> content_of;  // the file's path and content, for its pieces
    std::vector<grammar::claims_file> pieces;
};

bool by_position(const grammar::claims_file_error& a, const grammar::claims_file_error& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
}

parsed_claims_file from_whole(grammar::claims_file parsed) {
    parsed_claims_file out;
    out.claims = std::move(parsed.claims);
    out.errors = std::move(parsed.errors);
    out.storages.push_back(std::move(parsed.storage));
    return out;
}

// A file parsed in pieces, made what it gives parsed whole: each claim id
// judged against those defined before it in the file, in order, as the
// parser judges them in a file it reads whole (grammar/claims_file.cpp,
// first_definitions), with the same message; a duplicate is left out.
parsed_claims_file join_pieces(std::unique_ptr<claims_storage> whole,
                               std::vector<grammar::claims_file> pieces) {
    parsed_claims_file out;
    std::size_t ids = 0;
    for (const auto& p : pieces) ids += p.ids.size();
    reserve_huge(out.claims, ids);
    id_table seen;
    seen.reserve(ids);
    std::vector<std::pair<int, int>> first_places;  // line and column of each id's first definition
    first_places.reserve(ids);
    const std::string& path = whole->path;
    out.storages.push_back(std::move(whole));
    for (grammar::claims_file& p : pieces) {
        std::vector<grammar::claims_file_error> duplicates;
        std::vector<bool> left_out(p.claims.size());
        for (const grammar::defined_id& d : p.ids) {
            const auto [first, added] = seen.insert(d.id, static_cast<std::uint32_t>(first_places.size()));
            if (added) {
                first_places.emplace_back(d.line, d.column);
                continue;
            }
            const auto [line, column] = first_places[first];
            duplicates.push_back({{path, d.line, d.column},
                                  grammar::duplicate_id_message(d.id, path, line, column),
                                  std::string(d.line_text)});
            if (d.claim != grammar::defined_id::none) left_out[d.claim] = true;
        }
        // The piece's own errors first among those at one place, as the
        // parser finds a duplicate when its claim closes and sorts stably.
        std::merge(std::make_move_iterator(p.errors.begin()), std::make_move_iterator(p.errors.end()),
                   std::make_move_iterator(duplicates.begin()), std::make_move_iterator(duplicates.end()),
                   std::back_inserter(out.errors), by_position);
        for (std::size_t k = 0; k < p.claims.size(); ++k)
            if (!left_out[k]) out.claims.push_back(p.claims[k]);
        out.storages.push_back(std::move(p.storage));
    }
    return out;
}

// The units of a set parsed on `jobs` threads: a file larger than its
// share of the set (and than two pieces) is cut into pieces of about that
// share; its content moves into `parses[f].content_of` for them to view.
// With one job every file is one unit.
std::vector<parse_unit> units_of(std::vector<std::optional<claims_text>>& texts, std::size_t bytes,
                                 unsigned jobs, std::vector<file_parse>& parses) {
    const std::size_t share = std::max(min_piece_bytes, (bytes + jobs - 1) / jobs);
    std::vector<parse_unit> units;
    for (std::size_t f = 0; f < texts.size(); ++f) {
        if (!texts[f]) continue;
        const std::size_t size = texts[f]->content.size();
        std::vector<std::size_t> starts;
        if (size > share && size >= 2 * min_piece_bytes)
            starts = grammar::piece_starts(texts[f]->content, (size + share - 1) / share);
        if (starts.size() < 2) {
            units.push_back({f, 0, 0, 0, true});
            continue;
        }
        auto& content_of = parses[f].content_of = std::make_unique<claims_storage>();
        content_of->path = std::move(texts[f]->path);
        content_of->content = std::move(texts[f]->content);
        parses[f].pieces.resize(starts.size());
        for (std::size_t k = 0; k < starts.size(); ++k)
            units.push_back({f, k, starts[k], k + 1 < starts.size() ? starts[k + 1] : size, false});
    }
    return units;
}

void parse_unit_with(grammar::claims_set_parser& parser, const parse_unit& u,
                     std::vector<std::optional<claims_text>>& texts, std::vector<file_parse>& parses) {
    file_parse& p = parses[u.file];
    if (u.whole) {
        claims_text& t = *texts[u.file];
        p.whole = parser.parse(t.path, std::move(t.content));
        return;
    }
    p.pieces[u.piece] = parser.parse_piece(*p.content_of, u.begin, u.end, u.first_line);
}

// Numbers the first line of each piece: the lines of each piece counted on
// the threads, each byte once, then added up piece after piece. (Each
// piece counting from its file's start read the file's first bytes once
// for every piece: with `-j` at 64 on a machine of two cores, 36 pieces of
// 18 MB counted 324 MB.)
template <class State, class Task>
void parallel_on(worker_pool* pool, std::size_t count, unsigned jobs, Task&& task) {
    if (pool != nullptr)
        parallel_for_with<State>(*pool, count, jobs, task);
    else
        parallel_for_with<State>(count, jobs, task);
}

void number_first_lines(std::vector<parse_unit>& units, unsigned jobs, worker_pool* pool,
                        const std::vector<file_parse>& parses) {
    std::vector<std::size_t> lines(units.size());
    using parallel_detail::no_state;
    parallel_on<no_state>(pool, units.size(), jobs, [&](std::size_t k, no_state&) {
        const parse_unit& u = units[k];
        if (u.whole) return;
        const std::string_view piece =
            std::string_view(parses[u.file].content_of->content).substr(u.begin, u.end - u.begin);
        lines[k] = grammar::newlines_in(piece);
    });
    std::size_t before = 0;
    for (std::size_t k = 0; k < units.size(); ++k) {
        if (units[k].whole) continue;
        if (units[k].piece == 0) before = 0;
        units[k].first_line = static_cast<int>(1 + before);
        before += lines[k];
    }
}

}  // namespace

std::vector<std::optional<parsed_claims_file>> parse_claim_texts(
    std::vector<std::optional<claims_text>>& texts, unsigned jobs, const pool_lender& lend) {
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t ? t->content.size() : 0;
    if (bytes < parallel_parse_min_bytes) jobs = 1;  // one parser, the files in turn, no piece
    std::vector<file_parse> parses(texts.size());
    std::vector<parse_unit> units = units_of(texts, bytes, std::max(1u, jobs), parses);
    worker_pool* const pool = jobs > 1 && units.size() > 1 && lend ? lend() : nullptr;
    number_first_lines(units, jobs, pool, parses);
    // Each thread with a parser of its own: a parser only remembers how
    // value texts of one shape read, which gives the same values whoever
    // reads them.
    parallel_on<grammar::claims_set_parser>(pool, units.size(), jobs,
                                            [&](std::size_t u, grammar::claims_set_parser& parser) {
                                                parse_unit_with(parser, units[u], texts, parses);
                                            });
    std::vector<std::optional<parsed_claims_file>> parsed(texts.size());
    for (std::size_t f = 0; f < texts.size(); ++f) {
        if (parses[f].whole)
            parsed[f] = from_whole(std::move(*parses[f].whole));
        else if (parses[f].content_of)
            parsed[f] = join_pieces(std::move(parses[f].content_of), std::move(parses[f].pieces));
    }
    return parsed;
}

}  // namespace factlint
