#!/usr/bin/env python3
"""Slow-client check for tools/loadtest.sh: while N sockets each hold half a request open, /healthz
must still answer within a second.

Each socket sends a request line and one header, then nothing more, as a slow or hostile client
does. Bare synchronous gunicorn workers each wait on one such socket until their timeout; behind
the documented nginx (docs/nginx/) they never see them. Prints one JSON line; exit 0 when every
probe answered 200 within --limit seconds, 1 otherwise.

    tools/slow_clients.py --port 8104 --sockets 64
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sys
import time

HALF_REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"  # no blank line: the request never ends


def open_slow_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    held = []
    for _ in range(count):
        sock = socket.create_connection((host, port), timeout=5)
        sock.sendall(HALF_REQUEST)
        held.append(sock)
    return held


def probe(host: str, port: int, limit: float) -> tuple[int | None, float]:
    """(status or None, seconds) of one GET /healthz, given at most `limit` seconds."""
    started = time.monotonic()
    connection = http.client.HTTPConnection(host, port, timeout=limit)
    try:
        connection.request("GET", "/healthz")
        status = connection.getresponse().status
    except OSError:
        status = None
    finally:
        connection.close()
    return status, time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sockets", type=int, default=64, help="half-requests held open (64)")
    parser.add_argument("--probes", type=int, default=10, help="/healthz requests made meanwhile (10)")
    parser.add_argument("--limit", type=float, default=1.0, help="seconds a probe may take (1)")
    args = parser.parse_args()

    held = open_slow_sockets(args.host, args.port, args.sockets)
    try:
        time.sleep(1)  # let the server accept them (and, unprotected, hand them to its workers)
        results = []
        for _ in range(args.probes):
            results.append(probe(args.host, args.port, args.limit))
            time.sleep(0.2)
    finally:
        for sock in held:
            sock.close()
    answered = [seconds for status, seconds in results if status == 200 and seconds <= args.limit]
    report = {
        "slow_sockets": args.sockets,
        "probes": len(results),
        "answered_in_time": len(answered),
        "slowest_ms": round(1000 * max(seconds for _, seconds in results), 1),
        "statuses": [status for status, _ in results],
    }
    print(json.dumps(report))
    return 0 if len(answered) == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
