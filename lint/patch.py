"""``--diff``: what ``--fix`` would write, as a unified diff that ``git apply`` and ``patch -p1``
apply (the BOM stays on the first line, a last line without newline is marked as such)."""

from __future__ import annotations

import os


def _patch_lines(text: str) -> list[str]:
    """Lines as patch tools count them: split after LF only, a CR stays part of its line."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def unified_diff(shown: str, old: str, new: str, bom: bool = False) -> str:
    """The change from ``old`` to ``new`` of the file shown as ``shown``."""
    import difflib

    mark = "\ufeff" if bom else ""
    # git's a/ and b/ prefixes for a path below the current directory, the path as it is else
    relative = not os.path.isabs(shown)
    lines = difflib.unified_diff(
        _patch_lines(mark + old),
        _patch_lines(mark + new),
        fromfile=f"a/{shown}" if relative else shown,
        tofile=f"b/{shown}" if relative else shown,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
