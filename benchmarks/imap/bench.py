#!/usr/bin/env python3
"""IMAP benchmark: N messages of about 4 KB in a private Dovecot; time until `ingestd poll --until-idle` has stored
them all (MIME analysis and detection included; the issue's measure), read from its `--progress` lines, and until it
has also marked them (keyword `$Captured`) and exited, versus Python imaplib's batched `UID FETCH BODY.PEEK[]` of the
same mailbox (fetch only) in the same run. Prints rates, both ratios, CPU of each client and of Dovecot serving it,
and peak RSS.

Usage: benchmarks/imap/bench.py [--messages 10000] [--ingestd .build/release/ingestd] [--settled] [--same-mailbox]
       [--fresh-store] [--one-connection] [--rtt-ms MS]

Each client reads its own identical copy of the mailbox (two Dovecot users), and both open it read-only (EXAMINE)
to fetch: Python because it only fetches, ingestd because its first pass on a connection reads with EXAMINE and
selects read-write only for its marks, once everything is stored. Dovecot moves Maildir/new to cur (one rename a
message) at the first read-write SELECT: in ingestd's run that comes with the marks; `--settled` makes that move on
both copies before the timings, as a mail client would have. (Session 7 had both clients SELECT read-write, so each
timing carried the move; until then the two shared one mailbox.)
"""
import argparse
import imaplib
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from delay_proxy import DelayProxy  # noqa: E402
from dovecot_harness import Dovecot, message, process_tree_cpu  # noqa: E402


