"""Drive wrk at the floor view and each page in turn and state each page's cost
as a multiple of the floor's, measured in the same run (issue 24, item 1).

    bench/load_run.py PORT GUNICORN_PID TARGETS_FILE

TARGETS_FILE has "label path session" lines (bench/load_target.py), the floor
first. Each page runs between two floor runs; its CPU per request is the CPU
time (user + system, /proc) of the gunicorn workers and of their PostgreSQL
backends over the run divided by the requests served, and its ratio is that
over the mean of the two floor runs beside it. gzip is asked for, as browsers
do. Writes bench/results/load.json; exits 1 when a page is over the target
ratio (LOAD_TARGET_RATIO, 2 by default: issue 24's aim).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

SECONDS = int(os.environ.get("LOAD_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "8"))
TARGET = float(os.environ.get("LOAD_TARGET_RATIO", "2"))
TICK = os.sysconf("SC_CLK_TCK")
OUT = Path(__file__).resolve().parent / "results" / "load.json"


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def backends() -> list[int]:
    """The PostgreSQL processes serving the bench database (the workers' connections)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import psycopg

    from config.env import database_from_url

    cfg = database_from_url(os.environ["DATABASE_URL"], sqlite_default=Path("x"))
    with psycopg.connect(
        dbname=cfg["NAME"], user=cfg["USER"] or None, host=cfg["HOST"] or None,
        port=cfg["PORT"] or None, password=cfg["PASSWORD"] or None,
    ) as conn:  # fmt: skip
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
    return [r[0] for r in rows]


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICK


def ms(value: str) -> float:
    number = float(re.match(r"[\d.]+", value).group())  # type: ignore[union-attr]
    return round(number * {"us": 0.001, "ms": 1, "s": 1000}[re.sub(r"[\d.]+", "", value)], 2)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def credentials(session: str) -> dict[str, str]:
    """A session cookie, an API token ("bearer:udb_…") or nothing ("-": a citizen)."""
    if session == "-":
        return {}
    if session.startswith("bearer:"):
        return {"Authorization": f"Bearer {session.removeprefix('bearer:')}"}
    return {"Cookie": f"sessionid={session}"}


def status_of(url: str, session: str) -> int:
    """The page's own status, redirects not followed: a 302 to the sign-in page
    would measure the wrong thing."""
    request = urllib.request.Request(url, headers=credentials(session))
    try:
        with urllib.request.build_opener(_NoRedirect).open(request) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def run(port: int, workers: list[int], path: str, session: str) -> dict:
    url = f"http://127.0.0.1:{port}{path}"
    if (status := status_of(url, session)) != 200:
        sys.exit(f"{path} answers {status}, not 200: nothing to measure")
    headers = ["-H", "Accept-Encoding: gzip"]
    for name, value in credentials(session).items():
        headers += ["-H", f"{name}: {value}"]
    subprocess.run(["wrk", "-t1", "-c2", "-d2s", *headers, url], capture_output=True)  # warm
    pids = workers + backends()
    before, load_before = cpu_seconds(pids), os.getloadavg()[0]
    text = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *headers, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    cpu = cpu_seconds(pids) - before
    requests = int(re.search(r"(\d+) requests in", text).group(1))  # type: ignore[union-attr]
    pcts = dict(re.findall(r"^\s+(\d+)%\s+(\S+)", text, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),  # type: ignore[union-attr]
        "p50": ms(pcts["50"]),
        "p99": ms(pcts["99"]),
        "cpu_ms_per_request": round(cpu * 1000 / max(requests, 1), 3),
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "load": round((load_before + os.getloadavg()[0]) / 2, 2),
    }


def main() -> None:
    port, master = int(sys.argv[1]), int(sys.argv[2])
    targets = [line.split() for line in Path(sys.argv[3]).read_text().splitlines() if line]
    (_, floor_path, floor_session), pages = targets[0], targets[1:]
    workers = children(master)
    floor = [run(port, workers, floor_path, floor_session)]
    results, missed = {}, []
    for label, path, session in pages:
        page = run(port, workers, path, session)
        floor.append(run(port, workers, floor_path, floor_session))
        beside = (floor[-2]["cpu_ms_per_request"] + floor[-1]["cpu_ms_per_request"]) / 2
        page["path"] = path
        page["floor_ratio"] = round(page["cpu_ms_per_request"] / beside, 2) if beside else None
        results[label] = page
        if page["floor_ratio"] is None or page["floor_ratio"] > TARGET or page["errors"]:
            missed.append(label)
        print(f"{label:45} {page['rps']:8.1f} req/s  p50 {page['p50']:7.2f} ms  "
              f"cpu {page['cpu_ms_per_request']:6.2f} ms/req  ×floor {page['floor_ratio']}  "
              f"load {page['load']}")  # fmt: skip
    OUT.write_text(json.dumps({
        "workers": len(workers), "connections": CONNECTIONS, "seconds": SECONDS,
        "target_ratio": TARGET, "floor": floor, "pages": results, "missed": missed,
    }, ensure_ascii=False, indent=1))  # fmt: skip
    if missed:
        print(f"over {TARGET}× the floor's CPU per request: {', '.join(missed)}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
