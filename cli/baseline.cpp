#include "cli/baseline.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace factlint::cli {

std::string baseline_file_key(std::string_view file) {
    if (file == "-" || file.empty()) return std::string(file);
    std::string key = fs::path(file).lexically_normal().generic_string();
    while (key.starts_with("./")) key.erase(0, 2);
    return key.empty() ? std::string(file) : key;
}

namespace {

struct position {
    int line = 1;
    int column = 1;
};

// `p` moved on over `text`: lines and columns in code points, as
// everywhere else.
position advance(position p, std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

// Line and column of byte `offset`.
position position_at(std::string_view text, std::size_t offset) {
    return advance(position{}, text.substr(0, std::min(offset, text.size())));
}

// position_at for offsets asked in increasing order, each counted on from
// the last one: a baseline's entries are located one after another, and
// counting each from the start of the file made 20,000 entries take 29 s
// to read (docs/performance.md part 23). An offset before the last starts
// again from the top.
class position_cursor {
public:
    explicit position_cursor(std::string_view text) : text_(text) {}
    position at(std::size_t offset) {
        offset = std::min(offset, text_.size());
        if (offset < offset_) {
            offset_ = 0;
            p_ = position{};
        }
        p_ = advance(p_, text_.substr(offset_, offset - offset_));
        offset_ = offset;
        return p_;
    }

private:
    std::string_view text_;
    std::size_t offset_ = 0;
    position p_;
};

// Where things are in a syntactically valid baseline: nlohmann::json keeps
// no positions, so one pass over the text finds each root key and each
// entry object (an object inside an array inside the root object).
struct layout {
    std::map<std::string, std::size_t> root_keys;
    std::vector<std::size_t> entries;
};

layout scan_layout(std::string_view text) {
    layout out;
    std::vector<char> stack;
    bool expect_key = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i;
            std::string raw;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\')
                    ++i;
                else
                    raw += text[i];
            }
            if (expect_key && stack.size() == 1) out.root_keys.emplace(raw, start);
            expect_key = false;
        } else if (c == '{' || c == '[') {
            if (c == '{' && stack.size() == 2 && stack[0] == '{' && stack[1] == '[') out.entries.push_back(i);
            stack.push_back(c);
            expect_key = c == '{';
        } else if (c == '}' || c == ']') {
            if (!stack.empty()) stack.pop_back();
            expect_key = false;
        } else if (c == ',') {
            expect_key = !stack.empty() && stack.back() == '{';
        }
    }
    return out;
}

class baseline_reader {
public:
    baseline_reader(const std::string& path, std::string_view text, baseline_result& out)
        : path_(path), text_(text), out_(out) {}

    void read(const nlohmann::json& root) {
        if (!root.is_object())
            return error_at(0, "a baseline must be a JSON object with \"version\" and \"entries\"");
        for (const auto& [key, value] : root.items())
            if (key != "version" && key != "entries")
                error_at(root_key(key), "unknown key \"" + key + "\" in a baseline");
        read_version(root);
        auto entries = root.find("entries");
        if (entries == root.end()) return error_at(0, "missing \"entries\"");
        if (!entries->is_array()) return error_at(root_key("entries"), "\"entries\" must be an array");
        for (std::size_t i = 0; i < entries->size(); ++i) read_entry((*entries)[i], i);
    }

private:
    void error_at(std::size_t offset, std::string message) {
        const position p = cursor_.at(offset);
        out_.errors.push_back({path_, p.line, p.column, std::move(message)});
    }
    std::size_t root_key(const std::string& key) const {
        auto it = layout_.root_keys.find(key);
        return it == layout_.root_keys.end() ? 0 : it->second;
    }

    void read_version(const nlohmann::json& root) {
        auto version = root.find("version");
        if (version == root.end()) return error_at(0, "missing \"version\"");
        if (!version->is_number_integer() || version->get<long long>() != baseline_version)
            error_at(root_key("version"), "unsupported baseline version " + version->dump() + " (expected " +
                                              std::to_string(baseline_version) + ")");
    }

