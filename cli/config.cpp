#include "cli/config.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace fs = std::filesystem;

namespace factlint::cli {

std::optional<fail_level> parse_fail_level(std::string_view name) {
    if (name == "info") return fail_level::info;
    if (name == "warning") return fail_level::warning;
    if (name == "error") return fail_level::error;
    if (name == "never") return fail_level::never;
    return std::nullopt;
}

bool known_code_or_prefix(std::string_view code, const std::vector<std::string>& known_codes) {
    if (code.empty()) return false;
    return std::any_of(known_codes.begin(), known_codes.end(),
                       [&](const std::string& k) { return std::string_view(k).starts_with(code); });
}

std::vector<std::string> parse_code_list(std::string_view text, const std::vector<std::string>& known_codes,
                                         std::vector<std::string>& unknown) {
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        std::string code;
        for (char c : text.substr(start, comma - start))
            if (!std::isspace(static_cast<unsigned char>(c)))
                code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!code.empty()) {
            if (known_code_or_prefix(code, known_codes))
                codes.push_back(code);
            else
                unknown.push_back(code);
        }
        start = comma + 1;
    }
    return codes;
}

std::string resolve_config_path(const fs::path& dir, std::string_view path) {
    fs::path p(path);
    if (!p.is_absolute()) p = dir / p;
    std::string absolute = p.lexically_normal().generic_string();
    if (absolute.size() > 1 && absolute.back() == '/') absolute.pop_back();  // "facts/" names "facts"
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec || !fs::path(absolute).is_absolute()) return absolute;
    const std::string rel = fs::path(absolute).lexically_relative(cwd).generic_string();
    return !rel.empty() && rel.size() < absolute.size() ? rel : absolute;
}

namespace {

std::string_view type_name(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        default: return "nothing";
    }
}

// Reads one config file's table into `config`, collecting every error.
class config_reader {
public:
    config_reader(const fs::path& file, const std::vector<std::string>& known_codes, config_result& out)
        : file_(file.generic_string()), name_(file.filename().string()), known_(known_codes), out_(out) {}

    void read(const toml::table& root) {
        for (auto&& [key, node] : root) read_key(key, node);
    }

private:
    void error_at(const toml::source_region& where, std::string message) {
        out_.errors.push_back({file_, static_cast<int>(where.begin.line),
                               static_cast<int>(where.begin.column), std::move(message)});
    }
    void wrong_type(const toml::key& key, const toml::node& node, std::string_view expected) {
        error_at(node.source(),
                 fmt::format("\"{}\" must be {}, not {}", key.str(), expected, type_name(node)));
    }

    void read_key(const toml::key& key, const toml::node& node) {
        const std::string_view k = key.str();
        config& c = out_.value;
        if (k == "claims") {
            if (auto paths = string_list(key, node, false)) {
                c.claims.emplace();
                for (const std::string& p : *paths) c.claims->push_back(resolve_config_path(c.dir, p));
            }
        } else if (k == "as_of") {
            read_as_of(key, node);
        } else if (k == "format") {
            if (auto s = string_value(key, node)) {
                if (auto f = parse_output_format(*s))
                    c.format = *f;
                else
                    bad_choice(key, node, *s, "\"text\", \"json\", \"sarif\", \"github\", \"gcc\"");
            }
        } else if (k == "select" || k == "ignore") {
            read_codes(key, node, k == "select" ? c.select : c.ignore);
        } else if (k == "jobs") {
            read_jobs(key, node);
        } else if (k == "fail_on") {
            if (auto s = string_value(key, node)) {
                if (auto f = parse_fail_level(*s))
                    c.fail_on = *f;
                else
                    bad_choice(key, node, *s, "\"error\", \"warning\", \"info\", \"never\"");
            }
        } else if (k == "hedge_tolerance") {
            read_tolerance(key, node);
        } else if (k == "exclude") {
            if (auto globs = string_list(key, node, false)) c.exclude = std::move(*globs);
        } else if (k == "inline_ignores") {
            if (auto b = node.value_exact<bool>())
                c.inline_ignores = *b;
            else
                wrong_type(key, node, "true or false");
        } else if (k == "baseline") {
            read_baseline(key, node);
        } else if (k == "rules") {
            read_rules(key, node);
        } else {
            error_at(key.source(), "unknown key \"" + std::string(k) + "\" in " + name_);
        }
    }

