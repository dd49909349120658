"""Files in and out: which files a run reads, how their bytes become text, how a fix is written.

Reading keeps what a write must restore (BOM, permission bits); writing is atomic (a temporary
file beside the target, then ``os.replace``). Output to stdout is written in slices, so that a
reader closing the pipe is noticed (see ``write_stdout``).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

BOM = b"\xef\xbb\xbf"


class InputError(Exception):
    """A path, file or option the tool cannot use: one line on stderr, exit 2.

    ``path``, ``line`` and ``column`` locate it when it belongs to one file (the machine formats
    list it as that file's error)."""

    def __init__(self, message: str, path: str | None = None, line: int = 1, column: int = 1):
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column


class Source(NamedTuple):
    """A file's text and the byte-level properties a write must keep."""

    path: Path
    shown: str
    text: str
    bom: bool = False
    mode: int | None = None


def shown_path(path: Path) -> str:
    """``path`` relative to the current directory when it is below it, else as given."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# the names a directory walk takes (pre-commit's ``types: [markdown]`` passes both)
MARKDOWN_SUFFIXES = (".md", ".markdown")
# directories a walk never enters, in a git repository or not
_SKIPPED = "node_modules"


def collect(paths: Sequence[str]) -> tuple[list[Path], list[InputError]]:
    """The Markdown files named by ``paths``, and an error for each path that names none: files
    as given; directories walked for ``*.md`` and ``*.markdown``, leaving out what
    ``.gitignore`` ignores in a git repository, hidden directories and ``node_modules``."""
    files: list[Path] = []
    errors: list[InputError] = []
    for name in paths or ["README.md"]:
        path = Path(name)
        if path.is_dir():
            found = sorted(walk(path))
            if not found:
                message = f"{name}: directory holds no Markdown (*.md, *.markdown) file"
                errors.append(InputError(message, name))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(InputError(f"{name}: no such file or directory", name))
    return files, errors


def _is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _skipped(part: str) -> bool:
    return part.startswith(".") or part == _SKIPPED


def walk(directory: Path) -> Iterator[Path]:
    """The Markdown files below ``directory`` (git's view of them in a git repository)."""
    listed = _git_files(directory)
    if listed is not None:
        for relative in listed:
            parts = relative.split("/")
            if _is_markdown(parts[-1]) and not any(_skipped(part) for part in parts[:-1]):
                path = directory / relative
                if path.is_file():  # a tracked file deleted from the work tree is listed too
                    yield path
        return
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not _skipped(d)]
        yield from (Path(root, name) for name in names if _is_markdown(name))


def _in_git_repository(directory: Path) -> bool:
    start = Path(os.path.abspath(directory))
    return any((candidate / ".git").exists() for candidate in (start, *start.parents))


def _git_files(directory: Path) -> list[str] | None:
    """The files git shows below ``directory`` (tracked, and untracked unless ignored), as
    paths relative to it; None outside a git repository or without a working git."""
    if not _in_git_repository(directory):
        return None
    import subprocess  # only a directory in a git repository pays for it

    command = ["git", "-C", str(directory), "ls-files", "-z", "--cached", "--others"]
    try:
        done = subprocess.run(
            [*command, "--exclude-standard", "--", "."], capture_output=True, check=False
        )
    except OSError:  # no git: walk the directory
        return None
    if done.returncode != 0:
        return None
    names = os.fsdecode(done.stdout).split("\0")
    return sorted({name for name in names if name})


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of byte ``offset`` of valid UTF-8 ``data``
    before it, lines ending at LF, CR LF or CR as Markdown's do."""
    before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8")) + 1


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """UTF-8 text and whether it had a BOM; InputError for binary or non-UTF-8 bytes, located
    at the first byte that is not UTF-8."""
    nul = data.find(b"\0")
    if nul != -1:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not Markdown", name)
    bom = data.startswith(BOM)
    body = data[len(BOM) if bom else 0 :]
    try:
        return body.decode("utf-8"), bom
    except UnicodeDecodeError as error:
        line, column = _position(body, error.start)
        byte = body[error.start : error.start + 1].hex()
        raise InputError(
            f"{name}:{line}:{column}: not UTF-8 (byte 0x{byte}): save the file as UTF-8",
            name,
            line,
            column,
        ) from None


def read_source(path: Path) -> Source:
    """Read a file as a Source; InputError when it cannot be read or decoded."""
    shown = shown_path(path)
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as error:
        raise InputError(f"{shown}: cannot read: {error.strerror or error}", shown) from None
    text, bom = decode(data, shown)
    return Source(path, shown, text, bom, mode)


def write_atomic(source: Source, text: str) -> None:
    """Replace the file through a temporary file beside it, keeping BOM and permission bits;
    a symbolic link is written through: its target changes, the link stays a link."""
    path = Path(os.path.realpath(source.path))
    directory = path.parent if str(path.parent) else Path(".")
    shown = source.shown
    # the system's answer for this user: root may rewrite a read-only file (and the file keeps
    # its read-only bits), anyone else gets a clear error and an untouched file
    if not os.access(path, os.W_OK):
        raise InputError(f"{shown}: cannot write: file is read-only for this user", shown)
    if not os.access(directory, os.W_OK):
        raise InputError(f"{shown}: cannot write: directory is not writable", shown)
    import tempfile  # only a fix that changes a file pays for it

    data = (BOM if source.bom else b"") + text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if source.mode is not None:
            os.chmod(temporary, source.mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{shown}: cannot write: {error.strerror or error}", shown) from None


# CPython reports a pipe closed in the middle of one large write as a short write, not as an
# error: written in slices, the closed pipe surfaces as BrokenPipeError (see cli.main)
_SLICE = 8192


def write_stdout(data: bytes) -> None:
    """Bytes as they are (a patch or a file keeps its line endings and BOM on every platform)."""
    sys.stdout.flush()
    for start in range(0, len(data), _SLICE):
        sys.stdout.buffer.write(data[start : start + _SLICE])
    sys.stdout.buffer.flush()


def emit(stream: Any, text: str) -> None:
    """Write ``text`` to a text stream in slices (see _SLICE)."""
    for start in range(0, len(text), _SLICE):
        stream.write(text[start : start + _SLICE])


def silence_output() -> None:
    """After a closed pipe: point stdout and stderr at /dev/null, so that the interpreter's
    last flush of what is still buffered raises nothing either (Python's documented recipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
            pass
    os.close(devnull)
