#!/usr/bin/python3
"""Validate a SARIF log against the SARIF 2.1.0 JSON schema.

usage: validate_sarif.py [--expect-invalid] FILE SCHEMA

Besides the schema, checks what the schema cannot: every result's ruleIndex
names the rule with its ruleId. Exit status: 0 valid, 1 invalid, 2 the file
or schema could not be read. With --expect-invalid, 0 and 1 swap (for a test
that the validator rejects a broken document).
"""
import json
import sys

import jsonschema


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: cannot read JSON: {e}", file=sys.stderr)
        sys.exit(2)


def schema_errors(document, schema):
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        yield f"{where}: {error.message}"


def rule_index_errors(document):
    for r, run in enumerate(document.get("runs") or []):
        if not isinstance(run, dict):
            continue
        rules = (run.get("tool") or {}).get("driver", {}).get("rules") or []
        for i, result in enumerate(run.get("results") or []):
            if not isinstance(result, dict) or "ruleIndex" not in result:
                continue
            index = result["ruleIndex"]
            ok = isinstance(index, int) and 0 <= index < len(rules)
            if not ok or rules[index].get("id") != result.get("ruleId"):
                yield f"runs/{r}/results/{i}: ruleIndex {index} does not name rule {result.get('ruleId')}"


def main(argv):
    args = [a for a in argv[1:] if a != "--expect-invalid"]
    expect_invalid = len(args) != len(argv) - 1
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    document, schema = load(args[0]), load(args[1])
    errors = list(schema_errors(document, schema)) + list(rule_index_errors(document))
    for e in errors:
        print(f"{args[0]}: {e}")
    if expect_invalid:
        if errors:
            print(f"{args[0]}: rejected as expected ({len(errors)} problems)")
            return 0
        print(f"{args[0]}: expected an invalid document, but it is valid", file=sys.stderr)
        return 1
    if not errors:
        print(f"{args[0]}: valid SARIF 2.1.0")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
