#!/usr/bin/env python3
"""Validates JSON results against docs/schema/result-2.json (JSON Schema 2020-12).

Usage: validate-result.py SCHEMA FILE...  Prints each violation with its JSON
path and exits 1 if any file does not conform. Needs the `jsonschema` package
(`make test` installs it when missing)."""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for path in sys.argv[2:]:
        document = json.load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(document):
            bad += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: /{where}: {error.message}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
