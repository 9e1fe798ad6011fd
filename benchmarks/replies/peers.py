"""Reply-extraction peers, in-process on one core, on exactly the inputs reply-bench uses.

Inputs are every replies/**/*.txt|html|eml of the shared fixtures, sorted by path (as reply-bench sorts them), given
to the peers as fixtures/PEERS.md describes: text files as they are; eml files as their first text/plain part,
transfer-decoded; html files as HTML to talon, and as talon's html_to_text output to the others. Inputs are prepared
once before timing. Each peer runs one warm-up round, then whole rounds until at least --min-messages messages or
--min-cpu-seconds of this thread's CPU time, whichever comes first (the slow peers would need minutes for 10,000).
An exception counts as an empty answer and is counted. Prints one JSON line per peer.

Usage: peers.py [--peer NAME]... [--min-messages N] [--min-cpu-seconds S] [--fixtures DIR] [--check]
"""
import argparse
import email
import email.policy
import json
import os
import sys
import time
import warnings

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # numpy/scipy under talon: one thread


def pin_to_one_core():
    """Keeps the process on one core even when started without taskset."""
    allowed = os.sched_getaffinity(0)
    if len(allowed) > 1:
        os.sched_setaffinity(0, {min(allowed)})


def load_inputs(fixtures):
    """(format, text) per input file, sorted by path; eml reduced to its first text/plain part."""
    root = os.path.join(fixtures, "replies")
    paths = []
    for folder, _, names in os.walk(root):
        paths += [os.path.join(folder, n) for n in names if n.rsplit(".", 1)[-1] in ("txt", "html", "eml")]
    inputs = []
    for path in sorted(paths):
        with open(path, "rb") as handle:
            data = handle.read()
        if path.endswith(".eml"):
            inputs.append(("text", first_plain_part(data)))
        elif path.endswith(".html"):
            inputs.append(("html", data.decode("utf-8", "replace")))
        else:
            inputs.append(("text", data.decode("utf-8", "replace")))
    return inputs


def first_plain_part(data):
    """The first text/plain leaf, transfer-decoded and charset-decoded (as talon's own tests do); '' if none."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/plain" and not part.is_multipart():
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset() or "utf-8"
            try:
                return payload.decode(charset, "replace")
            except LookupError:
                return payload.decode("utf-8", "replace")
    return ""


def import_talon():
    """talon 1.4.4 imports sklearn.externals.joblib, removed in scikit-learn 0.23: alias joblib there first."""
    import joblib
    import sklearn.externals
    sys.modules.setdefault("sklearn.externals.joblib", joblib)
    sklearn.externals.joblib = joblib
    from talon import quotations
    from talon.signature import bruteforce
    from talon.utils import html_to_text
    # talon.init() would also load the ML signature classifier, whose pickle needs sklearn.svm.classes (gone from
    # scikit-learn): register the XPath functions extract_from_html needs, as init() does, and skip the ML model.
    quotations.register_xpath_extensions()
    return quotations, bruteforce, html_to_text


def make_peers(names):
    """name -> (takes_html, function(format, text) -> reply text), and talon's html_to_text (None without talon).

    A peer whose package does not import is left out with a note on stderr; the others still run.
    """
    peers = {}
    html_to_text = None
    try:
        quotations, bruteforce, html_to_text = import_talon()

        def talon_reply(fmt, text):
            return quotations.extract_from_html(text) if fmt == "html" else quotations.extract_from_plain(text)

        peers["talon"] = (True, talon_reply)
        peers["talon+signature"] = (True, lambda fmt, text: bruteforce.extract_signature(talon_reply(fmt, text))[0])
    except ImportError as error:
        print(f"peers.py: talon left out: {error!r}", file=sys.stderr)
    try:
        from email_reply_parser import EmailReplyParser as ZapierParser
        peers["email-reply-parser"] = (False, lambda fmt, text: ZapierParser.parse_reply(text))
    except ImportError as error:
        print(f"peers.py: email-reply-parser left out: {error!r}", file=sys.stderr)
    try:
        from mailparser_reply import EmailReplyParser
        from mailparser_reply.constants import MAIL_LANGUAGES
        languages = [code for code in MAIL_LANGUAGES if len(code) == 2]  # the 13 languages, not the 'david' example
        every = EmailReplyParser(languages=languages)
        english = EmailReplyParser(languages=["en"])
        peers["mail-parser-reply-all"] = (False, lambda fmt, text: every.parse_reply(text))
        peers["mail-parser-reply-en"] = (False, lambda fmt, text: english.parse_reply(text))
    except ImportError as error:
        print(f"peers.py: mail-parser-reply left out: {error!r}", file=sys.stderr)
    missing = [n for n in names if n not in peers]
    if missing:
        print(f"peers.py: not available: {missing}; available: {list(peers)}", file=sys.stderr)
    return {n: peers[n] for n in (names or peers) if n in peers}, html_to_text


def as_text(html_to_text, html):
    """talon's HTML to text, which the peers without HTML support are given (the HTML itself without talon)."""
    if html_to_text is None:
        return html
    text = html_to_text(html)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return text or ""


