"""Gateway throughput measured against nginx and against the bare service, in one run on one machine.

Two scenarios, each sent by wrk three ways: straight to the intake service, through nginx (one worker,
keep-alive upstream pool), and through the Kuaiban gateway.

- `enterprise`: the authenticated `GET /intake/enterprises/{id}`, a real database read (expects 200).
  The database bounds it, so the three targets tend to measure alike.
- `proxy-overhead`: the authenticated `GET /intake/bench-no-such-resource`, which the intake service
  answers 404 (problem+json) from its router without touching the database: the cheapest request a
  service answers, so what a proxy costs shows. wrk counts these as "Non-2xx or 3xx responses"; here
  that is expected, and only answers with another status (or socket errors) count as errors.

Rounds alternate direct, nginx, gateway so that drift on the machine hits every target alike; each
target's median requests/s is reported with p50/p99 latency, per scenario and concurrency level, with
the verdict of the target "gateway >= 60 % of nginx" per scenario (printed, not enforced: the exit
status is 1 only for errors). The system runs on its own data: embedded PostgreSQL in a temporary
folder, or a fresh `kuaiban_bench_<hex>` database when `KUAIBAN_DATABASE_URL` names a server. Results
are printed and written to `bench/results/gateway-<timestamp>.json`.

Run: `make bench`, or `.venv/bin/python bench/gateway.py --seconds 10 --rounds 3 --connections 16,64`
(`--scenarios enterprise` or `--scenarios proxy-overhead` runs one of them).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.common import (  # noqa: E402
    BenchError,
    database,
    git_commit,
    guarded,
    kuaiban,
    load_average,
    stop_on_sigterm,
    temp_workdir,
    write_results,
)
from launcher.system import System, free_port_block, ports_free  # noqa: E402
from services.common.problems import PROBLEM_MEDIA_TYPE  # noqa: E402
from services.common.serve import die_with_parent  # noqa: E402
from services.intake.uscc import random_uscc  # noqa: E402

TARGETS = ("direct", "nginx", "gateway")
TARGET_RATIO = 0.60  # the gateway must keep at least this share of nginx's throughput
WARMUP_SECONDS = 2
SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
NO_SUCH_RESOURCE = "/intake/bench-no-such-resource"
PROFILE_RATE = 250  # py-spy samples per second
PROFILE_TOP = 40


@dataclass(frozen=True)
class Scenario:
    """One measured request: what it is and which status every target must answer."""

    name: str
    request: str
    expected_status: int

    @property
    def expects_error_status(self) -> bool:
        """wrk counts answers with status >= 400 as "Non-2xx or 3xx responses"."""
        return self.expected_status >= 400


SCENARIOS = {
    "enterprise": Scenario("enterprise", "GET /intake/enterprises/{id} (authenticated, database read)", 200),
    "proxy-overhead": Scenario(
        "proxy-overhead", f"GET {NO_SUCH_RESOURCE} (authenticated, router 404, no database)", 404
    ),
}


# --- tools ---------------------------------------------------------------------------------------


def which(name: str) -> str | None:
    """`name` on PATH or in the sbin folders (nginx lives in /usr/sbin, often not on a user's PATH)."""
    return shutil.which(name) or shutil.which(name, path=os.pathsep.join(SBIN))


def ensure_tools() -> tuple[str, str]:
    """Paths of nginx and wrk, installing them with apt-get when missing."""
    if (nginx := which("nginx")) and (wrk := which("wrk")):
        return nginx, wrk
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo", "-n"]
    else:
        raise BenchError("nginx and wrk are needed; install them (apt-get install nginx-light wrk) and run again")
    if not shutil.which("apt-get"):
        raise BenchError("nginx and wrk are needed and apt-get is not available; install them and run again")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}

    def install(*packages: str) -> bool:
        missing = [p for p in packages if not which("wrk" if p == "wrk" else "nginx")]
        print(f"installing {' '.join(missing)} ...", flush=True)
        return subprocess.run([*prefix, "apt-get", "install", "-y", *missing], env=env).returncode == 0

    if not install("nginx-light", "wrk"):
        subprocess.run([*prefix, "apt-get", "update"], env=env, check=False)
        if not install("nginx-light", "wrk"):
            install("nginx", "wrk")
    nginx, wrk = which("nginx"), which("wrk")
    if not (nginx and wrk):
        raise BenchError("could not install nginx and wrk with apt-get; install them by hand and run again")
    return nginx, wrk