def python_fetch(server, batch, port, same_mailbox):
    start, cpu_start = time.perf_counter(), time.process_time()
    imap = imaplib.IMAP4("127.0.0.1", port)
    # Read-only (EXAMINE), as ingestd reads before its marks: ingestd's mailbox just before ingestd runs, or by
    # default a copy of its own.
    imap.login(server.user if same_mailbox else server.other_user, server.password)
    imap.select("INBOX", readonly=True)
    _, data = imap.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    fetched = total = 0
    for i in range(0, len(uids), batch):
        chunk = b",".join(uids[i:i + batch]).decode()
        _, items = imap.uid("FETCH", chunk, "(BODY.PEEK[])")
        for item in items:
            if isinstance(item, tuple):
                fetched += 1
                total += len(item[1])
    imap.logout()
    return fetched, total, time.perf_counter() - start, time.process_time() - cpu_start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--ingestd", default=".build/release/ingestd")
    parser.add_argument("--one-connection", action="store_true",
                        help="separate_mark_session: false (marks on the fetching connection)")
    parser.add_argument("--settled", action="store_true",
                        help="open both copies read-write once before the timings (Dovecot then moves Maildir/new to"
                             " cur, a one-off each client otherwise pays at its first SELECT)")
    parser.add_argument("--same-mailbox", action="store_true",
                        help="Python reads ingestd's mailbox just before ingestd, as until session 7: ingestd then"
                             " finds Dovecot's caches warmed by Python's fetch")
    parser.add_argument("--fresh-store", action="store_true",
                        help="let ingestd create the agenda store inside its timing (by default it exists, migrated)")
    parser.add_argument("--rtt-ms", type=float, default=0,
                        help="both clients reach Dovecot through a proxy adding this round-trip time (a remote server)")
    args = parser.parse_args()
    server = Dovecot()
    work = tempfile.mkdtemp(prefix="imap-bench-store-")
    try:
        # Each client reads its own identical copy (ingestd's user, and Python's), so neither sees the other's
        # changes (ingestd's keyword marks, Dovecot's move of Maildir/new to cur) or finds caches the other warmed.
        users = [server.user] if args.same_mailbox else [server.user, server.other_user]
        server.drop((message(n) for n in range(args.messages)), users=users)
        server.start()
        for user in users:
            server.doveadm("force-resync", "-u", user, "INBOX")  # index once, outside both timings
            if args.settled:
                settle = imaplib.IMAP4("127.0.0.1", server.port)
                settle.login(user, server.password)
                settle.select("INBOX")
                settle.logout()
        port = DelayProxy(server.port, args.rtt_ms / 2).port if args.rtt_ms > 0 else server.port
        server_before = process_tree_cpu(server.proc.pid)
        fetched, size, python_seconds, python_cpu = python_fetch(server, args.batch, port, args.same_mailbox)
        time.sleep(0.2)  # the imap process exits after LOGOUT and is reaped
        server_python = process_tree_cpu(server.proc.pid) - server_before
        config = os.path.join(work, "poll.json")
        server.write_poll_config(config, batch_size=args.batch, separate_mark_session=not args.one_connection,
                                 port=port)
        store = os.path.join(work, "agenda.sqlite")
        if not args.fresh_store:
            # An installation polls into its existing store: create and migrate it before the timing (about 45 ms
            # of schema creation otherwise counted; `--fresh-store` counts it).
            empty = os.path.join(work, "empty")
            os.makedirs(empty)
            subprocess.run([args.ingestd, "ingest", "--no-classify", "--store", store, empty], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.perf_counter()
        child = subprocess.Popen([args.ingestd, "poll", "--config", config, "--store", store, "--until-idle",
                                  "--progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        progress = {"stored_at": None, "errors": []}

        def follow():  # `KEY stored=N` after each stored batch; anything else is kept for the error message
            for line in child.stderr:
                text = line.decode(errors="replace").strip()
                if " stored=" in text:
                    if int(text.rsplit("=", 1)[1]) >= args.messages and progress["stored_at"] is None:
                        progress["stored_at"] = time.perf_counter()
                else:
                    progress["errors"].append(text)
        reader = threading.Thread(target=follow)
        reader.start()
        _, status, usage = os.wait4(child.pid, 0)
        exit_seconds = time.perf_counter() - start
        reader.join()
        swift_seconds = (progress["stored_at"] or time.perf_counter()) - start
        time.sleep(0.2)
        server_swift = process_tree_cpu(server.proc.pid) - server_before - server_python
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"ingestd poll failed ({status}): {' '.join(progress['errors'])}")
        peak_kb = usage.ru_maxrss
        swift_cpu = usage.ru_utime + usage.ru_stime
        marked = server.count("KEYWORD", "$Captured")
        import sqlite3
        with sqlite3.connect(store) as db:
            stored = db.execute("SELECT count(*) FROM inboundMessage").fetchone()[0]
        python_rate, swift_rate = fetched / python_seconds, stored / swift_seconds
        state = "settled: opened read-write once before" if args.settled else "cold: messages in Maildir/new"
        state += ", new store created in the timing" if args.fresh_store else ", store created before"
        state += ", one mailbox (Python first)" if args.same_mailbox else ", a copy for each client"
        state += ", one connection" if args.one_connection else ", marks on a second connection"
        if args.rtt_ms > 0:
            state += f", {args.rtt_ms:g} ms round trip through a delaying proxy"
        print(f"messages            {args.messages} ({size / fetched / 1024:.1f} KB average, batch {args.batch}; {state})")
        print(f"python imaplib      fetched {fetched} in {python_seconds:.2f} s = {python_rate:,.0f} msg/s (fetch only),"
              f" CPU {python_cpu:.2f} s")
        print(f"ingestd poll        stored {stored} in {swift_seconds:.2f} s = {swift_rate:,.0f} msg/s"
              f" (fetch + MIME analysis + detection + store), CPU {swift_cpu:.2f} s")
        print(f"                    marked {marked} and exited in {exit_seconds:.2f} s"
              f" = {stored / exit_seconds:,.0f} msg/s")
        print(f"ratio               {swift_rate / python_rate:.0%} of the Python fetch rate, all stored (target >= 60%);"
              f" {stored / exit_seconds / python_rate:.0%} to the end of the run (marked, logged out)")
        print(f"ratio by CPU time   {python_cpu / swift_cpu:.0%} (client CPU per message, Python over ingestd;"
              " steadier on a shared machine)")
        print(f"CPU per message     ingestd {swift_cpu / max(stored, 1) * 1e6:.0f} µs, python {python_cpu / max(fetched, 1) * 1e6:.0f} µs")
        print(f"Dovecot CPU         {server_python:.2f} s serving Python, {server_swift:.2f} s serving ingestd"
              " (all Dovecot processes, the two share the machine's cores with their client)")
        print(f"peak RSS ingestd    {peak_kb / 1024:.0f} MB")
        print(f"load average        {' '.join(f'{x:.1f}' for x in os.getloadavg())} (other processes share the cores)")
        if stored != args.messages or marked != args.messages:
            sys.exit("not every message was stored and marked")
    finally:
        server.remove()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
