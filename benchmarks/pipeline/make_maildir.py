#!/usr/bin/env python3
"""Writes the pipeline benchmark's input: a Maildir of N reply messages of about 4 KB built from samples/ (French
promise-and-dispute reply, German paid reply with a PDF, English out-of-office, Postfix bounce), each with its own
Message-ID, date, sender and invoice numbers, and seed.sql: the customers, contacts, items and capture tokens they
refer to, so that every correlation rule and the classifier's open-item context are exercised.

Usage: make_maildir.py OUT_DIR [N] [CUSTOMERS]
"""
import base64
import os
import random
import sys
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SAMPLES = os.path.join(ROOT, "samples")

QUOTED_FR = [
    "> Nous vous rappelons que le r=C3=A8glement de ces factures devait intervenir =",
    "> =C3=A0 leur =C3=A9ch=C3=A9ance. Sans r=C3=A8glement de votre part sous huit =",
    "> jours, nous serons contraints de suspendre les livraisons en cours.",
    "> Si vous avez d=C3=A9j=C3=A0 proc=C3=A9d=C3=A9 au paiement, merci de ne pas =",
    "> tenir compte de ce message et de nous transmettre la preuve du virement.",
    "> Pour toute question, notre service relances reste =C3=A0 votre disposition =",
    "> du lundi au vendredi de 9h =C3=A0 17h au 01 23 45 67 89.",
    ">",
]


def read(name):
    with open(os.path.join(SAMPLES, name), "rb") as f:
        return f.read().decode("latin-1").replace("\r\n", "\n")


def strip_headers(text, names):
    head, sep, body = text.partition("\n\n")
    lines = head.split("\n")
    keep, skipping = [], False
    for line in lines:
        if line[:1] in (" ", "\t"):
            if not skipping:
                keep.append(line)
            continue
        skipping = line.split(":", 1)[0].lower() in names
        if not skipping:
            keep.append(line)
    return "\n".join(keep), body


def fr_reply(k, rng):
    text = read("reply-fr-promise-and-dispute.eml").replace("F-118", f"F{k}-118").replace("F-121", f"F{k}-121")
    # A longer quoted dunning letter in the plain part, as real replies carry (brings the message to ~4 KB).
    marker = f"> F{k}-121 (380,40 EUR, =C3=A9chue le 05/11/2026)\n"
    extra = "".join(line + "\n" for _ in range(3) for line in QUOTED_FR)
    return text.replace(marker, marker + extra, 1)


def de_reply(k, rng):
    text = read("reply-de-outlook-paid.eml").replace("RE-2026-0412", f"RE-{k:04d}-0412")
    pdf = base64.b64encode(b"%PDF-1.4\n" + rng.randbytes(1700)).decode()
    old = "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK"
    return text.replace(old, "\n".join(pdf[i:i + 76] for i in range(0, len(pdf), 76)))


def auto_reply(k, rng):
    text = read("auto-reply-en-out-of-office.eml").replace("INV-10233", f"INV-{k}233").replace("INV-10240", f"INV-{k}240")
    disclaimer = ("This e-mail and any attachments are confidential and intended solely for the addressee. If you "
                  "have received it in error, please notify the sender and delete it. ") * 20
    return text + "\n--\n" + "\n".join(disclaimer[i:i + 72] for i in range(0, len(disclaimer), 72)) + "\n"


def bounce(k, rng):
    return read("bounce-postfix-user-unknown.eml")


KINDS = [(fr_reply, 45), (de_reply, 40), (auto_reply, 10), (bounce, 5)]


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    customers = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    rng = random.Random(20261124)
    maildir = os.path.join(out, "maildir")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    start = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
    builders = [b for b, weight in KINDS for _ in range(weight)]
    sizes = 0
    for i in range(count):
        k = i % customers
        builder = builders[rng.randrange(len(builders))]
        head, body = strip_headers(builder(k, rng), {"message-id", "date", "in-reply-to", "references", "delivered-to",
                                                    "return-path"} | ({"from", "to"} if builder is not bounce else set()))
        rule = i % 4
        sender = {0: f"j@c{k}.example", 1: f"j@c{k}.example", 2: f"x{i}@c{k}.example", 3: f"x{i}@mail.c{k}.example"}[rule]
        recipient = f"relances+tk{k}@acme.example" if rule == 0 else "relances@acme.example"
        date = start + timedelta(seconds=37 * i)
        fields = [f"Message-ID: <bench-{i}-{rng.getrandbits(32):08x}@c{k}.example>",
                  f"Date: {format_datetime(date)}"]
        if builder is not bounce:
            fields = [f"From: Client {k} <{sender}>", f"To: Relances Acme <{recipient}>"] + fields
        message = ("\n".join(fields) + "\n" + head + "\n\n" + body).replace("\r\n", "\n").replace("\n", "\r\n")
        data = message.encode("latin-1")
        sizes += len(data)
        name = f"{1_795_000_000 + i}.M{i}P1.bench"
        with open(os.path.join(maildir, "new", name), "wb") as f:
            f.write(data)
        stamp = date.timestamp()
        os.utime(os.path.join(maildir, "new", name), (stamp, stamp))

    now = "2026-11-20T08:00:00Z"
    with open(os.path.join(out, "seed.sql"), "w") as f:
        f.write("BEGIN;\n")
        for k in range(customers):
            cid = 1000 + k
            f.write(f"INSERT INTO customer (id, externalKey, name, language, createdAt, updatedAt) "
                    f"VALUES ({cid}, 'C{k}', 'Client {k}', 'fr', '{now}', '{now}');\n")
            f.write(f"INSERT INTO contact (customerId, externalKey, name, email, isCollectionContact) "
                    f"VALUES ({cid}, 'K{k}', 'J', 'j@c{k}.example', 1);\n")
            for number, amount in ((f"F{k}-118", 125000), (f"F{k}-121", 38040), (f"RE-{k:04d}-0412", 248000),
                                   (f"INV-{k}233", 90000)):
                f.write(f"INSERT INTO item (customerId, kind, number, issueDate, dueDate, amountMinor, openAmountMinor, "
                        f"currency) VALUES ({cid}, 'invoice', '{number}', '2026-10-01', '2026-10-31', {amount}, "
                        f"{amount}, 'EUR');\n")
            f.write(f"INSERT INTO captureToken (token, customerId, createdAt) VALUES ('tk{k}', {cid}, '{now}');\n")
            f.write(f"INSERT INTO action (customerId, origin, channel, mode, status, plannedDate, doneDate, createdAt) "
                    f"VALUES ({cid}, 'manual', 'email', 'automatic', 'done', '2026-11-16', '2026-11-16', '{now}');\n")
        f.write("COMMIT;\n")
    print(f"{count} messages, {sizes / count:.0f} bytes on average, {customers} customers -> {out}")


if __name__ == "__main__":
    main()
