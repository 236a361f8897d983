"""Finding and opening the files of an import batch — no database here.

`collect()` turns command-line paths (files, folders, globs) into sources, and names every path that
cannot be read with the true reason, so that the rest of the batch still imports. Nothing that is
not a regular file is ever read: a FIFO would block the import until some writer came along, a
device could stream forever. Files are looked at with `stat` first and opened non-blocking, so a
file swapped for a FIFO in between cannot block either. Symlinks are followed, but a link that loops
(to itself, or to a folder above it) is named instead of walked.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

FORMATS = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True)
class Source:
    path: Path
    name: str  # the article's source_file: the file name (relative to a directory given)
    kind: str  # "txt", "jsonl" or "html"


@dataclass(frozen=True)
class Problem:
    """A path that cannot be imported, and why: one line of the command's report."""

    name: str
    reason: str


class NotReadable(Exception):
    """Why an opened path is not read (its reason is the message)."""


def reason(exc: OSError) -> str:
    """The true reason of an OSError, in the words an operator looks for."""
    known = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symlink loop (too many levels of symbolic links)",
        errno.ENOENT: "no such file or directory",
    }
    return known.get(exc.errno, (exc.strerror or str(exc)).lower())


def kind_of(mode: int) -> str:
    """What a non-regular file is, for the message that skips it."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def not_regular(mode: int) -> str:
    return f"not a regular file ({kind_of(mode)}): skipped, never opened"


def _format(path: Path) -> str:
    return FORMATS.get(path.suffix.lower(), "txt")


@dataclass
class _Collection:
    sources: dict[tuple[int, int], Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    walked: set[tuple[int, int]] = field(default_factory=set)
    seen: int = 0  # article files met, each time (also those read once already)

    def add(self, path: Path, name: str, st: os.stat_result) -> None:
        self.seen += 1
        if printable(name) != name:  # the name is the article's key in the database: text only
            self.problem(name, "the file name is not valid UTF-8: rename it")
            return
        # One file reached under two names (a symlink, a glob and its folder) is read once.
        self.sources.setdefault((st.st_dev, st.st_ino), Source(path, name, _format(path)))

    def problem(self, name: str, why: str) -> None:
        self.problems.append(Problem(printable(name), why))


def printable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (held as surrogates by Python) shown as \\xff."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def collect(paths: list[str]) -> tuple[list[Source], list[Problem]]:
    """Sources for the given paths, and every path that cannot be imported with its reason.

    A file given is taken whatever its extension (.jsonl read as a batch, anything else as text); a
    folder contributes its .txt, .jsonl and .html/.htm files, recursively; anything else is a glob pattern.
    """
    found = _Collection()
    for arg in paths:
        _collect_arg(arg, found)
    return list(found.sources.values()), found.problems


def _collect_arg(arg: str, found: _Collection) -> None:
    path = Path(arg)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            found.problem(arg, "cannot read: broken symlink (its target does not exist)")
        elif _GLOB_MAGIC.search(arg):
            _collect_glob(arg, found)
        else:
            found.problem(arg, "no such file or directory")
        return
    except OSError as exc:
        found.problem(arg, f"cannot read: {reason(exc)}")
        return
    if stat.S_ISDIR(st.st_mode):
        if (st.st_dev, st.st_ino) in found.walked:
            return  # named twice, or by a glob and by itself: read once
        before = found.seen, len(found.problems)
        _walk(path, found, arg)
        if (found.seen, len(found.problems)) == before:
            found.problem(arg, "a folder with no .txt, .jsonl or .html files")
    elif stat.S_ISREG(st.st_mode):
        found.add(path, path.name, st)
    else:
        found.problem(arg, not_regular(st.st_mode))


def _collect_glob(pattern: str, found: _Collection) -> None:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        found.problem(pattern, "no file matches this pattern")
    for match in matches:
        _collect_arg(match, found)


def _walk(top: Path, found: _Collection, label: str) -> None:
    """A folder's article files, then its subfolders', by name (a loop, not recursion: a tree deeper
    than Python's recursion limit is still a tree)."""
    stack: list[tuple[Path, str, tuple[tuple[int, int], ...]]] = [(top, label, ())]
    while stack:
        folder, name, ancestors = stack.pop()  # ancestors: the folders above, as (device, inode)
        try:
            st = os.stat(folder)
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.problem(name, f"cannot read folder: {reason(exc)}")
            continue
        here = (st.st_dev, st.st_ino)
        if here in found.walked and ancestors:
            continue  # reached again through a symlink: read once
        found.walked.add(here)
        below = []
        for entry in entries:
            path = Path(entry.path)
            name = path.relative_to(top).as_posix()
            try:
                target = entry.stat()  # follows symlinks: a link to a file or folder counts as one
            except OSError as exc:
                if exc.errno == errno.ENOENT and entry.is_symlink():
                    found.problem(name, "cannot read: broken symlink (its target does not exist)")
                else:
                    found.problem(name, f"cannot read: {reason(exc)}")
                continue
            if stat.S_ISDIR(target.st_mode):
                if (target.st_dev, target.st_ino) in (*ancestors, here):
                    found.problem(name, "symlink loop: it leads back to a folder it is in; not followed")
                else:
                    below.append((path, name, (*ancestors, here)))
            elif stat.S_ISREG(target.st_mode):
                if path.suffix.lower() in FORMATS:
                    found.add(path, name, target)
            else:
                found.problem(name, not_regular(target.st_mode))
        stack.extend(reversed(below))


# --- opening ---------------------------------------------------------------------------------------


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, or NotReadable/OSError; never blocks, never opens a FIFO's writer
    end. Non-blocking open returns at once even on a FIFO; `fstat` of what was opened then decides."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotReadable(not_regular(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes]:
    """The file's lines, none held longer than `limit` + 1 bytes: the rest of a longer line is read
    and dropped, so the parser sees (and reports) an over-long line without it ever being in memory."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line
