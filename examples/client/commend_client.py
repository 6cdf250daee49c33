#!/usr/bin/env python3
"""Asks a running `commend serve` two questions, with the standard library only:

1. Is this one member eligible? The member's data is sent inline (the
   data.json shape of RULES.md section 3), so the answer costs milliseconds
   and needs no data directory on the server.
2. How does one emulation cluster rank? Asked of the server's own data
   directory (start it with --data).

    commend serve --rules rules --data examples/bac-kan-2021 &
    python3 examples/client/commend_client.py --server http://127.0.0.1:8080

Errors come back as {"error": {"kind", "message", "file", "line"}}; they are
printed as file:line: message and end the script with status 1.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request


def call(server, path, body=None):
    """POSTs `body` as JSON (GET without a body); returns the decoded answer."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(server + path, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return json.load(response)
    except urllib.error.HTTPError as failure:
        error = json.load(failure).get("error", {})
        where = f'{error["file"]}:{error["line"]}: ' if error.get("file") and error.get("line") else ""
        sys.exit(f"{failure.code} {error.get('kind')}: {where}{error.get('message')}")


def member_eligibility(server, phase):
    """One member of a new grassroots union, evaluated inline."""
    data = {
        "units": [{"id": "CD9001", "name": "Công đoàn Trường Tiểu học Thử", "kind": "cdcs",
                   "parent": "H01", "cluster": "TH-KV1", "sector": "giao_duc"},
                  {"id": "H01", "name": "LĐLĐ thành phố Bắc Kạn", "kind": "huyen", "cluster": "KHOI-HUYEN"}],
        "members": [{"id": "DV9000001", "name": "Nguyễn Thị Thử", "unit": "CD9001", "gender": "nu",
                     "born": "1988-04-02", "started": "2012-09-01", "staff": False, "culture_family": True}],
        "phases": {phase: {"members": [{"id": "DV9000001", "rating": "xuat_sac", "initiatives": 1,
                                        "initiative_scope": "co_so", "participates": True}]}},
    }
    result = call(server, "/v1/evaluate", {"phase": phase, "data": data, "subjects": ["DV9000001"]})
    print(f"Member DV9000001, {result['phase']['name']}:")
    for award in result["awards"]:
        for r in award["results"]:
            verdict = "awarded" if r["awarded"] else "eligible" if r["eligible"] else "not eligible"
            failed = [c["id"] for c in r["criteria"] if not c["passed"]]
            print(f"  {award['name']}: {verdict}" + (f" (failed: {', '.join(failed)})" if failed else ""))


def cluster_ranking(server, phase, scoring, cluster):
    """The ranking of one cluster, from the server's data directory."""
    result = call(server, "/v1/evaluate", {"phase": phase, "awards": [scoring]})
    table = result["scorings"][0]
    print(f"{table['name']}, cluster {cluster}:")
    for r in table["results"]:
        if r["group"] == cluster:
            print(f"  {r['rank']:>3}. {r['name']} ({r['subject']}): {r['total']:g}, {r['grade'] or 'no grade'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default="http://127.0.0.1:8080")
    parser.add_argument("--phase", default="dot2")
    parser.add_argument("--scoring", default="xep-loai-cdcs")
    parser.add_argument("--cluster", default="MN-KV1")
    args = parser.parse_args()
    health = call(args.server, "/v1/health")
    print(f"commend {health['version']}, rules {health['rules_digest'][:19]}…, {health['status']}")
    member_eligibility(args.server, args.phase)
    cluster_ranking(args.server, args.phase, args.scoring, args.cluster)


if __name__ == "__main__":
    main()
