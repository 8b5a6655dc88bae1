// Cache files: "claims-KEY.bin" in the cache directory, each a header (a
// mark, the format, the key, the size and hash of what follows) and a
// compiled store. Written to a temporary file and renamed, so that a run
// never reads a file another is still writing.
#include "checker/claims_cache.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
// The library's XXH3 functions that pick AVX2 (or AVX-512) at run time
// where the processor has it, instead of the SSE2 of the plain ones: the
// same hashes at under a third of the instructions, over the 44 MB an entry of
// 100,000 claims checks on every hit and the 18 MB of its claims hashed
// for the key.
#if defined(__x86_64__) && __has_include(<xxh_x86dispatch.h>)
#include <xxh_x86dispatch.h>
#endif

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <system_error>
#include <type_traits>

#include <fmt/format.h>

#include "claims/compiled_store.hpp"
#include "claims/file_bytes.hpp"
#include "claims/huge_pages.hpp"

namespace factlint {
namespace {

namespace fs = std::filesystem;

constexpr std::array<char, 8> file_mark = {'F', 'L', 'C', 'L', 'A', 'I', 'M', 'S'};
// Raised whenever the compiled form or what it holds changes meaning; the
// build ids in the key change with every build anyway.
constexpr std::uint64_t format_version = 8;

// The start of a cache file, written and read as it is in memory: its
// fields leave no padding, so its bytes are all defined.
struct header {
    std::array<char, 8> mark{};
    std::uint64_t version = 0;
    std::array<char, 32> key{};  // hexadecimal
    std::uint64_t size = 0;      // of the compiled store after the header
    std::uint64_t hash = 0;      // XXH3-64 of it
};
static_assert(std::has_unique_object_representations_v<header>);
constexpr std::size_t header_size = sizeof(header);

// An XXH3 hash state, freed with the library's own call.
using xxh3_state = std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)>;

// The GNU build id of every object the program runs with (itself, libc,
// the C++ library, …), hashed in load order: a rebuilt factlint or an
// upgraded library is another key, since either may read claims
// differently. The program's own id is required.
struct build_identity {
    XXH3_state_t* state;
    bool program_has_id = false;
};

int add_build_ids(dl_phdr_info* info, std::size_t, void* data) {
    auto& id = *static_cast<build_identity*>(data);
    const bool is_program = info->dlpi_name == nullptr || info->dlpi_name[0] == '\0';
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_NOTE) continue;
        const char* note = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
        const char* const end = note + ph.p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) n;
            std::memcpy(&n, note, sizeof n);
            const char* name = note + sizeof n;
            const char* desc = name + ((n.n_namesz + 3) & ~3u);
            const char* next = desc + ((n.n_descsz + 3) & ~3u);
            if (next > end) break;
            if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                XXH3_128bits_update(id.state, desc, n.n_descsz);
                if (is_program) id.program_has_id = true;
            }
            note = next;
        }
    }
    return 0;
}

// Hashes what identifies a store: the format, the build, then each file as
// its path (size first) and its content (size after).
class key_hash {
public:
    key_hash() : state_(XXH3_createState(), &XXH3_freeState) {
        if (!state_ || XXH3_128bits_reset(state_.get()) != XXH_OK) return;
        XXH3_128bits_update(state_.get(), &format_version, sizeof format_version);
        build_identity id{state_.get()};
        dl_iterate_phdr(add_build_ids, &id);
        ok_ = id.program_has_id;
    }
    [[nodiscard]] bool ok() const { return ok_; }
    void path(std::string_view p) {
        const std::uint64_t size = p.size();
        XXH3_128bits_update(state_.get(), &size, sizeof size);
        XXH3_128bits_update(state_.get(), p.data(), p.size());
    }
    // A file's content, in pieces as it is read, then its size.
    void content_piece(std::string_view piece) {
        XXH3_128bits_update(state_.get(), piece.data(), piece.size());
    }
    void content_end(std::uint64_t size) { XXH3_128bits_update(state_.get(), &size, sizeof size); }
    [[nodiscard]] std::string digest() const {
        const XXH128_hash_t h = XXH3_128bits_digest(state_.get());
        return fmt::format("{:016x}{:016x}", h.high64, h.low64);
    }

private:
    xxh3_state state_;
    bool ok_ = false;
};

fs::path entry_path(const claims_cache_options& options, const std::string& key) {
    return fs::path(options.dir) / fmt::format("claims-{}.bin", key);
}

