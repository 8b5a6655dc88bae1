#!/usr/bin/env python3
"""Runs the shell parts of the CI integrations with the built binary, as far
as this machine allows (no GitHub runner, no GitLab, no pre-commit):

  action      the "Run factlint" and "Exit status" steps of action.yml, with
              the environment GitHub gives them
  gitlab      the jq conversion of examples/ci/gitlab-ci.yml on real output
  precommit   the hook's entry and file filter, as pre-commit would call it

usage: run_integrations.py MODE FACTLINT SOURCE_DIR
exit 0 ok, 1 wrong, 77 a tool it needs (python3-yaml, jq) is missing
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped", file=sys.stderr)
    sys.exit(77)

MODE, FACTLINT, SOURCE = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
EXAMPLE = os.path.join(SOURCE, "examples", "us-iraq")
failures = []


def expect(cond, what, detail=""):
    if not cond:
        failures.append(f"{what}\n{detail}")


def load(rel):
    with open(os.path.join(SOURCE, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


def step(action, name):
    return next(s for s in action["runs"]["steps"] if s.get("name") == name)


def run_step(script, env, cwd):
    # GitHub runs `shell: bash` steps as: bash --noprofile --norc -eo pipefail FILE
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
        f.write(script)
    try:
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", f.name], env=env, cwd=cwd,
                              capture_output=True, text=True, timeout=120)
    finally:
        os.unlink(f.name)


def test_action(work):
    action = load("action.yml")
    check = step(action, "Run factlint")
    output = os.path.join(work, "github_output")
    env = dict(os.environ, FACTLINT=FACTLINT, GITHUB_OUTPUT=output,
               INPUT_PATHS="draft.md", INPUT_CLAIMS="us-iraq.claims\n", INPUT_ARGS="--no-config --fail-on error",
               INPUT_SARIF_FILE="out.sarif")
    p = run_step(check["run"], env, work)
    expect(p.returncode == 0, "the run step itself succeeds (the status goes to an output)", p.stderr)
    lines = p.stdout.splitlines()
    expect(lines and all(re.match(r"^::(error|warning|notice) file=draft\.md,line=[0-9]+,", l) for l in lines),
           "the run step prints workflow commands", p.stdout)
    with open(output, encoding="utf-8") as f:
        outputs = dict(l.split("=", 1) for l in f.read().splitlines())
    expect(outputs.get("exit-code") == "1", "exit-code output is factlint's status", str(outputs))
    expect(outputs.get("sarif-file") == "out.sarif", "sarif-file output names the report", str(outputs))
    with open(os.path.join(work, "out.sarif"), encoding="utf-8") as f:
        sarif = json.load(f)
    expect(sarif.get("version") == "2.1.0" and len(sarif["runs"][0]["results"]) == len(lines),
           "the SARIF report holds the same findings", json.dumps(sarif)[:500])

    # A path is data, not shell: nothing runs, the missing file is exit 2, no SARIF.
    os.unlink(output)
    env.update(INPUT_PATHS="$(touch pwned) ; touch pwned2", INPUT_SARIF_FILE="bad.sarif")
    p = run_step(check["run"], env, work)
    with open(output, encoding="utf-8") as f:
        outputs = dict(l.split("=", 1) for l in f.read().splitlines())
    expect(outputs.get("exit-code") == "2" and "sarif-file" not in outputs, "missing paths: exit-code 2, no SARIF",
           str(outputs) + p.stderr)
    expect(not os.path.exists(os.path.join(work, "pwned")) and not os.path.exists(os.path.join(work, "pwned2")),
           "inputs cannot inject shell code")

    exit_step = step(action, "Exit status")
    for status in ("0", "1", "2"):
        p = run_step(exit_step["run"], dict(os.environ, STATUS=status), work)
        expect(str(p.returncode) == status, f"the last step exits {status}", p.stderr)


SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab(work):
    if not shutil.which("jq"):
        print("jq is not installed: skipped", file=sys.stderr)
        sys.exit(77)
    job = load("examples/ci/gitlab-ci.yml")["factlint"]
    program = job["variables"]["FACTLINT_CODEQUALITY_JQ"]
    p = subprocess.run([FACTLINT, "check", "--no-config", "-c", "us-iraq.claims", "-f", "json", "draft.md"],
                       cwd=work, capture_output=True, text=True, timeout=60)
    expect(p.returncode == 1, "factlint finds the planted errors", p.stderr)
    findings = json.loads(p.stdout)["findings"]
    q = subprocess.run(["jq", program], input=p.stdout, capture_output=True, text=True, timeout=60)
    expect(q.returncode == 0, "the jq program runs", q.stderr)
    issues = json.loads(q.stdout)
    expect(isinstance(issues, list) and len(issues) == len(findings), "one issue per finding", q.stdout)
    for issue in issues:
        expect(set(issue) == {"description", "check_name", "fingerprint", "severity", "location"},
               "issue keys", str(issue))
        expect(issue["severity"] in SEVERITIES, "a Code Quality severity", str(issue))
        expect(issue["location"]["path"] == "draft.md" and issue["location"]["lines"]["begin"] >= 1,
               "issue location", str(issue))
    expect(len({i["fingerprint"] for i in issues}) == len(issues), "fingerprints are unique", q.stdout)
    # Two equal findings still get two fingerprints.
    doubled = json.loads(p.stdout)
    doubled["findings"] = doubled["findings"] + doubled["findings"]
    q = subprocess.run(["jq", program], input=json.dumps(doubled), capture_output=True, text=True, timeout=60)
    twice = json.loads(q.stdout)
    expect(len({i["fingerprint"] for i in twice}) == len(twice) == 2 * len(findings), "duplicates stay distinct")
    # No findings: an empty report, which GitLab accepts.
    q = subprocess.run(["jq", program], input='{"version":1,"findings":[],"summary":{}}', capture_output=True,
                       text=True, timeout=60)
    expect(json.loads(q.stdout) == [], "no findings, an empty array", q.stdout)


def test_precommit(work):
    hook = load(".pre-commit-hooks.yaml")[0]
    candidates = ["draft.md", "notes.txt", "main.cpp", "README.markdown", "image.png"]
    selected = [c for c in candidates if re.search(hook["files"], c)]
    expect(selected == ["draft.md", "notes.txt", "README.markdown"], "the hook selects the files factlint reads",
           str(selected))
    with open(os.path.join(work, ".factlint.toml"), "w", encoding="utf-8") as f:
        f.write('claims = ["us-iraq.claims"]\nformat = "gcc"\n')
    with open(os.path.join(work, "notes.txt"), "w", encoding="utf-8") as f:
        f.write("Nothing here to check.\n")
    entry = hook["entry"].split()
    expect(entry[0] == "factlint", "the entry runs factlint from PATH", hook["entry"])
    command = [FACTLINT, *entry[1:], *hook.get("args", []), "draft.md", "notes.txt"]
    p = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=60)
    expect(p.returncode == 1 and re.search(r"^draft\.md:[0-9]+:[0-9]+: error: ", p.stdout, re.M),
           "the hook fails a commit with errors, in gcc format from .factlint.toml", p.stdout + p.stderr)
    p = subprocess.run([FACTLINT, *entry[1:], "notes.txt"], cwd=work, capture_output=True, text=True, timeout=60)
    expect(p.returncode == 0, "the hook passes a clean file", p.stdout + p.stderr)


def main():
    work = tempfile.mkdtemp(prefix="factlint-ci-")
    try:
        for name in ("draft.md", "us-iraq.claims"):
            shutil.copy(os.path.join(EXAMPLE, name), work)
        {"action": test_action, "gitlab": test_gitlab, "precommit": test_precommit}[MODE](work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
