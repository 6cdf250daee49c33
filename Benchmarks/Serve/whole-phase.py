#!/usr/bin/env python3
"""Whole-phase evaluations of the served 30k sample under concurrent requests,
with the server's resident memory sampled along the way (standard library).

    python3 Benchmarks/Serve/whole-phase.py BASE_URL SERVER_PID [--requests 1000] [--concurrency 4]

Each request evaluates the whole phase on the server's data directory; all but
every 100th are narrowed to one subject so that the answer is small (the
evaluation is the same), every 100th asks for the whole 50 MB result.
"""
import argparse
import concurrent.futures
import json
import time
import urllib.request


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("pid", type=int)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--phase", default="dot2")
    args = parser.parse_args()

    def one(i):
        body = {"phase": args.phase} if i % 100 == 99 else {"phase": args.phase, "subjects": ["CD00001"]}
        request = urllib.request.Request(args.base + "/v1/evaluate", data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        start = time.monotonic()
        with urllib.request.urlopen(request, timeout=600) as response:
            size = len(response.read())
            return response.status, size, time.monotonic() - start

    print(f"start: RSS {rss_mib(args.pid):.0f} MiB")
    start = time.monotonic()
    done, failures, seconds = 0, 0, []
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        for status, size, elapsed in pool.map(one, range(args.requests)):
            done += 1
            failures += status != 200
            seconds.append(elapsed)
            if done % 100 == 0:
                print(f"{done:5} requests: RSS {rss_mib(args.pid):.0f} MiB, {time.monotonic() - start:.0f} s", flush=True)
    seconds.sort()
    print(f"{done} requests, {failures} not 200, {done / (time.monotonic() - start):.2f} req/s, "
          f"median {seconds[len(seconds) // 2]:.2f} s, p99 {seconds[int(len(seconds) * 0.99) - 1]:.2f} s")


main()