def version(command: list[str]) -> str:
    """First line a tool prints about its version (nginx and wrk print it on stderr)."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return (done.stderr or done.stdout).strip().splitlines()[0] if (done.stderr or done.stdout) else "?"


# --- the system under test -----------------------------------------------------------------------


def seed(system: System, admin_password: str) -> tuple[str, str]:
    """Log in as admin and register one enterprise; returns (token, path of the measured GET)."""
    with httpx.Client(base_url=system.gateway_url, timeout=15) as client:
        response = client.post("/auth/token", data={"username": "admin", "password": admin_password})
        if response.status_code != 200:
            raise BenchError(f"admin login failed: {response.status_code} {response.text}")
        token = response.json()["access_token"]
        enterprise = {
            "uscc": random_uscc(),
            "name": "濉溪县淮海铝基新材料有限公司",
            "industry": "C",
            "town": "濉溪镇",
            "established_on": "2016-09-12",
            "employees": 186,
            "annual_revenue_yuan": 128_000_000,
            "credit_rating": "A",
            "key_enterprise": True,
        }
        response = client.post("/intake/enterprises", json=enterprise, headers={"Authorization": f"Bearer {token}"})
        if response.status_code != 201:
            raise BenchError(f"creating the enterprise failed: {response.status_code} {response.text}")
    return token, f"/intake/enterprises/{response.json()['id']}"


# --- nginx ---------------------------------------------------------------------------------------

NGINX_CONF = """\
daemon off;
master_process on;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {dir}/client_body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    keepalive_requests 1000000;
    upstream intake {{
        server 127.0.0.1:{upstream};
        keepalive 64;
        keepalive_requests 1000000;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://intake;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }}
    }}
}}
"""


def free_port(avoid: range) -> int:
    """A free port outside `avoid` (the system's block)."""
    for _ in range(50):
        port = free_port_block(1)
        if port not in avoid and ports_free(port, 1):
            return port
    raise BenchError("no free port for nginx")


@contextlib.contextmanager
def nginx(binary: str, *, upstream: int, workdir: Path, avoid: range) -> Iterator[int]:
    """nginx in the foreground with its own prefix, config, pid and logs; yields its port."""
    workdir.mkdir(parents=True, exist_ok=True)
    workdir.chmod(0o755)  # a worker running as nobody must reach its temp folders
    port = free_port(avoid)
    conf = workdir / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=workdir, upstream=upstream, port=port))
    error_log = workdir / "error.log"
    command = [binary, "-p", f"{workdir}/", "-c", str(conf), "-e", str(error_log)]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise BenchError(f"nginx rejected its configuration:\n{check.stderr}")
    print(f"starting nginx on port {port} in front of the intake service ...", flush=True)
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=die_with_parent
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                raise BenchError(f"nginx exited with {process.returncode}:\n{error_log.read_text(errors='replace')}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise BenchError(f"nginx did not answer on port {port}; see {error_log}")
            time.sleep(0.1)
        yield port
    finally:
        if process.poll() is None:
            process.terminate()  # SIGTERM: fast shutdown
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# --- wrk -----------------------------------------------------------------------------------------

# Counts answers whose status is not the expected one (wrk's own count lumps every status >= 400
# together, so a gateway answering 502 would pass for the expected 404). Only used where the expected
# status is an error; each wrk thread has its own Lua state, summed in done().
STATUS_SCRIPT = """\
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    expected = tonumber(args[1])
    unexpected = 0
end

function response(status, headers, body)
    if status ~= expected then
        unexpected = unexpected + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("unexpected")
    end
    io.write(string.format("Unexpected status: %d\\n", total))
end
"""


@dataclass
class Run:
    """One wrk run, parsed from its --latency output."""

    requests_per_second: float
    requests: int
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    unexpected_status: int | None = None  # from STATUS_SCRIPT, when the run used it


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    if not match:
        raise BenchError(f"unexpected latency value from wrk: {text!r}")
    return round(float(match.group(1)) * UNIT_MS[match.group(2)], 3)


def parse_wrk(output: str) -> Run:
    """Requests/s, p50/p99 latency, non-2xx responses and socket errors from wrk's text output."""
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    total = re.search(r"^\s*(\d+) requests in ", output, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (rps and total and p50 and p99):
        raise BenchError(f"could not read wrk's output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    unexpected = re.search(r"^Unexpected status: (\d+)", output, re.M)
    return Run(
        requests_per_second=float(rps.group(1)),
        requests=int(total.group(1)),
        p50_ms=_ms(p50.group(1)),
        p99_ms=_ms(p99.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        unexpected_status=int(unexpected.group(1)) if unexpected else None,
    )


def run_wrk(
    wrk: str, url: str, token: str, *, connections: int, seconds: int, check: tuple[Path, int] | None = None
) -> Run:
    """One wrk run with one thread (the machine has few cores; the client must not starve the server).

    `check` is (STATUS_SCRIPT's file, expected status): count the answers with any other status.
    """
    script = ["-s", str(check[0])] if check else []
    command = [
        wrk,
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "-H",
        f"Authorization: Bearer {token}",
        *script,
        url,
        *(["--", str(check[1])] if check else []),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 60)
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}):\n{done.stderr}{done.stdout}")
    run = parse_wrk(done.stdout)
    if check and run.unexpected_status is None:
        raise BenchError(f"wrk's status-check script reported nothing:\n{done.stderr}{done.stdout}")
    return run


# --- the benchmark -------------------------------------------------------------------------------


def verify(scenario: Scenario, urls: dict[str, str], token: str) -> None:
    """Every target answers the scenario's GET with its expected status and the same body.

    An expected error status must come as problem+json from the intake service's own handlers.
    """
    bodies = {}
    for target, url in urls.items():
        response = httpx.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        if response.status_code != scenario.expected_status:
            raise BenchError(
                f"[{scenario.name}] {target} answered {response.status_code}, expected "
                f"{scenario.expected_status}: {response.text}"
            )
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if scenario.expects_error_status and media_type != PROBLEM_MEDIA_TYPE:
            raise BenchError(
                f"[{scenario.name}] {target} answered {response.status_code} as {media_type or 'no content-type'}, "
                f"expected {PROBLEM_MEDIA_TYPE}: {response.text}"
            )
        bodies[target] = response.json()
    if len({json.dumps(b, sort_keys=True) for b in bodies.values()}) != 1:
        raise BenchError(f"[{scenario.name}] the targets disagree on the answer: {bodies}")


def unexpected_status(scenario: Scenario, run: Run) -> int:
    """Answers with a status other than the expected one.

    For an expected 2xx that is wrk's non-2xx count. For an expected error status wrk's count covers
    every status >= 400, so the status-check script counts the exact mismatches; an answer below 400
    also shows as a request missing from the non-2xx count.
    """
    if not scenario.expects_error_status:
        return run.non_2xx
    return max(run.requests - run.non_2xx, run.unexpected_status or 0)


def measure(
    wrk: str,
    scenario: Scenario,
    urls: dict[str, str],
    token: str,
    *,
    levels: list[int],
    seconds: int,
    rounds: int,
    script: Path,
) -> dict:
    """Per concurrency level: warm up each target, then alternate them for `rounds` rounds."""
    check = (script, scenario.expected_status) if scenario.expects_error_status else None
    results: dict[str, dict[str, dict]] = {}
    for connections in levels:
        runs: dict[str, list[Run]] = {target: [] for target in urls}
        for target, url in urls.items():
            print(f"  c={connections:<4} warm-up  {target:<8}", flush=True)
            run_wrk(wrk, url, token, connections=connections, seconds=min(WARMUP_SECONDS, seconds), check=check)
        for number in range(1, rounds + 1):
            for target, url in urls.items():
                run = run_wrk(wrk, url, token, connections=connections, seconds=seconds, check=check)
                runs[target].append(run)
                print(
                    f"  c={connections:<4} round {number}  {target:<8} {run.requests_per_second:>9,.0f} req/s  "
                    f"p50 {run.p50_ms:7.2f} ms  p99 {run.p99_ms:7.2f} ms",
                    flush=True,
                )
        results[str(connections)] = {
            target: {
                "median_rps": round(statistics.median(r.requests_per_second for r in target_runs), 1),
                "p50_ms": round(statistics.median(r.p50_ms for r in target_runs), 2),
                "p99_ms": round(statistics.median(r.p99_ms for r in target_runs), 2),
                "requests": sum(r.requests for r in target_runs),
                "non_2xx": sum(r.non_2xx for r in target_runs),
                "unexpected_status": sum(unexpected_status(scenario, r) for r in target_runs),
                "socket_errors": sum(r.socket_errors for r in target_runs),
                "runs": [asdict(r) for r in target_runs],
            }
            for target, target_runs in runs.items()
        }
    return results


def ratios(level: dict[str, dict]) -> dict[str, float]:
    rps = {target: level[target]["median_rps"] for target in TARGETS}
    return {
        "gateway/nginx": round(rps["gateway"] / rps["nginx"], 3),
        "gateway/direct": round(rps["gateway"] / rps["direct"], 3),
        "nginx/direct": round(rps["nginx"] / rps["direct"], 3),
    }


def target_met(results: dict) -> bool:
    """The gateway keeps TARGET_RATIO of nginx's throughput at every concurrency level."""
    return all(ratios(level)["gateway/nginx"] >= TARGET_RATIO for level in results.values())


def report(scenario: Scenario, results: dict, *, seconds: int, rounds: int) -> bool:
    """Print the scenario's table, ratios and verdict; True when the target is met at every level."""
    print(f"\n[{scenario.name}] {scenario.request}, wrk -t1, {seconds} s x {rounds} rounds, median")
    print(f"expected status {scenario.expected_status}; 'unexpect' counts answers with any other status")
    header = (
        f"{'conns':>5}  {'target':<8} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'non-2xx':>9} {'unexpect':>8} {'sock err':>8}"
    )
    print(header)
    print("-" * len(header))
    for connections, level in results.items():
        for target in TARGETS:
            row = level[target]
            print(
                f"{connections:>5}  {target:<8} {row['median_rps']:>10,.0f} {row['p50_ms']:>8.2f} "
                f"{row['p99_ms']:>8.2f} {row['non_2xx']:>9} {row['unexpected_status']:>8} {row['socket_errors']:>8}"
            )
        print("       " + "   ".join(f"{name} {value:.0%}" for name, value in ratios(level).items()))
    met = target_met(results)
    shares = ", ".join(f"c={c} {ratios(level)['gateway/nginx']:.0%}" for c, level in results.items())
    verdict = "MET" if met else "NOT MET"
    print(f"[{scenario.name}] target gateway >= {TARGET_RATIO:.0%} of nginx at every concurrency: {verdict} ({shares})")
    return met


# --- profiling the gateway -----------------------------------------------------------------------


def summarize_profile(raw: str, top: int = PROFILE_TOP) -> dict:
    """Inclusive and self shares per frame from py-spy's raw (collapsed stack) output."""
    inclusive: dict[str, int] = {}
    own: dict[str, int] = {}
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        frames = stack.split(";")
        total += samples
        for frame in set(frames):  # a recursive frame counts once per sample
            inclusive[frame] = inclusive.get(frame, 0) + samples
        own[frames[-1]] = own.get(frames[-1], 0) + samples
    ranked = sorted(inclusive, key=lambda frame: (-inclusive[frame], -own.get(frame, 0), frame))[:top]
    return {
        "samples": total,
        "top": [
            {
                "frame": frame,
                "inclusive": round(inclusive[frame] / total, 4),
                "self": round(own.get(frame, 0) / total, 4),
            }
            for frame in ranked
        ],
    }


def profile_gateway(
    wrk: str, url: str, token: str, *, pid: int, connections: int, seconds: int, workdir: Path, script: Path
) -> dict:
    """`py-spy record` of the gateway process during one wrk run of the proxy-overhead request."""
    venv_bin = str(Path(sys.executable).parent)
    py_spy = shutil.which("py-spy", path=venv_bin) or shutil.which("py-spy")
    if not py_spy:
        raise BenchError("py-spy is needed for --profile-gateway; install it (pip install py-spy)")
    output = workdir / "gateway-profile.txt"
    command = [py_spy, "record", "--pid", str(pid), "--format", "raw", "--output", str(output)]
    command += ["--duration", str(seconds), "--rate", str(PROFILE_RATE), "--nolineno"]
    print(f"profiling the gateway (pid {pid}) with py-spy for {seconds} s at c={connections} ...", flush=True)
    recorder = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=die_with_parent
    )
    try:
        time.sleep(1)  # attached before the load starts; wrk runs past the recording's end
        if recorder.poll() is not None:
            raise BenchError(f"py-spy exited with {recorder.returncode}:\n{recorder.stdout.read()}")
        run = run_wrk(wrk, url, token, connections=connections, seconds=seconds + 1, check=(script, 404))
        log, _ = recorder.communicate(timeout=seconds + 60)
    finally:
        if recorder.poll() is None:
            recorder.kill()
            recorder.wait()
    if recorder.returncode != 0 or not output.exists():
        raise BenchError(f"py-spy failed ({recorder.returncode}):\n{log}")
    summary = summarize_profile(output.read_text(errors="replace"))
    if not summary["samples"]:
        raise BenchError(f"py-spy recorded no samples:\n{log}")
    return {
        "seconds": seconds,
        "connections": connections,
        "rate": PROFILE_RATE,
        "requests_per_second_while_profiled": run.requests_per_second,
        **summary,
    }


def print_profile(profile: dict) -> None:
    print(
        f"\ngateway profile (py-spy record -f raw --nolineno, {profile['rate']} Hz, {profile['seconds']} s, "
        f"c={profile['connections']}, proxy-overhead, {profile['requests_per_second_while_profiled']:,.0f} req/s "
        f"while profiled): {profile['samples']} samples over all threads ({profile['rate'] * profile['seconds']} "
        f"possible per thread; idle threads not sampled), top {len(profile['top'])} frames by inclusive share"
    )
    print(f"{'incl':>6} {'self':>6}  frame")
    for row in profile["top"]:
        print(f"{row['inclusive']:>6.1%} {row['self']:>6.1%}  {row['frame']}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Gateway vs nginx vs direct throughput (see the module docstring).")
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured wrk run (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per concurrency level (default 3)")
    parser.add_argument("--connections", default="16,64", help="comma-separated concurrency levels (default 16,64)")
    parser.add_argument(
        "--scenarios",
        default=",".join(SCENARIOS),
        help=f"comma-separated scenarios to measure, of {', '.join(SCENARIOS)} (default all)",
    )
    parser.add_argument("--log-level", default="INFO", help="KUAIBAN_LOG_LEVEL for the services (default INFO)")
    # py-spy of the gateway during one extra proxy-overhead run after the measurement (a diagnosis aid)
    parser.add_argument("--profile-gateway", type=int, default=0, metavar="SECONDS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        args.levels = [int(c) for c in args.connections.split(",") if c.strip()]
    except ValueError:
        parser.error("--connections takes comma-separated integers, e.g. 16,64")
    if not args.levels or min(args.levels) < 1 or args.seconds < 1 or args.rounds < 1:
        parser.error("--seconds, --rounds and every --connections level must be at least 1")
    names = [n.strip() for n in args.scenarios.split(",") if n.strip()]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown or not names:
        parser.error(f"--scenarios takes comma-separated names of {', '.join(SCENARIOS)}; unknown: {unknown}")
    args.scenario_list = [SCENARIOS[n] for n in dict.fromkeys(names)]
    if args.profile_gateway < 0:
        parser.error("--profile-gateway takes a number of seconds")
    return args


def main() -> int:
    args = parse_args()
    stop_on_sigterm()
    started = time.strftime("%Y%m%d-%H%M%S")
    admin_password = secrets.token_urlsafe(16)
    load_before = load_average()
    scenarios: list[Scenario] = args.scenario_list
    results: dict[str, dict] = {}
    paths: dict[str, str] = {}
    profile = None
    with contextlib.ExitStack() as stack, guarded("stopping nginx, Kuaiban and PostgreSQL ..."):
        nginx_bin, wrk = ensure_tools()
        workdir = temp_workdir(stack)
        script = workdir / "status.lua"
        script.write_text(STATUS_SCRIPT)
        url = stack.enter_context(database(workdir))
        system = stack.enter_context(
            kuaiban(url, log_dir=workdir / "logs", log_level=args.log_level, admin_password=admin_password)
        )
        token, enterprise_path = seed(system, admin_password)
        paths = {"enterprise": enterprise_path, "proxy-overhead": NO_SUCH_RESOURCE}
        intake_port = system.port + 1
        nginx_port = stack.enter_context(
            nginx(
                nginx_bin,
                upstream=intake_port,
                workdir=workdir / "nginx",
                avoid=range(system.port, system.port + 4),
            )
        )

        def urls(path: str) -> dict[str, str]:
            return {
                "direct": f"{system.url('intake')}{path}",
                "nginx": f"http://127.0.0.1:{nginx_port}{path}",
                "gateway": f"{system.gateway_url}{path}",
            }

        for scenario in scenarios:
            verify(scenario, urls(paths[scenario.name]), token)
        for scenario in scenarios:
            path = paths[scenario.name]
            print(
                f"measuring [{scenario.name}] {path}, expecting {scenario.expected_status} "
                f"({len(args.levels)} levels x {args.rounds} rounds x {args.seconds} s) ..."
            )
            results[scenario.name] = measure(
                wrk,
                scenario,
                urls(path),
                token,
                levels=args.levels,
                seconds=args.seconds,
                rounds=args.rounds,
                script=script,
            )
        if args.profile_gateway:
            profile = profile_gateway(
                wrk,
                urls(NO_SUCH_RESOURCE)["gateway"],
                token,
                pid=system.processes[f"gateway:{system.port}"].pid,
                connections=max(args.levels),
                seconds=args.profile_gateway,
                workdir=workdir,
                script=script,
            )

    met = {s.name: report(s, results[s.name], seconds=args.seconds, rounds=args.rounds) for s in scenarios}
    if profile is not None:
        print_profile(profile)
    errors = {
        f"{name}/{target}@c={connections}": level[target]["unexpected_status"] + level[target]["socket_errors"]
        for name, scenario_results in results.items()
        for connections, level in scenario_results.items()
        for target in TARGETS
        if level[target]["unexpected_status"] + level[target]["socket_errors"]
    }
    document = {
        "started_at": started,
        "settings": {
            "seconds": args.seconds,
            "rounds": args.rounds,
            "connections": args.levels,
            "scenarios": [s.name for s in scenarios],
            "log_level": args.log_level,
            "wrk_threads": 1,
            "nginx_workers": 1,
        },
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "nginx": version([nginx_bin, "-v"]),
            "wrk": version([wrk, "-v"]),
            "commit": git_commit(),
            "load_average_before": [round(x, 2) for x in load_before],
        },
        "scenarios": {
            s.name: {
                "request": s.request,
                "path": paths[s.name],
                "expected_status": s.expected_status,
                "results": results[s.name],
                "ratios": {connections: ratios(level) for connections, level in results[s.name].items()},
                "target_met": met[s.name],
            }
            for s in scenarios
        },
        "target": {"gateway/nginx": TARGET_RATIO, "met": met},
        "errors": errors,
    }
    if profile is not None:
        document["gateway_profile"] = profile
    write_results("gateway", started, document)
    if errors:
        print(f"\nFAILED: targets answered with unexpected statuses or socket errors: {errors}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
