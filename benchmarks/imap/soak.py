#!/usr/bin/env python3
"""Crash soak: per round, 2,000 messages in a private Dovecot; `ingestd poll --until-idle` is SIGKILLed at random
points and restarted until it finishes; then every message must be stored exactly once and marked `$Captured`.
Prints one line of counts per round and a summary; exits 1 on any loss, duplicate or unmarked message.

Kill points follow the machine's speed: before the rounds, one uninterrupted run per batch size measures how long a
whole round takes, and each kill comes after 5 to 80% of that time (a fixed window let a fast poller finish first).

Usage: benchmarks/imap/soak.py [--rounds 50] [--messages 2000] [--ingestd .build/debug/ingestd] [--seed N]
"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dovecot_harness import Dovecot, message  # noqa: E402


BATCH_SIZES = [1, 7, 50, 200]


def poll(ingestd, config, store):
    return subprocess.Popen([ingestd, "poll", "--config", config, "--store", store, "--until-idle", "--raw-only"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def calibrate(server, ingestd, count, work):
    """Seconds an uninterrupted run takes for `count` messages, per batch size."""
    seconds = {}
    for batch in BATCH_SIZES:
        server.doveadm("expunge", "-u", server.user, "mailbox", "INBOX", "all")
        server.drop(message(900_000_000 + batch * 10_000 + n, size=1500) for n in range(count))
        config, store = os.path.join(work, "poll.json"), os.path.join(work, "calibration.sqlite")
        server.write_poll_config(config, batch_size=batch)
        start = time.perf_counter()
        child = poll(ingestd, config, store)
        if child.wait(timeout=300) != 0:
            raise RuntimeError(f"calibration run failed: {child.stderr.read().decode().strip()}")
        seconds[batch] = time.perf_counter() - start
        os.remove(store)
    return seconds


def run_round(server, ingestd, round_number, count, rng, work, full_run):
    server.doveadm("expunge", "-u", server.user, "mailbox", "INBOX", "all")
    server.drop(message(round_number * 1_000_000 + n, size=1500) for n in range(count))
    config, store = os.path.join(work, "poll.json"), os.path.join(work, f"round{round_number}.sqlite")
    batch = rng.choice(BATCH_SIZES)
    server.write_poll_config(config, batch_size=batch)
    kills, planned = 0, rng.randint(2, 6)
    while True:
        child = poll(ingestd, config, store)
        if kills < planned:
            try:
                child.wait(timeout=rng.uniform(0.05, 0.8) * full_run[batch])
            except subprocess.TimeoutExpired:
                child.send_signal(signal.SIGKILL)
                child.wait()
                kills += 1
                continue
        else:
            child.wait(timeout=300)
        if child.returncode == 0:
            break
        err = child.stderr.read().decode().strip()
        if kills >= planned:
            raise RuntimeError(f"round {round_number}: ingestd failed without a kill: {err}")
    with sqlite3.connect(store) as db:
        rows, distinct = db.execute("SELECT count(*), count(DISTINCT contentHash) FROM inboundMessage").fetchone()
    marked = server.count("KEYWORD", "$Captured")
    unmarked = server.count("UNKEYWORD", "$Captured")
    os.remove(store)
    return kills, rows, distinct, marked, unmarked


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--ingestd", default=".build/debug/ingestd")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    server = Dovecot()
    work = tempfile.mkdtemp(prefix="imap-soak-")
    failures = total_kills = unkilled = 0
    start = time.time()
    try:
        server.start()
        full_run = calibrate(server, args.ingestd, args.messages, work)
        print(f"seed {args.seed}; an uninterrupted run takes " +
              ", ".join(f"{seconds:.2f} s at batch {batch}" for batch, seconds in full_run.items()))
        for r in range(1, args.rounds + 1):
            kills, rows, distinct, marked, unmarked = run_round(server, args.ingestd, r, args.messages, rng, work,
                                                                full_run)
            ok = rows == distinct == marked == args.messages and unmarked == 0
            failures += not ok
            total_kills += kills
            unkilled += kills == 0
            print(f"round {r:3d}: kills {kills}  stored {rows}  distinct {distinct}  marked {marked}  "
                  f"unmarked {unmarked}  {'ok' if ok else 'FAIL'}", flush=True)
    finally:
        server.remove()
        subprocess.run(["rm", "-rf", work])
    print(f"{args.rounds} rounds, {total_kills} kills, {unkilled} rounds without a kill, {failures} failed, "
          f"{time.time() - start:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
