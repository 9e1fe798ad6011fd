"""A private Dovecot 2.3 on loopback for the IMAP benchmark and soak (../shared/notes/TEST-SERVERS.md).

Plain IMAP only (the benchmark measures sync, not TLS). Everything lives in a temp dir; stop() kills by PID.
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    def __init__(self, user="alice", password="secret", other_user="bob"):
        """`user` is the one ingestd polls; `other_user` (same password) has a mailbox of its own, for a second
        client that must not see the first one's changes."""
        self.user, self.other_user, self.password = user, other_user, password
        self.dir = tempfile.mkdtemp(prefix="imap-bench-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.proc = None
        self.maildir = self.maildir_of(user)
        for name in (user, other_user):
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(self.maildir_of(name), sub))
        for sub in ("run", "state"):
            os.makedirs(os.path.join(self.dir, sub))
        with open(os.path.join(self.dir, "users"), "w") as f:
            for name in (user, other_user):
                f.write(f"{name}:{{PLAIN}}{password}::::::\n")
        with open(self.config, "w") as f:
            f.write(f"""base_dir = {self.dir}/run
state_dir = {self.dir}/state
log_path = {self.dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
mail_fsync = never
imap_idle_notify_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {self.dir}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%n {self.dir}/users
  default_fields = uid=nobody gid=nogroup home={self.dir}/home/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
""")
        self.chown()

    def maildir_of(self, user):
        return os.path.join(self.dir, "home", user, "Maildir")

    @property
    def config(self):
        return os.path.join(self.dir, "dovecot.conf")

    def chown(self):
        subprocess.run(["chown", "-R", "nobody:nogroup", os.path.join(self.dir, "home")], check=True)

    def start(self):
        self.proc = subprocess.Popen(["/usr/sbin/dovecot", "-F", "-c", self.config],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=2) as s:
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("dovecot did not start")

    def stop(self):
        if self.proc is None:
            return
        pids = descendants(self.proc.pid)
        for pid in pids + [self.proc.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.wait()
        self.proc = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def drop(self, messages, users=None):
        """Writes messages straight into Maildir/new of `users` (default: the polled user); Dovecot indexes them at
        the next SELECT."""
        host = "bench"
        maildirs = [self.maildir_of(user) for user in (users or [self.user])]
        for i, raw in enumerate(messages):
            name = f"{int(time.time())}.M{i}P{os.getpid()}.{host}"
            for maildir in maildirs:
                with open(os.path.join(maildir, "new", name), "wb") as f:
                    f.write(raw)
        self.chown()

    def doveadm(self, *args):
        return subprocess.run(["doveadm", "-c", self.config, *args], check=True, capture_output=True, text=True).stdout

    def count(self, *query):
        out = self.doveadm("search", "-u", self.user, "mailbox", "INBOX", *query)
        return len([line for line in out.splitlines() if line.strip()])

    def write_poll_config(self, path, mark="keyword", batch_size=200, separate_mark_session=True, port=None):
        import json
        pw = os.path.join(self.dir, "password")
        with open(pw, "w") as f:
            f.write(self.password + "\n")
        mailbox = {"name": "INBOX", "mark": mark, "batch_size": batch_size,
                   "separate_mark_session": separate_mark_session}
        if mark == "move":
            mailbox["target"] = "Captured"
        with open(path, "w") as f:
            json.dump({"accounts": [{"name": "bench", "host": "127.0.0.1", "port": port or self.port, "security": "plain",
                                     "user": self.user, "password_file": pw, "mailboxes": [mailbox]}]}, f)


def stat_fields(pid):
    """The fields of /proc/PID/stat after the command name (field 3 of the man page first), or None if gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    return stat[stat.rindex(")") + 2:].split()


def descendants(pid):
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (fields := stat_fields(entry)) is not None:
            parents[int(entry)] = int(fields[1])
    result, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        children = [c for c, p in parents.items() if p == current]
        result += children
        frontier += children
    return result


def process_tree_cpu(pid):
    """CPU seconds used so far by `pid`, its live descendants and the children it has reaped (Dovecot's master
    reaps each `imap` process when its client logs out)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for index, process in enumerate([pid] + descendants(pid)):
        fields = stat_fields(process)
        if fields is None:
            continue
        # utime, stime (fields 14 and 15 of stat); cutime, cstime (16, 17) only for the root, whose reaped
        # children are not in the live tree any more (a live process's own reaped children would count twice).
        total += int(fields[11]) + int(fields[12])
        if index == 0:
            total += int(fields[13]) + int(fields[14])
    return total / ticks


def message(n, size=4096):
    """A distinct reply of about `size` bytes."""
    head = (f"From: Customer {n} <c{n}@example.test>\r\nTo: replies@example.test\r\n"
            f"Subject: Re: invoice INV-{n}\r\nMessage-ID: <bench{n}@example.test>\r\n"
            f"Date: Sun, 29 Nov 2026 06:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Hello, I paid invoice INV-{n} yesterday by bank transfer.\r\n\r\nKind regards\r\nCustomer {n}\r\n\r\n")
    quote = "> Dear customer, our records show that invoice INV-%d is overdue. Please pay the open amount.\r\n" % n
    body = head
    while len(body) < size:
        body += quote
    return body.encode()