    std::optional<std::string> string_value(const toml::key& key, const toml::node& node) {
        if (auto s = node.value_exact<std::string>()) return s;
        wrong_type(key, node, "a string");
        return std::nullopt;
    }

    void bad_choice(const toml::key& key, const toml::node& node, std::string_view got,
                    std::string_view choices) {
        error_at(node.source(), fmt::format("\"{}\" must be one of {}, not \"{}\"", key.str(), choices, got));
    }

    // An array of strings; with `allow_string`, also one string (split by the caller).
    std::optional<std::vector<std::string>> string_list(const toml::key& key, const toml::node& node,
                                                        bool allow_string) {
        if (allow_string && node.is_string())
            return std::vector<std::string>{*node.value_exact<std::string>()};
        const toml::array* array = node.as_array();
        if (!array) {
            wrong_type(key, node, allow_string ? "an array of strings or a string" : "an array of strings");
            return std::nullopt;
        }
        std::vector<std::string> items;
        bool ok = true;
        for (const toml::node& item : *array) {
            if (auto s = item.value_exact<std::string>()) {
                items.push_back(*s);
            } else {
                error_at(item.source(),
                         fmt::format("\"{}\" must hold strings, not {}", key.str(), type_name(item)));
                ok = false;
            }
        }
        if (!ok) return std::nullopt;
        return items;
    }

    void read_as_of(const toml::key& key, const toml::node& node) {
        if (const auto* d = node.as_date()) {  // as_of = 2024-06-15 (a TOML date)
            const toml::date v = d->get();
            if (valid_date(v.year, v.month, v.day)) {
                out_.value.as_of = time_span::day(v.year, v.month, v.day);
                return;
            }
        }
        if (node.is_date()) {
            error_at(node.source(), "\"as_of\" is not a valid date");
            return;
        }
        auto s = node.value_exact<std::string>();
        if (!s) {
            wrong_type(key, node, "a date (\"2024\", \"2024-06\" or \"2024-06-15\")");
            return;
        }
        if (auto span = parse_iso_date(*s))
            out_.value.as_of = *span;
        else
            error_at(node.source(),
                     "invalid date \"" + *s + "\" for \"as_of\" (expected 2024, 2024-06 or 2024-06-15)");
    }

    void read_codes(const toml::key& key, const toml::node& node,
                    std::optional<std::vector<std::string>>& into) {
        const auto entries = string_list(key, node, true);
        if (!entries) return;
        std::vector<std::string> codes;
        for (const std::string& entry : *entries) {
            std::vector<std::string> unknown;
            auto parsed = parse_code_list(entry, known_, unknown);
            codes.insert(codes.end(), parsed.begin(), parsed.end());
            for (const std::string& u : unknown)
                error_at(node.source(),
                         "unknown rule code \"" + u + "\" in \"" + std::string(key.str()) + "\"");
        }
        into = std::move(codes);
    }

    void read_baseline(const toml::key& key, const toml::node& node) {
        auto s = string_value(key, node);
        if (!s) return;
        if (s->empty())
            error_at(node.source(), "\"baseline\" must name a file, not be empty");
        else
            out_.value.baseline = resolve_config_path(out_.value.dir, *s);
    }

    void read_jobs(const toml::key& key, const toml::node& node) {
        auto n = node.value_exact<std::int64_t>();
        if (!n) {
            wrong_type(key, node, "an integer");
        } else if (*n < 0 || *n > 4096) {
            error_at(node.source(),
                     "\"jobs\" must be between 0 (all cores) and 4096, not " + std::to_string(*n));
        } else {
            out_.value.jobs = static_cast<unsigned>(*n);
        }
    }