    void read_entry(const nlohmann::json& e, std::size_t index) {
        const std::size_t offset =
            index < layout_.entries.size() ? layout_.entries[index] : root_key("entries");
        const std::string which = "entry " + std::to_string(index + 1);
        if (!e.is_object()) return error_at(offset, which + " must be an object");
        baseline_entry entry;
        const position p = cursor_.at(offset);
        entry.line = p.line;
        entry.column = p.column;
        bool ok = true;
        for (const auto& [key, value] : e.items()) {
            std::string* field = key == "file"          ? &entry.file
                                 : key == "code"        ? &entry.code
                                 : key == "fingerprint" ? &entry.fingerprint
                                 : key == "message"     ? &entry.message
                                                        : nullptr;
            if (!field) {
                error_at(offset, which + ": unknown key \"" + key + "\"");
                ok = false;
            } else if (!value.is_string()) {
                error_at(offset, which + ": \"" + key + "\" must be a string");
                ok = false;
            } else {
                *field = value.get<std::string>();
            }
        }
        for (const char* required : {"file", "code", "fingerprint"}) {
            if (!e.contains(required)) {
                error_at(offset, which + ": missing \"" + required + "\"");
                ok = false;
            }
        }
        if (!ok) return;
        entry.file = baseline_file_key(entry.file);
        out_.value.entries.push_back(std::move(entry));
    }

    const std::string& path_;
    std::string_view text_;
    baseline_result& out_;
    layout layout_ = scan_layout(text_);
    position_cursor cursor_{text_};
};

}  // namespace

baseline_result parse_baseline(const std::string& path, std::string_view text) {
    baseline_result out;
    out.value.path = path;
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points at the character that broke the parse.
        const position p = position_at(text, e.byte > 0 ? e.byte - 1 : 0);
        std::string message = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> the reason
        if (auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
        out.errors.push_back({path, p.line, p.column, "invalid baseline JSON: " + message});
        return out;
    }
    baseline_reader(path, text, out).read(root);
    return out;
}

baseline_result load_baseline(const std::string& path) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path, ec)) {
        baseline_result out;
        out.errors.push_back({path, 1, 1, std::string("cannot read baseline: ") + std::strerror(errno)});
        return out;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_baseline(path, buffer.str());
}

void sort_entries(std::vector<baseline_entry>& entries) {
    std::sort(entries.begin(), entries.end(), [](const baseline_entry& a, const baseline_entry& b) {
        return std::tie(a.file, a.code, a.fingerprint, a.message) <
               std::tie(b.file, b.code, b.fingerprint, b.message);
    });
}

std::vector<baseline_entry> baseline_entries(const std::vector<finding>& findings) {
    std::vector<baseline_entry> entries;
    entries.reserve(findings.size());
    for (const finding& f : findings)
        entries.push_back({baseline_file_key(f.file), f.code, f.fingerprint, f.message, 0, 0});
    sort_entries(entries);
    return entries;
}

std::string render_baseline(const std::vector<baseline_entry>& entries) {
    std::string out = "{\n  \"version\": " + std::to_string(baseline_version) + ",\n  \"entries\": [";
    for (std::size_t i = 0; i < entries.size(); ++i) {
        nlohmann::ordered_json j;
        j["file"] = entries[i].file;
        j["code"] = entries[i].code;
        j["fingerprint"] = entries[i].fingerprint;
        j["message"] = entries[i].message;
        out += i == 0 ? "\n    " : ",\n    ";
        out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view content) {
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return std::string(std::strerror(errno));
    auto fail = [&](int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return std::optional<std::string>(std::strerror(err));
    };
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(errno);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail(errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return std::string(std::strerror(err));
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return std::string(std::strerror(err));
    }
    // The rename itself is durable only once the directory is synced.
    std::string dir = fs::path(path).parent_path().string();
    if (dir.empty()) dir = ".";
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
    return std::nullopt;
}

baseline_match apply_baseline(std::vector<finding> findings, const baseline& b,
                              const std::function<bool(const baseline_entry&)>& in_scope) {
    using key = std::tuple<std::string, std::string, std::string>;
    std::map<key, std::vector<std::size_t>> open;  // unmatched entries per key, in file order
    for (std::size_t i = 0; i < b.entries.size(); ++i) {
        const baseline_entry& e = b.entries[i];
        open[{e.file, e.code, e.fingerprint}].push_back(i);
    }
    std::vector<bool> used(b.entries.size(), false);
    baseline_match out;
    for (finding& f : findings) {
        auto it = open.find({baseline_file_key(f.file), f.code, f.fingerprint});
        if (it == open.end() || it->second.empty()) {
            out.kept.push_back(std::move(f));
            continue;
        }
        used[it->second.front()] = true;
        it->second.erase(it->second.begin());
        out.hidden.push_back(std::move(f));
    }
    for (std::size_t i = 0; i < used.size(); ++i)
        if (!used[i]) (!in_scope || in_scope(b.entries[i]) ? out.stale : out.out_of_scope).push_back(i);
    return out;
}

}  // namespace factlint::cli
