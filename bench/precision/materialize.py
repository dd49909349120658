"""Write the labelled lists out of the local snapshots, byte for byte, into a folder.

    python bench/precision/materialize.py DIR [--mirror /work/.mirror] [--lists LISTS_DIR]

For every `lists/<id>.json`, `git show <commit>:<path>` from `<mirror>/<owner>+<repo>/repo` (the
bare git directory the `fetch` tool leaves) is written to `DIR/<id>.md`. Nothing is fetched: a
list whose snapshot or commit is missing is named with the way to get it (the `fetch` tool, or
`git clone https://github.com/<owner>/<repo>` and `git checkout <commit>`, give the same file),
and the exit status is 1. The lists are third-party files: they are never committed here.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_MIRROR = Path("/work/.mirror")


def list_specs(lists_dir: Path) -> list[dict[str, object]]:
    """Every list json of the folder, sorted by id."""
    specs = [json.loads(path.read_text(encoding="utf-8")) for path in lists_dir.glob("*.json")]
    return sorted(specs, key=lambda spec: str(spec["id"]))


def git_dir(mirror: Path, repo: str) -> Path:
    """Where the `fetch` tool leaves the bare git directory of `owner/name`."""
    return mirror / repo.replace("/", "+") / "repo"


def show(mirror: Path, source: dict[str, str]) -> bytes | None:
    """The file at the pinned commit, or None when the snapshot or the commit is not here."""
    directory = git_dir(mirror, source["repo"])
    if not directory.is_dir():
        return None
    done = subprocess.run(
        ["git", f"--git-dir={directory}", "show", f"{source['commit']}:{source['path']}"],
        capture_output=True,
    )
    return done.stdout if done.returncode == 0 else None


def how_to_get(source: dict[str, str]) -> str:
    """The one line that tells a reader how to get a list this script cannot."""
    repo, commit = source["repo"], source["commit"]
    return (
        f"not here: {repo}@{commit[:12]}:{source['path']}; this script fetches nothing: "
        f"use the fetch tool (github:{repo}) or `git clone https://github.com/{repo}` "
        f"and `git checkout {commit}`"
    )


def materialize(specs: Sequence[dict[str, object]], mirror: Path, out: Path) -> list[str]:
    """Write every list it can into `out`; return a line for each it cannot."""
    out.mkdir(parents=True, exist_ok=True)
    missing = []
    for spec in specs:
        source = spec["source"]
        assert isinstance(source, dict)
        text = show(mirror, source)
        if text is None:
            missing.append(f"{spec['id']}: {how_to_get(source)}")
            continue
        (out / f"{spec['id']}.md").write_bytes(text)
    return missing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write <id>.md files into")
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR, help="fetch's snapshots")
    parser.add_argument("--lists", type=Path, default=HERE / "lists", help="the list jsons")
    args = parser.parse_args(argv)
    specs = list_specs(args.lists)
    missing = materialize(specs, args.mirror, args.out)
    for line in missing:
        print(line, file=sys.stderr)
    print(f"{len(specs) - len(missing)} of {len(specs)} lists written to {args.out}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
