#!/usr/bin/env python3
"""Parses the CI integration files as YAML and checks the parts other tools
rely on: the pre-commit hook, the composite action, the GitLab job.

usage: check_yaml.py SOURCE_DIR     exit 0 ok, 1 wrong, 77 python3-yaml missing
"""
import os
import sys

try:
    import yaml
except ImportError:
    print("python3-yaml is not installed: skipped", file=sys.stderr)
    sys.exit(77)

SOURCE = sys.argv[1]
failures = []


def load(rel):
    with open(os.path.join(SOURCE, rel), encoding="utf-8") as f:
        try:
            return yaml.safe_load(f)
        except yaml.YAMLError as e:
            failures.append(f"{rel}: {e}")
            return None


def expect(cond, what):
    if not cond:
        failures.append(what)


hooks = load(".pre-commit-hooks.yaml")
if hooks is not None:
    expect(isinstance(hooks, list) and len(hooks) == 1, ".pre-commit-hooks.yaml: a list of one hook")
    hook = hooks[0] if isinstance(hooks, list) and hooks else {}
    for key in ("id", "name", "entry", "language"):
        expect(isinstance(hook.get(key), str), f"hook: {key} is a string")
    expect(hook.get("id") == "factlint" and hook.get("language") == "system", "hook: id factlint, language system")
    expect(hook.get("entry") == "factlint check", "hook: entry is `factlint check`")
    expect(isinstance(hook.get("types"), list), "hook: types is a list")

action = load("action.yml")
if action is not None:
    expect(action.get("runs", {}).get("using") == "composite", "action: a composite action")
    inputs = action.get("inputs", {})
    for name in ("paths", "claims", "args", "sarif-file"):
        expect(name in inputs and "description" in inputs[name], f"action: input {name} with a description")
    steps = action.get("runs", {}).get("steps", [])
    for step in steps:
        if "run" in step:
            expect(step.get("shell") == "bash", f"action: step {step.get('name')} names its shell")
            expect("${{" not in step["run"], f"action: step {step.get('name')} pastes no expression into its script")
    expect(any(str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@") for s in steps),
           "action: uploads SARIF with github/codeql-action/upload-sarif")
    expect(any(s.get("id") == "check" for s in steps), "action: a step with id check")

gitlab = load("examples/ci/gitlab-ci.yml")
if gitlab is not None:
    job = gitlab.get("factlint", {})
    expect(isinstance(job.get("script"), list) and job["script"], "gitlab: job factlint has a script")
    expect(job.get("artifacts", {}).get("reports", {}).get("codequality") == "gl-code-quality-report.json",
           "gitlab: a codequality report artifact")
    expect("FACTLINT_CODEQUALITY_JQ" in job.get("variables", {}), "gitlab: the jq conversion is a variable")

for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