def run_round(function, inputs):
    """(sum of reply lengths, exceptions, empty answers) over one round."""
    total = errors = empty = 0
    for fmt, text in inputs:
        try:
            reply = function(fmt, text) or ""
        except Exception:  # noqa: BLE001 - a peer's failure counts as an empty answer
            errors += 1
            reply = ""
        empty += not reply.strip()
        total += len(reply)
    return total, errors, empty


def measure(name, function, inputs, min_messages, min_cpu_seconds):
    checksum, warm_errors, warm_empty = run_round(function, inputs)
    rounds = errors = 0
    wall_start, cpu_start = time.perf_counter(), time.thread_time()
    while True:
        total, failed, _ = run_round(function, inputs)
        checksum += total
        errors += failed
        rounds += 1
        if rounds * len(inputs) >= min_messages or time.thread_time() - cpu_start >= min_cpu_seconds:
            break
    seconds, cpu_seconds = time.perf_counter() - wall_start, time.thread_time() - cpu_start
    messages = rounds * len(inputs)
    return {"impl": name, "stage": "extract", "set": "replies", "files": len(inputs), "rounds": rounds,
            "messages": messages, "seconds": seconds, "msgs_per_s": messages / seconds,
            "cpu_seconds": cpu_seconds, "msgs_per_cpu_s": messages / cpu_seconds,
            "exceptions": errors, "exceptions_per_round": warm_errors, "empty_per_round": warm_empty,
            "checksum": checksum}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", action="append", default=[], help="run only this peer (repeatable)")
    parser.add_argument("--min-messages", type=int, default=10000)
    parser.add_argument("--min-cpu-seconds", type=float, default=20.0)
    parser.add_argument("--fixtures", default=os.path.join(os.environ.get("INGESTD_SHARED", "../shared"), "fixtures"))
    parser.add_argument("--check", action="store_true", help="import every peer, run one message each, and exit")
    args = parser.parse_args()
    pin_to_one_core()
    warnings.filterwarnings("ignore")  # html5lib's DataLossWarning on Outlook markup, once per location
    peers, html_to_text = make_peers(args.peer)
    if args.check:
        for name, (_, function) in peers.items():
            function("text", "Paid yesterday.\n\nOn Mon, 2 Nov 2026, Billing <b@example.com> wrote:\n> Please pay\n")
            print(f"{name}: ok")
        return
    inputs = load_inputs(args.fixtures)
    if not inputs:
        sys.exit(f"peers.py: no inputs under {args.fixtures}/replies")
    as_text_inputs = [(("text", as_text(html_to_text, t)) if f == "html" else (f, t)) for f, t in inputs]
    for name, (takes_html, function) in peers.items():
        row = measure(name, function, inputs if takes_html else as_text_inputs, args.min_messages, args.min_cpu_seconds)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
