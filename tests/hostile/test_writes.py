"""Issue 24 #2 and #4: writing never replaces what is not a regular file, and every write is
checked. Each case runs the real command in a child process, onto nodes the test makes: a
device (mknod, where allowed), a FIFO with a reader, a socket, a file of mode 600, a file
with a second hard link, a symlink; standard output onto /dev/full, a full tmpfs (in a
private mount namespace) and a pipe closed by its reader."""

from __future__ import annotations

import os
import select
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from tests.hostile.test_batch_faults import _can_unshare, ipplan_cmd

SAMPLE = SAMPLES / "linyi-2023.txt"
PLAN = SAMPLES / "linyi-2023.yaml"

#: Every command with -o FILE, as (name, arguments before -o).
COMMANDS: list[tuple[str, Callable[[], list[str]]]] = [
    ("parse", lambda: ["parse", str(SAMPLE)]),
    ("review", lambda: ["review", str(SAMPLE)]),
    ("report", lambda: ["report", str(PLAN)]),
    ("schema", lambda: ["schema"]),
    ("compare", lambda: ["compare", str(PLAN), "-f", "csv"]),
    ("export", lambda: ["export", str(PLAN), "-f", "csv"]),
    ("export-sqlite", lambda: ["export", str(PLAN), "-f", "sqlite"]),
    ("indicators", lambda: ["indicators", str(PLAN), "--unknown", "-f", "csv"]),
]
IDS = [name for name, _ in COMMANDS]


def run(*args: str, **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.run(ipplan_cmd(*args), capture_output=True, timeout=120, **kwargs)


def one_line_error(proc: subprocess.CompletedProcess[bytes], *words: str) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1, err
    assert err.startswith("ipplan: error: ") and err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err


# --- -o onto nodes that are not regular files --------------------------------------------

def _device(path: Path, minor: int) -> Path:
    """A character device node like /dev/null (minor 3) or /dev/full (7), made in the test's
    folder (so that a failure replaces nothing of the system's); skips where mknod is not allowed."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device numbers")
@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=IDS)
def test_o_onto_a_device_writes_into_it(tmp_path: Path, name: str, args: Callable[[], list[str]]) -> None:
    """As root, `ipplan parse x.txt -o /dev/null` put a regular file where the system's
    /dev/null was (the atomic rename)."""
    null = _device(tmp_path / "null", 3)
    proc = run(*args(), "-o", str(null))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(null.stat().st_mode) and null.stat().st_rdev == os.makedev(1, 3)
    full = _device(tmp_path / "full", 7)
    one_line_error(run(*args(), "-o", str(full)), str(full), "No space left on device")
    assert stat.S_ISCHR(full.stat().st_mode)


class FifoReader:
    """Reads a FIFO in a thread from before the writer opens it until after it closes it."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # (open at once, no writer needed)
        self.data = bytearray()
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            chunk = os.read(self.fd, 65536) if ready else b""
            self.data += chunk
            if not chunk and self.done.is_set():
                return

    def finish(self) -> bytes:
        self.done.set()
        self.thread.join(10)
        os.close(self.fd)
        return bytes(self.data)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=IDS)
def test_o_onto_a_fifo_writes_into_it(tmp_path: Path, name: str, args: Callable[[], list[str]]) -> None:
    fifo = tmp_path / "pipe"
    reader = FifoReader(fifo)
    proc = run(*args(), "-o", str(fifo))
    data = reader.finish()
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO was replaced"
    plain = tmp_path / "plain.out"
    expected = run(*args(), "-o", str(plain))
    assert expected.returncode == 0, expected.stderr
    assert data == plain.read_bytes()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=IDS)
def test_o_onto_a_socket_is_refused(tmp_path: Path, name: str, args: Callable[[], list[str]]) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        one_line_error(run(*args(), "-o", str(path)), str(path), "socket")
        assert stat.S_ISSOCK(path.lstat().st_mode)
    finally:
        server.close()


@pytest.mark.parametrize(("name", "args"), COMMANDS, ids=IDS)
def test_o_keeps_a_files_mode_and_its_hard_links(tmp_path: Path, name: str, args: Callable[[], list[str]]) -> None:
    """A file of mode 600 became 644, and a hard link to it was cut."""
    private = tmp_path / "private.out"
    private.write_bytes(b"old")
    private.chmod(0o600)
    proc = run(*args(), "-o", str(private))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_bytes() != b"old"
    linked = tmp_path / "linked.out"
    linked.write_bytes(b"old")
    os.link(linked, tmp_path / "other-name.out")
    one_line_error(run(*args(), "-o", str(linked)), str(linked), "hard link")
    assert linked.read_bytes() == b"old" and linked.stat().st_nlink == 2  # refused: neither cut nor half-written
    assert os.path.samefile(linked, tmp_path / "other-name.out")
    assert not list(tmp_path.glob(".*.tmp"))


