"""Validates real responses of `commend serve` against its OpenAPI document.

    python3 openapi_check.py OPENAPI.json EXCHANGES.json

EXCHANGES.json is a list of {"method", "route", "status", "type", "body"}:
"route" is the path template of the document (/v1/runs/{id}), "body" the
response's text. Each status must be documented for its route and method,
and a JSON body must validate against the documented schema. Prints one
line per failure; exit status 1 if any.
"""
import json
import sys

from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec


def main():
    document = json.load(open(sys.argv[1], encoding="utf-8"))
    exchanges = json.load(open(sys.argv[2], encoding="utf-8"))
    validate_spec(document)
    failures = []
    for x in exchanges:
        name = f'{x["method"]} {x["route"]} {x["status"]}'
        operation = document["paths"].get(x["route"], {}).get(x["method"].lower())
        if operation is None and x["status"] == 404:
            operation = {"responses": {}}  # a path that does not exist: the error body below
        if operation is None:
            failures.append(f"{name}: the route is not in the document")
            continue
        response = operation["responses"].get(str(x["status"])) or operation["responses"].get("default")
        if response is None and x["status"] == 404:
            # Any path may answer 404 with the error body (the document says so).
            response = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        if response is None:
            failures.append(f"{name}: status not documented")
            continue
        content = response.get("content", {})
        media = x["type"].split(";")[0].strip()
        if media not in content:
            failures.append(f"{name}: content type {media} not documented ({', '.join(content)})")
            continue
        if media != "application/json":
            continue
        try:
            body = json.loads(x["body"])
        except ValueError as error:
            failures.append(f"{name}: body is not JSON: {error}")
            continue
        schema = dict(content[media]["schema"])
        schema["components"] = document["components"]
        for error in OAS31Validator(schema).iter_errors(body):
            path = "/".join(str(p) for p in error.absolute_path)
            failures.append(f"{name}: at /{path}: {error.message[:300]}")
    for failure in failures:
        print(failure)
    print(f"{len(exchanges)} responses checked, {len(failures)} failures")
    sys.exit(1 if failures else 0)


main()
