"""Starts graphwiz-emulator on loopback, reads the base URLs and demo credentials it prints, and
stops it again (Ctrl-C first, then a kill), with a bound on every wait."""

import ctypes
import ipaddress
import os
import re
import signal
import subprocess
import threading
import time
import urllib.parse

BANNER_END = "Press Ctrl-C to stop."


def is_loopback_url(url):
    """True when `url` is http(s) on a loopback address (127.0.0.0/8, ::1 or localhost)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Emulator:
    """One running `graphwiz-emulator`; use as a context manager so it is always stopped."""

    def __init__(self, binary, args, start_timeout=60.0):
        self.binary = binary
        self.args = list(args)
        self.start_timeout = start_timeout
        self.proc = None
        self.lines = []
        self._lock = threading.Lock()
        self._banner_done = threading.Event()
        self.info = {}

    # -- process -------------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        cmd = [self.binary, "--listen", "127.0.0.1:0"] + self.args
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
            start_new_session=True,  # our Ctrl-C never reaches it by accident, and vice versa
            preexec_fn=_die_with_parent,
        )
        threading.Thread(target=self._read, name="emulator-stdout", daemon=True).start()
        if not self._banner_done.wait(self.start_timeout):
            out = self.output()
            self.stop()
            raise RuntimeError(
                "graphwiz-emulator printed no complete banner within %.0f s:\n%s"
                % (self.start_timeout, out)
            )
        if self.proc.poll() is not None:
            raise RuntimeError("graphwiz-emulator exited at once:\n" + self.output())
        self.info = parse_banner(self.output())
        for key in ("base_url", "genesys_url"):
            url = self.info.get(key)
            if url and not is_loopback_url(url):
                self.stop()
                raise RuntimeError("refusing a non-loopback %s: %s" % (key, url))

    def _read(self):
        for line in self.proc.stdout:
            with self._lock:
                self.lines.append(line.rstrip("\n"))
            if line.strip() == BANNER_END:
                self._banner_done.set()
        self._banner_done.set()  # EOF: let start() see the exit instead of waiting

    def output(self):
        with self._lock:
            return "\n".join(self.lines)

    def stop(self, grace=5.0):
        p = self.proc
        if p is None or p.poll() is not None:
            return
        try:
            p.send_signal(signal.SIGINT)  # the emulator stops on Ctrl-C and prints its counts
            p.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=grace)
        except ProcessLookupError:
            pass


def _die_with_parent():
    """In the child: Linux sends it SIGKILL if this test process dies without stopping it."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def parse_banner(text):
    """The URLs and credentials from the emulator's start banner (crates/emulator/src/main.rs)."""

    def one(pattern, default=None):
        m = re.search(pattern, text, re.M)
        return m.group(1).strip() if m else default

    info = {
        "base_url": one(r"^graphwiz emulator listening on (\S+)"),
        "tenant_id": one(r"^\s+tenant id:\s+(\S+)"),
        "tenant_domain": one(r"^\s+tenant domain:\s+(\S+)"),
        "client_id": one(r"^\s+client id:\s+(\S+)"),
        "client_secret": one(r"^\s+client secret:\s+(\S+)"),
        "admin": one(r"^\s+admin:\s+(\S+)"),
        "genesys_url": one(r"^\s+login and API URL:\s+(\S+)"),
        "genesys_client_id": one(r"^\s+OAuth client id:\s+(\S+)"),
        "genesys_client_secret": one(r"^\s+OAuth client secret:\s+(\S+)"),
        "genesys_integration_id": one(r"^\s+Graph integration:\s+(\S+)"),
    }
    info["mailboxes"] = re.findall(r"^\s{4}(\S+@\S+)\s+(\S.*)$", text, re.M)
    missing = [k for k, v in info.items() if v in (None, [])]
    if missing:
        raise RuntimeError("cannot read %s from the emulator's banner:\n%s" % (missing, text))
    return info


def wait_for_file(path, timeout):
    """Waits up to `timeout` seconds for an executable file at `path`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return True
        time.sleep(2)
    return os.path.isfile(path) and os.access(path, os.X_OK)