def test_o_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.yaml"
    target.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(target.name)
    assert run("parse", str(SAMPLE), "-o", str(link)).returncode == 0
    assert link.is_symlink() and target.read_bytes().startswith(b'schema_version: "1"')


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_o_dev_stdout_writes_to_standard_output(tmp_path: Path) -> None:
    proc = run("schema", "-o", "/dev/stdout")
    assert proc.returncode == 0 and proc.stdout == run("schema").stdout


def test_batch_refuses_an_output_path_that_is_a_fifo(tmp_path: Path) -> None:
    """A FIFO (nobody reading it) where a plan goes: refused, not a worker blocked on it."""
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "a.txt").write_bytes(SAMPLE.read_bytes())
    (in_dir / "b.txt").write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "a.yaml")
    proc = run("batch", str(in_dir), "-o", str(out), "-j", "1", "--overwrite", "--timeout", "20")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr
    assert b"a.txt" in proc.stderr and b"FIFO" in proc.stderr
    assert stat.S_ISFIFO((out / "a.yaml").lstat().st_mode) and (out / "b.yaml").is_file()


# --- standard output: full, closed --------------------------------------------------------

STDOUT_COMMANDS = [["parse", str(SAMPLE)], ["text", str(SAMPLE)], ["show", str(PLAN)], ["schema"],
                   ["report", str(PLAN), "-o", "-"], ["review", str(SAMPLE), "-o", "-"], ["notices"],
                   ["validate", str(PLAN), "-f", "json"], ["export", str(PLAN), "-o", "-"], ["compare", str(PLAN)]]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", STDOUT_COMMANDS, ids=lambda a: a[0])
def test_stdout_onto_dev_full_is_one_line(args: list[str]) -> None:
    """Onto /dev/full: a traceback (or, for small outputs, exit 0 with nothing written)."""
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(ipplan_cmd(*args), stdout=full, stderr=subprocess.PIPE, timeout=120)
    one_line_error(proc, "<stdout>", "No space left on device")


@pytest.mark.skipif(not (sys.platform.startswith("linux") and _can_unshare()),
                    reason="needs `unshare -rm` (a private mount namespace)")
@pytest.mark.parametrize("args", STDOUT_COMMANDS[:4], ids=lambda a: a[0])
def test_stdout_onto_a_full_disk_is_not_silently_cut(tmp_path: Path, args: list[str]) -> None:
    """An 8 KB tmpfs: the system takes a short write, then ENOSPC. Python's buffered stdout
    dropped the rest silently: exit 0 with 4,096 of 25,236 bytes written."""
    disk = tmp_path / "disk"
    disk.mkdir()
    script = 'set -e\nmount -t tmpfs -o size=8k tmpfs "$1"\nshift\nset +e\n"$@" > "$DISK/out"\ncode=$?\n' \
             'echo "size $(wc -c < "$DISK/out")" >&2\nexit $code'
    proc = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk), *ipplan_cmd(*args)],
                          capture_output=True, timeout=120, env={**os.environ, "DISK": str(disk)})
    err = proc.stderr.decode("utf-8", "replace")
    message, _, size = err.rpartition("size ")
    assert proc.returncode == 1, err
    assert message.startswith("ipplan: error: <stdout>: cannot write: No space left on device\n"), err
    assert message.count("\n") == 1 and int(size) <= 8192


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`ipplan text big | head -1`: EPIPE ends the run without a word (as Unix tools do),
    with a non-zero exit code, however much was still to write."""
    big = tmp_path / "big.txt"
    lines = "".join(f"（{i}）第{i}项：加强知识产权保护工作，提升公共服务水平。\n" for i in range(20_000))
    big.write_text("一、重点任务\n" + lines, "utf-8")  # ~1.3 MB of distinct lines: more than a pipe holds
    for args in (["text", str(big)], ["parse", str(big)], ["show", str(big)]):
        proc = subprocess.Popen(ipplan_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(100)
        proc.stdout.close()  # the reader goes away, as head does
        err = proc.stderr.read()
        assert proc.wait(60) == 141 and err == b"", (args, proc.returncode, err)