    void read_tolerance(const toml::key& key, const toml::node& node) {
        std::optional<double> v;
        if (auto f = node.value_exact<double>()) v = *f;
        if (auto i = node.value_exact<std::int64_t>()) v = static_cast<double>(*i);
        if (!v) {
            wrong_type(key, node, "a number");
        } else if (!(*v >= 0.0 && *v <= 1.0)) {
            std::ostringstream text;
            text << *v;
            error_at(node.source(), "\"hedge_tolerance\" must be between 0 and 1, not " + text.str());
        } else {
            out_.value.hedge_tolerance = *v;
        }
    }

    void read_rules(const toml::key& key, const toml::node& node) {
        const toml::table* rules = node.as_table();
        if (!rules) {
            wrong_type(key, node, "a table ([rules.FL101])");
            return;
        }
        for (auto&& [code, settings] : *rules) read_rule(code, settings);
    }

    void read_rule(const toml::key& code, const toml::node& node) {
        const std::string c(code.str());
        if (std::find(known_.begin(), known_.end(), c) == known_.end()) {
            error_at(code.source(), "unknown rule code \"" + c + "\" in " + name_);
            return;
        }
        const toml::table* table = node.as_table();
        if (!table) {
            wrong_type(code, node, "a table (severity = \"...\")");
            return;
        }
        for (auto&& [key, value] : *table) {
            if (key.str() != "severity") {
                error_at(key.source(), "unknown key \"" + std::string(key.str()) + "\" in [rules." + c + "]");
                continue;
            }
            auto s = string_value(key, value);
            if (!s) continue;
            if (*s == "error")
                out_.value.severity_overrides[c] = severity::error;
            else if (*s == "warning")
                out_.value.severity_overrides[c] = severity::warning;
            else if (*s == "info")
                out_.value.severity_overrides[c] = severity::info;
            else if (*s == "off")
                out_.value.disabled_rules.push_back(c);
            else
                bad_choice(key, value, *s, "\"error\", \"warning\", \"info\", \"off\"");
        }
    }

    std::string file_;
    std::string name_;
    const std::vector<std::string>& known_;
    config_result& out_;
};

}  // namespace

config_result parse_config(const fs::path& file, const fs::path& dir, std::string_view content,
                           const std::vector<std::string>& known_codes) {
    config_result out;
    out.value.file = file;
    out.value.dir = dir;
    toml::table root;
    try {
        root = toml::parse(content, file.generic_string());
    } catch (const toml::parse_error& e) {
        out.errors.push_back({file.generic_string(), static_cast<int>(e.source().begin.line),
                              static_cast<int>(e.source().begin.column), std::string(e.description())});
        return out;
    }
    config_reader(file, known_codes, out).read(root);
    return out;
}

config_result load_config(const fs::path& file, const std::vector<std::string>& known_codes) {
    std::ifstream in(file, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(file, ec)) {
        config_result out;
        out.errors.push_back({file.generic_string(), 1, 1, "cannot read config file"});
        return out;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    fs::path dir = file.parent_path();
    if (dir.empty()) dir = ".";
    return parse_config(file, fs::absolute(dir, ec).lexically_normal(), buffer.str(), known_codes);
}

namespace {

// "/home/me/repo/.factlint.toml" -> ".factlint.toml" or "../.factlint.toml":
// messages name files the way the user would type them.
fs::path shown_relative(const fs::path& absolute) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return absolute;
    const fs::path rel = absolute.lexically_relative(cwd);
    return rel.empty() ? absolute : rel;
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec).lexically_normal();
    if (ec) return std::nullopt;
    while (true) {
        const fs::path candidate = dir / config_file_name;
        if (fs::is_regular_file(candidate, ec)) return shown_relative(candidate);
        const fs::path parent = dir.parent_path();
        if (parent == dir || parent.empty()) return std::nullopt;
        dir = parent;
    }
}

}  // namespace factlint::cli