// A cache file read into memory of its own, in huge pages
// (claims/huge_pages.hpp), as its store is read back: the store reads the
// file's bytes in order through this source (compiled::byte_source),
// keeping the parts it uses where they lie (the index's tables, texts)
// and passing the value and claim records, which it only decodes, through
// a small buffer, so that the pages of this memory meant for them are
// never touched (docs/performance.md part 29). Mapping the file
// (MAP_POPULATE) cost more on a VM where page tables are the hypervisor's
// to check: a first touch of each of the 15,000 mapped 4 KB pages of
// 100,000 claims' entry took about 2 microseconds, so mapping and reading
// 62 MB took 40 ms of CPU where read(2) into 2 MB pages takes about 19 ms.
// The store read from it views the claims in it, and keeps the memory.
// Entries are only ever replaced by a rename or removed, never written in
// place, so the file read is whole.
//
// The checksum of what follows the header is taken as the bytes come, a
// piece at a time while that piece is still in the processor's cache
// (hashed after the read, the 44 MB of 100,000 claims came from memory a
// second time, docs/performance.md part 22), and checked at the end.
class entry_file final : public compiled::byte_source {
public:
    explicit entry_file(const fs::path& path)
        : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)), state_(XXH3_createState(), &XXH3_freeState) {
        struct stat st {};
        if (fd_ < 0 || !state_ || XXH3_64bits_reset(state_.get()) != XXH_OK || ::fstat(fd_, &st) != 0 ||
            !S_ISREG(st.st_mode) || st.st_size < static_cast<off_t>(header_size))
            return;
        size_ = static_cast<std::size_t>(st.st_size);
        data_ = std::shared_ptr<char[]>(std::make_unique_for_overwrite<char[]>(size_));
        prepare_for_filling(data_.get(), size_);
        if (read_fully(fd_, data_.get(), header_size) != static_cast<ssize_t>(header_size)) return;
        std::memcpy(&header_, data_.get(), header_size);
        tail_ = size_;
        ok_ = true;
    }
    entry_file(const entry_file&) = delete;
    entry_file& operator=(const entry_file&) = delete;
    ~entry_file() override {
        if (fd_ >= 0) ::close(fd_);
    }

    // The header, when the file has one.
    [[nodiscard]] const header* head() const { return ok_ ? &header_ : nullptr; }
    // Room for the store after the header, filled as it is read.
    [[nodiscard]] std::string_view body() const { return {data_.get() + header_size, size_ - header_size}; }
    // The memory, for the store to keep.
    [[nodiscard]] std::shared_ptr<const void> memory() const { return {data_, data_.get()}; }

    // The tail is read with the loop of every other read (read_fully),
    // from its place, and the file's offset put back for next().
    bool last(char* into, std::size_t n) override {
        const auto at = static_cast<std::size_t>(into - data_.get());
        if (at < header_size || at + n != size_ || ::lseek(fd_, static_cast<off_t>(at), SEEK_SET) < 0 ||
            read_fully(fd_, into, n) != static_cast<ssize_t>(n) ||
            ::lseek(fd_, static_cast<off_t>(read_to_), SEEK_SET) < 0)
            return false;
        tail_ = std::min(tail_, at);
        return true;
    }
    bool next(char* into, std::size_t n) override {
        if (n > tail_ - read_to_ || read_fully(fd_, into, n) != static_cast<ssize_t>(n)) return false;
        (void)XXH3_64bits_update(state_.get(), into, n);
        read_to_ += n;
        return true;
    }
    bool finish() override {
        // Everything up to the tail read in order; the tail, read first,
        // hashed now from where it lies.
        if (read_to_ != tail_) return false;
        (void)XXH3_64bits_update(state_.get(), data_.get() + tail_, size_ - tail_);
        return XXH3_64bits_digest(state_.get()) == header_.hash;
    }

private:
    int fd_;
    xxh3_state state_;
    std::shared_ptr<char[]> data_;
    std::size_t size_ = 0;
    header header_;
    bool ok_ = false;
    std::size_t read_to_ = header_size;  // the next byte next() reads
    std::size_t tail_ = 0;               // where the bytes last() read start
};

struct cache_entry {
    fs::file_time_type used;  // written, or last read: a hit touches it
    fs::path path;
};

// Removes all but the `keep` most recently used of `entries`.
void keep_latest(std::vector<cache_entry>& entries, std::size_t keep) {
    if (entries.size() <= keep) return;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.used > b.used; });
    std::error_code ec;
    for (std::size_t i = keep; i < entries.size(); ++i) fs::remove(entries[i].path, ec);
}

// Keeps the most recently used entries, large and small ones counted
// apart (claims_cache_options), and removes the others.
void prune(const claims_cache_options& options) {
    std::error_code ec;
    std::vector<cache_entry> large, small;
    const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (fs::directory_iterator it(options.dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.starts_with("claims-")) continue;
        const auto when = it->last_write_time(ec);
        const std::uintmax_t size = ec ? 0 : it->file_size(ec);
        if (ec) {
            ec.clear();
            continue;
        }
        if (name.ends_with(".bin"))
            (size >= options.large_entry_bytes ? large : small).push_back({when, it->path()});
        // A temporary file an hour old was left by a run that was killed.
        if (name.ends_with(".tmp") && when < an_hour_ago) fs::remove(it->path(), ec);
        ec.clear();
    }
    keep_latest(large, options.keep);
    keep_latest(small, options.keep_small);
}

}  // namespace

