#!/usr/bin/env python3
"""Python stdlib `email` on the same work as benchmarks/MIMEBench: parse, decode every leaf (transfer encoding and
charset), choose the body. Usage: mime_python.py compat32|default MIN_MESSAGES FILE... -> one JSON line."""
import email, email.policy, json, sys, time
from email.parser import BytesParser


def body_compat32(msg):
    # compat32 has no get_body(): the first text/plain leaf, else the first text/html, as a typical client does.
    plain = html = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != 'text':
            continue
        payload = part.get_payload(decode=True) or b''
        text = payload.decode(part.get_content_charset() or 'us-ascii', errors='replace')
        if part.get_content_subtype() == 'plain' and plain is None:
            plain = text
        elif part.get_content_subtype() == 'html' and html is None:
            html = text
    return plain if plain is not None else (html or '')


def body_default(msg):
    for part in msg.walk():  # decode every leaf, as the Swift side does
        if not part.is_multipart():
            try:
                part.get_content()
            except Exception:
                pass
    body = msg.get_body(preferencelist=('plain', 'html'))
    if body is None:
        return ''
    try:
        return body.get_content()
    except Exception:
        return ''


def main():
    policy_name, minimum, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    policy = email.policy.compat32 if policy_name == 'compat32' else email.policy.default
    choose = body_compat32 if policy_name == 'compat32' else body_default
    inputs = [open(f, 'rb').read() for f in files]
    parser = BytesParser(policy=policy)
    checksum = 0
    rounds = max(1, -(-minimum // len(inputs)))
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(rounds):
        for data in inputs:
            try:
                checksum += len(choose(parser.parsebytes(data)))
            except Exception:
                pass
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    messages = rounds * len(inputs)
    print(json.dumps({"impl": "python-" + policy_name, "files": len(inputs), "messages": messages,
                      "bytes": sum(map(len, inputs)) * rounds, "seconds": seconds, "cpu_seconds": cpu_seconds,
                      "msgs_per_s": messages / seconds, "checksum": checksum}))


if __name__ == '__main__':
    main()
