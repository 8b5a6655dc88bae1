// Reads *.claims files, parses them, and merges them into one indexed store.
#include "checker/claims_loader.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <optional>
#include <system_error>

#include "checker/claims_parse.hpp"
#include "claims/file_bytes.hpp"
#include "claims/id_table.hpp"

namespace factlint {
namespace {

namespace fs = std::filesystem;

grammar::claims_file_error file_error(const std::string& path, std::string message) {
    return {{path, 0, 0}, std::move(message), {}};
}

// The files a path stands for: itself, or the *.claims files under it.
std::vector<std::string> expand(const std::string& path, std::vector<grammar::claims_file_error>& errors) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) return {path};
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".claims" && it->is_regular_file(ec))
            files.push_back(it->path().string());
    }
    if (ec) errors.push_back(file_error(path, "cannot read directory: " + ec.message()));
    std::sort(files.begin(), files.end());
    return files;
}

std::string line_of(std::string_view content, int line) {
    std::size_t at = 0;
    for (int n = 1; n < line && at != std::string_view::npos; ++n) {
        at = content.find('\n', at);
        if (at != std::string_view::npos) ++at;
    }
    if (at == std::string_view::npos || at > content.size()) return {};
    std::string_view rest = content.substr(at);
    rest = rest.substr(0, rest.find('\n'));
    if (rest.ends_with('\r')) rest.remove_suffix(1);
    return std::string(rest);
}

// Every file read before any is parsed: the cache's key covers them all,
// and is taken as they are read when there is a cache (`key`). A file that
// cannot be read keeps its place, with no text.
std::vector<std::optional<claims_text>> read_all(const std::vector<std::string>& files,
                                                 claims_key_builder* key) {
    std::vector<std::optional<claims_text>> texts;
    texts.reserve(files.size());
    bytes_sink sink;
    if (key != nullptr) sink = [key](std::string_view piece) { key->add(piece); };
    for (const auto& file : files) {
        claims_text t{file, {}};
        std::string unread;  // why, for a file that cannot be read: not reported here
        if (key != nullptr) key->begin_file(file);
        if (!read_file_bytes(file, t.content, unread, sink)) {
            if (key != nullptr) key->failed();
            texts.emplace_back();
            continue;
        }
        if (key != nullptr) key->end_file();
        texts.push_back(std::move(t));
    }
    return texts;
}

// The files' compiled store from the cache, made with their texts (moved
// out of `texts`), or nullopt; `key` is set when the cache is on and the
// files are large enough, so that a miss writes the store parsed from them.
std::optional<claim_store> from_cache(const claims_cache_options& cache,
                                      const std::optional<claims_key_builder>& built,
                                      std::vector<std::optional<claims_text>>& texts, std::string& key,
                                      load_result& result) {
    if (!built) return std::nullopt;  // no cache
    std::optional<std::string> k = built->key(cache.min_bytes);
    if (!k) return std::nullopt;
    key = std::move(*k);
    std::optional<claim_store> store = find_compiled_claims(cache, key, texts);
    result.cache = store ? cache_use::hit : cache_use::missed;
    return store;
}

}  // namespace

load_result load_claims(const std::vector<std::string>& paths, const claims_cache_options& cache,
                        unsigned jobs) {
    std::vector<grammar::claims_file_error> errors;
    std::vector<std::string> files;
    for (const auto& path : paths) {
        for (auto& file : expand(path, errors)) files.push_back(std::move(file));
    }
    load_result result = load_claim_files(files, cache, jobs);
    errors.insert(errors.end(), std::make_move_iterator(result.errors.begin()),
                  std::make_move_iterator(result.errors.end()));
    result.errors = std::move(errors);
    return result;
}

load_result load_claim_files(const std::vector<std::string>& files, const claims_cache_options& cache,
                             unsigned jobs, const pool_lender& lend) {
    load_result result;
    // Every file read once: hashed for the key, then viewed by the store
    // read back from the cache or parsed.
    std::optional<claims_key_builder> built;
    if (!cache.dir.empty()) built.emplace();
    std::vector<std::optional<claims_text>> texts = read_all(files, built ? &*built : nullptr);
    std::string key;
    if (std::optional<claim_store> store = from_cache(cache, built, texts, key, result)) {
        result.store = std::move(*store);
        result.files = files.size();
        return result;
    }
    // Ids are unique within a file by the parser; across files by this
    // table (id -> its claim's place in the store), needed only when there
    // is more than one file. It views the ids in the files' storages.
    id_table first_definition;
    if (files.size() > 1) {
        // Room for the claims of all files at once, estimated as the parser
        // does (claims_file.cpp): grown file by file, the store's claims
        // moved to new memory again and again.
        std::size_t bytes = 0;
        for (const auto& t : texts) bytes += t ? t->content.size() : 0;
        result.store.reserve(bytes / 128);
        first_definition.reserve(bytes / 256);  // as the parser's table of ids: no rehash for most sets
    }
    std::vector<std::optional<parsed_claims_file>> parsed_files = parse_claim_texts(texts, jobs, lend);
    for (std::size_t f = 0; f < files.size(); ++f) {
        const std::string& file = files[f];
        if (!parsed_files[f]) {
            result.errors.push_back(file_error(file, "cannot read claims file"));
            continue;
        }
        ++result.files;
        parsed_claims_file& parsed = *parsed_files[f];
        std::move(parsed.errors.begin(), parsed.errors.end(), std::back_inserter(result.errors));
        const std::string_view text = parsed.storages.front()->content;  // a storage never moves
        for (auto& storage : parsed.storages) result.store.keep(std::move(storage));
        if (files.size() == 1) {  // nothing to check across files: take the claims whole
            result.store.add_all(std::move(parsed.claims));
            continue;
        }
        const std::size_t needed = result.store.claims().size() + parsed.claims.size();
        if (needed > result.store.claims().capacity())  // past the estimate: grown geometrically
            result.store.reserve(std::max(needed, 2 * result.store.claims().capacity()));
        for (auto& claim : parsed.claims) {
            const auto number = static_cast<std::uint32_t>(result.store.claims().size());
            const auto [first, inserted] = first_definition.insert(claim.id, number);
            if (!inserted) {
                const claim_position& at = result.store.claims()[first].where;
                result.errors.push_back(
                    {{std::string(claim.where.file), claim.where.line, claim.where.column},
                     grammar::duplicate_id_message(claim.id, at.file, at.line, at.column),
                     line_of(text, claim.where.line)});
                continue;
            }
            result.store.add(claim);  // a few views and spans: copied
        }
    }
    result.store.build_index();
    if (!key.empty() && result.errors.empty()) {
        if (cache.defer_write)
            result.key_to_write = std::move(key);
        else if (store_compiled_claims(cache, key, result.store))
            result.cache = cache_use::stored;
    }
    return result;
}

}  // namespace factlint