std::string default_claims_cache_dir() {
    auto env = [](const char* name) -> std::string {
        const char* v = std::getenv(name);
        return v != nullptr ? v : "";
    };
    if (std::string dir = env("FACTLINT_CACHE_DIR"); !dir.empty()) return dir;
    if (std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty()) return (fs::path(xdg) / "factlint").string();
    if (std::string home = env("HOME"); !home.empty())
        return (fs::path(home) / ".cache" / "factlint").string();
    return {};
}

class claims_key_builder::hash : public key_hash {};

claims_key_builder::claims_key_builder() : hash_(std::make_unique<hash>()) {}
claims_key_builder::~claims_key_builder() = default;

// A hash that is not ok (no state, or no build id) is never updated: key()
// gives nothing then.
void claims_key_builder::begin_file(std::string_view path) {
    if (hash_->ok()) hash_->path(path);
    file_bytes_ = 0;
}

void claims_key_builder::add(std::string_view piece) {
    if (hash_->ok()) hash_->content_piece(piece);
    file_bytes_ += piece.size();
}

void claims_key_builder::end_file() {
    if (hash_->ok()) hash_->content_end(file_bytes_);
    total_bytes_ += file_bytes_;
    ++files_;
}

std::optional<std::string> claims_key_builder::key(std::size_t min_bytes) const {
    if (failed_ || files_ == 0 || total_bytes_ < min_bytes || !hash_->ok()) return std::nullopt;
    return hash_->digest();
}

std::optional<std::string> claims_cache_key(const std::vector<std::optional<claims_text>>& files,
                                            std::size_t min_bytes) {
    claims_key_builder key;
    for (const std::optional<claims_text>& f : files) {
        if (!f) return std::nullopt;
        key.begin_file(f->path);
        key.add(f->content);
        key.end_file();
    }
    return key.key(min_bytes);
}

std::optional<claim_store> find_compiled_claims(const claims_cache_options& options, const std::string& key,
                                                std::vector<std::optional<claims_text>>& files) {
    if (options.dir.empty() || key.size() != 32) return std::nullopt;
    const fs::path path = entry_path(options, key);
    entry_file file(path);
    const header* h = file.head();
    if (h == nullptr || h->mark != file_mark || h->version != format_version ||
        std::string_view(h->key.data(), 32) != key || h->size != file.body().size())
        return std::nullopt;
    // The texts move into the store, or back to `files` for the parse when
    // the bytes are refused (nothing moves unless every file was read).
    if (std::any_of(files.begin(), files.end(), [](const auto& f) { return !f; })) return std::nullopt;
    std::vector<claims_text> texts;
    texts.reserve(files.size());
    for (std::optional<claims_text>& f : files) texts.push_back(std::move(*f));
    const std::string_view body = file.body();
    std::optional<claim_store> store = read_compiled_store(body, file.memory(), texts, &file);
    if (!store) {
        for (std::size_t k = 0; k < files.size(); ++k) *files[k] = std::move(texts[k]);
        return std::nullopt;
    }
    // Used now: the last to be pruned.
    std::error_code ec;
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    return store;
}

bool store_compiled_claims(const claims_cache_options& options, const std::string& key,
                           const claim_store& store) {
    if (options.dir.empty() || key.size() != 32) return false;
    try {
        const std::optional<compiled::byte_buffer> compiled = compile_store(store);
        if (!compiled) return false;
        const std::string_view body = compiled->view();
        header h;
        h.mark = file_mark;
        h.version = format_version;
        std::copy(key.begin(), key.end(), h.key.begin());
        h.size = body.size();
        h.hash = XXH3_64bits(body.data(), body.size());

        std::error_code ec;
        fs::create_directories(options.dir, ec);
        const fs::path path = entry_path(options, key);
        fs::path temporary = path;
        temporary += fmt::format(".{}.tmp", ::getpid());
        {
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(&h), header_size);
            out.write(body.data(), static_cast<std::streamsize>(body.size()));
            if (!out.flush()) {
                out.close();
                fs::remove(temporary, ec);
                return false;
            }
        }
        fs::rename(temporary, path, ec);
        if (ec) {
            fs::remove(temporary, ec);
            return false;
        }
        prune(options);
        return true;
    } catch (const std::exception&) {  // no room, no memory: no cache, and the run goes on
        return false;
    }
}

}  // namespace factlint
