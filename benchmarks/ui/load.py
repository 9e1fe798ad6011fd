#!/usr/bin/env python3
"""Load client of the UI benchmark (issue #8): N users log in through the form (CSRF, session cookie), then each
loops over the four agenda tabs (Manual actions, Automatic actions, History, Replies & Comments; first page and
page 2) for a fixed time, one request at a time per user, keep-alive. Prints one JSON object: per tab and overall
p50/p95/max in ms as the client sees them, the server's own time per request (its `Server-Timing: app;dur=` header,
when it sends one; and the request-duration histogram of its /metrics over the run), requests, errors, requests/s,
and the server's CPU time per request (from /proc/PID/stat)."""
import argparse, http.client, json, re, statistics, threading, time, urllib.parse, os

SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")

TABS = ["/agenda/manual", "/agenda/automatic", "/agenda/history", "/agenda/replies"]


def cpu_seconds(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def login(host, port, user, password):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", "/login")
    page = conn.getresponse()
    body = page.read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
    login_cookie = page.getheader("Set-Cookie").split(";")[0]
    form = urllib.parse.urlencode({"_csrf": token, "login": user, "password": password})
    conn.request("POST", "/login", body=form, headers={"Cookie": login_cookie,
                                                      "Content-Type": "application/x-www-form-urlencoded"})
    reply = conn.getresponse()
    reply.read()
    if reply.status != 303:
        raise SystemExit(f"login of {user} failed: HTTP {reply.status}")
    cookies = [c.split(";")[0] for c in reply.headers.get_all("Set-Cookie") or [] if c.startswith("ingestd_session=")]
    return conn, cookies[0]


def worker(host, port, user, password, deadline, results, server, errors, start_barrier):
    conn, cookie = login(host, port, user, password)
    start_barrier.wait()
    n = 0
    while time.monotonic() < deadline["t"]:
        tab = TABS[n % len(TABS)]
        path = tab + ("?page=2" if (n // len(TABS)) % 2 else "")
        n += 1
        began = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - began) * 1000
            if response.status != 200:
                errors.append(response.status)
            results.setdefault(tab, []).append(elapsed)
            timing = SERVER_TIMING.search(response.getheader("Server-Timing") or "")
            if timing:
                server.setdefault(tab, []).append(float(timing.group(1)))
        except Exception as error:  # counted, the connection is reopened
            errors.append(type(error).__name__)
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)


def metrics_histogram(host, port):
    """The cumulative buckets (le -> count) of the server's request-duration histogram, summed over its labels."""
    try:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
        conn.close()
    except OSError:
        return {}
    buckets = {}
    for line in text.splitlines():
        match = re.match(r'http_server_request_duration(?:_seconds)?_bucket\{(.*)\} ([0-9.e+-]+)$', line)
        if not match:
            continue
        le = re.search(r'le="([^"]+)"', match.group(1)).group(1)
        buckets[le] = buckets.get(le, 0) + float(match.group(2))
    return buckets


def histogram_quantile(before, after, q):
    """Prometheus-style quantile (linear inside the bucket) of the requests between two scrapes, in ms."""
    bounds = sorted((float(le), after[le] - before.get(le, 0)) for le in after if le != "+Inf")
    total = after.get("+Inf", 0) - before.get("+Inf", 0)
    if total <= 0 or not bounds:
        return None
    rank, lower, below = q * total, 0.0, 0.0
    for bound, count in bounds:
        if count >= rank:
            inside = count - below
            return round((lower + (bound - lower) * ((rank - below) / inside if inside else 1)) * 1000, 2)
        lower, below = bound, count
    return None


def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--password", required=True)
    parser.add_argument("--login-prefix", default="collector")
    parser.add_argument("--server-pid", type=int)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.base)
    per_user = [dict() for _ in range(args.users)]
    server_per_user = [dict() for _ in range(args.users)]
    errors = []
    barrier = threading.Barrier(args.users + 1)
    deadline_box = {}

    def run(index):
        worker(url.hostname, url.port, f"{args.login_prefix}{index}", args.password, deadline_box,
               per_user[index], server_per_user[index], errors, barrier)

    deadline_box["t"] = time.monotonic() + 3600  # replaced once every user has logged in
    threads = [threading.Thread(target=run, args=(i,)) for i in range(args.users)]
    for t in threads:
        t.start()
    barrier.wait()
    histogram_before = metrics_histogram(url.hostname, url.port)
    cpu_before = cpu_seconds(args.server_pid)
    began = time.monotonic()
    deadline_box["t"] = began + args.seconds
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    cpu_after = cpu_seconds(args.server_pid)
    histogram_after = metrics_histogram(url.hostname, url.port)
    by_tab = {}
    for results in per_user:
        for tab, values in results.items():
            by_tab.setdefault(tab, []).extend(values)
    everything = [v for values in by_tab.values() for v in values]
    report = {"users": args.users, "seconds": round(wall, 1), "requests": len(everything), "errors": len(errors),
              "requests_per_s": round(len(everything) / wall, 1),
              "p50_ms": round(quantile(everything, 0.50), 2), "p95_ms": round(quantile(everything, 0.95), 2),
              "max_ms": round(max(everything), 2), "mean_ms": round(statistics.fmean(everything), 2),
              "tabs": {tab: {"requests": len(v), "p50_ms": round(quantile(v, 0.5), 2),
                             "p95_ms": round(quantile(v, 0.95), 2), "max_ms": round(max(v), 2)}
                       for tab, v in sorted(by_tab.items())}}
    server_by_tab = {}
    for results in server_per_user:
        for tab, values in results.items():
            server_by_tab.setdefault(tab, []).extend(values)
    server_all = [v for values in server_by_tab.values() for v in values]
    if server_all:
        report["server_timing"] = {
            "requests": len(server_all), "p50_ms": round(quantile(server_all, 0.50), 2),
            "p95_ms": round(quantile(server_all, 0.95), 2), "max_ms": round(max(server_all), 2),
            "tabs": {tab: {"p50_ms": round(quantile(v, 0.5), 2), "p95_ms": round(quantile(v, 0.95), 2)}
                     for tab, v in sorted(server_by_tab.items())}}
    if histogram_after:
        # Includes the /metrics scrape and logins only if they fall between the scrapes (they do not).
        report["server_histogram"] = {"p50_ms": histogram_quantile(histogram_before, histogram_after, 0.50),
                                      "p95_ms": histogram_quantile(histogram_before, histogram_after, 0.95)}
    if cpu_before is not None and cpu_after is not None and everything:
        report["server_cpu_s"] = round(cpu_after - cpu_before, 2)
        report["server_cpu_ms_per_request"] = round((cpu_after - cpu_before) * 1000 / len(everything), 2)
    if errors:
        report["error_kinds"] = sorted({str(e) for e in errors})
    print(json.dumps(report))


if __name__ == "__main__":
    main()
