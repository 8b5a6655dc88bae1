#!/usr/bin/env python3
"""End-to-end test of --write-baseline / --baseline on a copy of the us-iraq
example: moving text keeps findings hidden, a changed value shows, a fixed
error leaves a stale entry, pruning drops it, and errors exit 2.

usage: baseline_e2e.py FACTLINT SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FACTLINT, SOURCE = sys.argv[1], sys.argv[2]
failures = []


def run(*args, cwd):
    p = subprocess.run([FACTLINT, *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def expect(cond, what, detail=""):
    if not cond:
        failures.append(f"{what}\n{detail}")


def findings(out):
    return json.loads(out)["findings"]


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise SystemExit(f"test setup: {old!r} not in {path}")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def main():
    work = tempfile.mkdtemp(prefix="factlint-baseline-e2e-")
    try:
        for name in ("draft.md", "us-iraq.claims"):
            shutil.copy(os.path.join(SOURCE, "examples", "us-iraq", name), work)
        common = ["check", "--no-config", "-c", "us-iraq.claims", "-f", "json"]

        status, out, err = run(*common, "draft.md", cwd=work)
        expect(status == 1, "plain check exits 1", err)
        before = findings(out)
        expect(len(before) >= 4, "the example has its planted findings", out)

        # 1. record them all
        status, out, err = run(*common, "--write-baseline", "base.json", "draft.md", cwd=work)
        expect(status == 0, "--write-baseline exits 0", err)
        expect(findings(out) == [], "--write-baseline reports nothing the baseline hides", out)
        expect(f"wrote {len(before)} entries to base.json" in err, "--write-baseline says what it wrote", err)
        expect(not [n for n in os.listdir(work) if ".tmp." in n], "no temporary file left", str(os.listdir(work)))
        with open(os.path.join(work, "base.json"), encoding="utf-8") as f:
            base = json.load(f)
        expect(base["version"] == 1, "version 1", str(base))
        keys = [(e["file"], e["code"], e["fingerprint"], e["message"]) for e in base["entries"]]
        expect(keys == sorted(keys), "entries sorted", str(keys))
        expect(sorted(e["code"] for e in base["entries"]) == sorted(f["code"] for f in before),
               "one entry per finding", str(base))
        expect(all("line" not in e for e in base["entries"]), "no line numbers in entries", str(base))

        # 2. paragraphs inserted above: every line moves, nothing is reported
        edit(os.path.join(work, "draft.md"), "# Two decades of U.S. forces in Iraq\n",
             "# Two decades of U.S. forces in Iraq\n\nAn added paragraph with no figures.\n\n"
             "Another one, to push\nthe text further down.\n")
        status, out, err = run(*common, "draft.md", cwd=work)
        moved = findings(out)
        expect(sorted(f["line"] for f in moved) != sorted(f["line"] for f in before),
               "the insertion moved the findings", out)
        status, out, err = run(*common, "--baseline", "base.json", "draft.md", cwd=work)
        expect(status == 0 and findings(out) == [], "moved findings stay hidden", out + err)
        expect("stale" not in err, "no stale entries after moving text", err)

        # multiset: a second copy of a baselined error needs a second entry
        edit(os.path.join(work, "draft.md"), "two years after the combat role ended.\n",
             "two years after the combat role ended.\n\nAgain: some reports still describe 2,000 combat troops"
             " in Iraq in 2023.\n")
        status, out, err = run(*common, "--baseline", "base.json", "draft.md", cwd=work)
        shown = findings(out)
        expect(status == 1 and [f["code"] for f in shown] == ["FL103"], "a second copy of a finding shows",
               out + err)

        # 3. a changed value shows, the old entry is stale
        edit(os.path.join(work, "draft.md"), "\n\nAgain: some reports still describe 2,000 combat troops"
             " in Iraq in 2023.\n", "\n")
        edit(os.path.join(work, "draft.md"), "about 5,200 U.S.", "about 9,200 U.S.")
        status, out, err = run(*common, "--baseline", "base.json", "draft.md", cwd=work)
        shown = findings(out)
        expect(status == 1 and len(shown) == 1 and "9,200" in shown[0]["message"], "the changed value shows",
               out + err)
        edit(os.path.join(work, "draft.md"), "about 9,200 U.S.", "about 5,200 U.S.")

        # 4. a fixed error leaves a stale entry, reported with its place in the baseline
        edit(os.path.join(work, "draft.md"), "signed in November 2009", "signed in November 2008")
        status, out, err = run(*common, "--baseline", "base.json", "draft.md", cwd=work)
        expect(status == 0 and findings(out) == [], "nothing new after a fix", out + err)
        expect(re.search(r"^base\.json:[0-9]+:5: warning: stale baseline entry: FL102 in draft\.md no longer occurs",
                         err, re.M), "the fixed error's entry is reported stale", err)

        # 5. pruning: --baseline B --write-baseline B drops the stale entry and adds nothing
        edit(os.path.join(work, "draft.md"), "about 5,200 U.S.", "about 9,200 U.S.")
        status, out, err = run(*common, "--baseline", "base.json", "--write-baseline", "base.json", "draft.md",
                               cwd=work)
        expect(status == 1 and len(findings(out)) == 1, "pruning still reports new findings", out + err)
        expect("warning: stale baseline entry dropped: FL102 in draft.md" in err and f"wrote {len(before) - 1} entries" in err, "pruning drops the stale entry",
               err)
        with open(os.path.join(work, "base.json"), encoding="utf-8") as f:
            pruned = json.load(f)["entries"]
        fl102 = sum(1 for e in base["entries"] if e["code"] == "FL102")
        expect(len(pruned) == len(before) - 1 and sum(1 for e in pruned if e["code"] == "FL102") == fl102 - 1,
               "the pruned baseline lost one FL102 entry and gained nothing", str(pruned))

        # 6. the config key, and --no-baseline
        with open(os.path.join(work, ".factlint.toml"), "w", encoding="utf-8") as f:
            f.write('claims = ["us-iraq.claims"]\nbaseline = "base.json"\nformat = "json"\n')
        status, out, err = run("check", "draft.md", cwd=work)
        expect(status == 1 and len(findings(out)) == 1, "baseline from .factlint.toml", out + err)
        status, out, err = run("check", "--no-baseline", "draft.md", cwd=work)
        expect(status == 1 and len(findings(out)) == len(before), "--no-baseline shows everything", out + err)

        # 7. a file checked on its own does not make other files' entries stale
        shutil.copy(os.path.join(work, "draft.md"), os.path.join(work, "other.md"))
        status, out, err = run(*common, "--baseline", "base.json", "other.md", cwd=work)
        expect("stale" not in err, "entries of files not checked are not stale", err)

        # 8. errors: malformed, missing, unwritable
        with open(os.path.join(work, "bad.json"), "w", encoding="utf-8") as f:
            f.write('{\n  "version": 1,\n  "entries": [\n    {"file": "a.md", }\n  ]\n}\n')
        status, out, err = run(*common, "--baseline", "bad.json", "draft.md", cwd=work)
        expect(status == 2 and out == "" and re.match(r"^bad\.json:4:[0-9]+: error: invalid baseline JSON", err),
               "a malformed baseline is FILE:LINE:COL: error, exit 2", f"{status}\n{out}\n{err}")
        status, out, err = run(*common, "--baseline", "missing.json", "draft.md", cwd=work)
        expect(status == 2 and err.startswith("missing.json:1:1: error: cannot read baseline"),
               "a missing baseline exits 2", err)
        status, out, err = run(*common, "--write-baseline", "no/such/dir/b.json", "draft.md", cwd=work)
        expect(status == 2 and "no/such/dir/b.json:1:1: error: cannot write baseline" in err,
               "an unwritable baseline exits 2", err)
        status, out, err = run(*common, "--write-baseline", "b2.json", "draft.md", "missing.md", cwd=work)
        expect(status == 2 and "b2.json:1:1: error: baseline not written" in err
               and not os.path.exists(os.path.join(work, "b2.json")),
               "no baseline is written when an input could not be read", err)
        status, out, err = run(*common, "--baseline", "base.json", "--no-baseline", "draft.md", cwd=work)
        expect(status == 2, "--baseline with --no-baseline is a usage error", err)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
