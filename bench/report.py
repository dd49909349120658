"""What `bench/run.py` reports: the ratios of a run's samples, its Markdown tables and its JSON.

Reads a `Report` of `bench/measure.py`; runs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from measure import BASELINE, BIG_SIZE, IMPORT, STARTUP, Report, Result

TARGETS = {
    "lint / block floor": "≤ 2",
    "fix / block floor": "≤ 3",
    "fix / lint": "≤ 1.5",
    "lint RSS / block floor RSS": "≤ 1.5",
    "lint 100k / 10k": "≤ 11",
    "fix 100k / 10k": "≤ 11",
    f"{STARTUP} / {IMPORT}": "≤ 1.3",
}


@dataclass(frozen=True)
class Bound:
    """A ratio known only to be below `value` (the peer timed out)."""

    value: float


Ratio = float | Bound | None


# -- ratios ------------------------------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is unknown."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def peer_ratio(ours: float | None, peer: Result) -> Ratio:
    """ours / peer; against a peer that timed out, an upper bound."""
    if peer.timed_out and ours is not None:
        return Bound(ours / peer.timed_out)
    return ratio(ours, peer.median)


def rss_ratio(rss_kib: int | None, base_kib: int | None, file_bytes: int) -> float | None:
    """Peak memory above the interpreter's own, per byte of input."""
    if rss_kib is None or base_kib is None or not file_bytes:
        return None
    return (rss_kib - base_kib) * 1024 / file_bytes


def size_ratios(report: Report, size: int) -> dict[str, Ratio]:
    """The ratios of medians (and of memory) at one size, keyed by their printed name."""
    results, file_bytes = report.sizes[size], report.file_bytes[size]
    lint, fix = results["lint"].median, results["fix"].median
    block, full = results["block floor"].median, results["full floor"].median
    in_block = results["block floor (in-process)"].median
    block_rss = results["block floor"].peak_rss
    rows: dict[str, Ratio] = {
        "lint / block floor": ratio(lint, block),
        "fix / block floor": ratio(fix, block),
        "fix / lint": ratio(fix, lint),
        "lint / full floor": ratio(lint, full),
        "lint / block floor, in-process": ratio(results["lint (in-process)"].median, in_block),
        "fix / block floor, in-process": ratio(results["fix (in-process)"].median, in_block),
        "lint RSS / block floor RSS": ratio(results["lint"].peak_rss, block_rss),
        "fix RSS / block floor RSS": ratio(results["fix"].peak_rss, block_rss),
        "(lint RSS - base) / file": rss_ratio(
            results["lint"].peak_rss, report.base_rss, file_bytes
        ),
        "(fix RSS - base) / file": rss_ratio(results["fix"].peak_rss, report.base_rss, file_bytes),
    }
    for peer in report.peers:
        rows[f"lint / {peer}"] = peer_ratio(lint, results[peer])
    return rows


def single_ratios(report: Report) -> dict[str, Ratio]:
    """Ratios that are one number per run: start-up and scaling from 10k to 100k rows."""
    startup, imports = report.startup.get(STARTUP, Result()), report.startup.get(IMPORT, Result())
    rows: dict[str, Ratio] = {f"{STARTUP} / {IMPORT}": ratio(startup.median, imports.median)}
    big, small = report.sizes.get(BIG_SIZE), report.sizes.get(BIG_SIZE // 10)
    for key in ("lint", "fix", "block floor", "full floor"):
        rows[f"{key} 100k / 10k"] = (
            ratio(big[key].median, small[key].median) if big and small else None
        )
    return rows


# -- printing ----------------------------------------------------------------------------------


def format_seconds(seconds: float | None) -> str:
    """Milliseconds, with a precision that suits their size."""
    if seconds is None:
        return "n/a"
    ms = seconds * 1000
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}"


def format_result(result: Result) -> str:
    """`median / min` in ms, or the reason there is none."""
    if not result.seconds:
        return result.error or "n/a"
    text = f"{format_seconds(result.median)} / {format_seconds(result.minimum)}"
    return f"{text} ({result.error})" if result.error else text


def format_ratio(value: Ratio) -> str:
    """A ratio with three significant digits, '<' for a bound, 'n/a' if unknown."""
    if value is None:
        return "n/a"
    if isinstance(value, Bound):
        return f"< {value.value:.3g}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def target(key: str) -> str:
    """The target set for a ratio, if any; ours / peer should be below 1."""
    if key in TARGETS:
        return TARGETS[key]
    return "< 1" if key.startswith("lint / ") and "floor" not in key else ""


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A laid-out Markdown table: first column left-aligned, the others right-aligned."""
    widths = [max(3, *map(len, column)) for column in zip(header, *rows, strict=True)]
    delimiter = [":" + "-" * (widths[0] - 1), *("-" * (w - 1) + ":" for w in widths[1:])]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        aligned = [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        return "| " + " | ".join([first.ljust(widths[0]), *aligned]) + " |"

    return "\n".join([line(header), "| " + " | ".join(delimiter) + " |", *map(line, rows)])


def size_header(report: Report, first: str) -> list[str]:
    """A header with one column per list size."""
    return [first, *(f"{size:,} rows" for size in report.sizes)]


def times_table(report: Report) -> str:
    """Median / minimum milliseconds of each measure at each size."""
    sizes = list(report.sizes)
    keys = list(report.sizes[sizes[0]]) if sizes else []
    rows = [[key, *(format_result(report.sizes[size][key]) for size in sizes)] for key in keys]
    rows.append(["file size (MB)", *(f"{report.file_bytes[s] / 1e6:.2f}" for s in sizes)])
    return markdown_table(size_header(report, "median / min (ms)"), rows)


def single_table(report: Report) -> str:
    """Start-up times and the one-number ratios, with their targets."""
    rows = [[key, format_result(result), ""] for key, result in report.startup.items()]
    rows += [
        [key, format_ratio(value), target(key)] for key, value in single_ratios(report).items()
    ]
    return markdown_table(["start-up and scaling", "ms (median / min) or ratio", "target"], rows)


def ratios_table(report: Report) -> str:
    """Per-size ratios, with the targets of issues 6 and 14 (set for the 100,000-row list)."""
    per_size = {size: size_ratios(report, size) for size in report.sizes}
    keys = list(next(iter(per_size.values()), {}))
    rows = [
        [key, *(format_ratio(values[key]) for values in per_size.values()), target(key)]
        for key in keys
    ]
    return markdown_table([*size_header(report, "ratio of medians"), "target"], rows)


def memory_table(report: Report) -> str:
    """Peak RSS in MiB of the floors, ours and the peers at each size."""
    keys = ["full floor", "block floor", "lint", "fix", *report.peers]
    base = [f"{BASELINE} (base)", *[mib(report.base_rss)] * len(report.sizes)]
    rows = [base] + [
        [key, *(mib(results[key].peak_rss) for results in report.sizes.values())] for key in keys
    ]
    return markdown_table(size_header(report, "peak RSS (MiB)"), rows)


def mib(kib: int | None) -> str:
    """KiB as MiB with one decimal, or n/a."""
    return "n/a" if kib is None else f"{kib / 1024:.1f}"


def environment_lines(report: Report) -> str:
    """The environment as a Markdown list."""
    env = dict(report.environment)
    peers = env.pop("peers", {})
    lines = [f"- {key}: {value}" for key, value in env.items()]
    if isinstance(peers, dict) and peers:
        lines.append("- peers: " + ", ".join(f"{k} {v}" for k, v in sorted(peers.items())))
    return "\n".join(lines)


def real_table(report: Report) -> str:
    """Median / minimum milliseconds of lint, fix and each peer on each real list."""
    keys = ["lint", "fix", *report.peers]
    rows = [
        [name, *(format_result(results.get(key, Result(error="n/a"))) for key in keys)]
        for name, results in report.real.items()
    ]
    return markdown_table(["median / min (ms)", *keys], rows)


def real_ratios(results: dict[str, Result], peers: Sequence[str]) -> dict[str, Ratio]:
    """fix / lint (target 1.3), lint / peer and fix / peer on one real list."""
    rows: dict[str, Ratio] = {"fix / lint": ratio(results["fix"].median, results["lint"].median)}
    for ours in ("lint", "fix"):
        for peer in peers:
            rows[f"{ours} / {peer}"] = peer_ratio(results[ours].median, results[peer])
    return rows


def real_ratios_table(report: Report) -> str:
    """fix against lint, and ours against each peer, on each real list; below 1 is faster."""
    per_list = {name: real_ratios(results, report.peers) for name, results in report.real.items()}
    keys = list(next(iter(per_list.values()), {}))
    rows = [
        [name, *(format_ratio(ratios[key]) for key in keys)] for name, ratios in per_list.items()
    ]
    return markdown_table(["ratio of medians", *keys], rows)


def linear_rows(report: Report) -> list[list[str]]:
    """One row per pattern: milliseconds at N and 8N and their ratio, for lint and fix."""
    patterns = report.linear.get("patterns", {})
    assert isinstance(patterns, dict)
    rows = []
    for pattern, times in patterns.items():
        shown = pattern.replace("|", "\\|")  # a pipe would end the table cell, even in code
        cells = [f"`{shown}`" if pattern != "`" else "`` ` ``"]
        for key in ("lint", "fix"):
            small, large = times[key]
            cells += [format_seconds(small), format_seconds(large), format_ratio(large / small)]
        rows.append(cells)
    return rows


def linear_table(report: Report) -> str:
    """time(8N) / time(N) of lint and fix for every adversarial pattern, and the worst."""
    if "error" in report.linear:
        return str(report.linear["error"])
    size = report.linear.get("size", 0)
    assert isinstance(size, int)
    rows = linear_rows(report)
    worst = [max(float(row[index]) for row in rows) for index in (3, 6)] if rows else [0, 0]
    rows.append(["worst", "", "", format_ratio(worst[0]), "", "", format_ratio(worst[1])])
    header = ["pattern", f"lint {size:,}", f"lint {8 * size:,}", "lint 8N/N"]
    header += [f"fix {size:,}", f"fix {8 * size:,}", "fix 8N/N"]
    return markdown_table(header, rows)


def render_report(report: Report) -> str:
    """The whole printed report: environment, then the tables."""
    sections = [
        ("Environment", environment_lines(report)),
        ("Times", times_table(report)),
        ("Start-up and scaling", single_table(report)),
        ("Ratios", ratios_table(report)),
        ("Memory", memory_table(report)),
    ]
    if report.real:
        sections.append(("Real lists", real_table(report)))
        sections.append(
            ("Real lists: fix against lint, ours against the peers", real_ratios_table(report))
        )
    if report.linear:
        sections.append(("Linear on any input (ms, in-process)", linear_table(report)))
    return "\n\n".join(f"## {title}\n\n{body}" for title, body in sections) + "\n"


def json_ratio(value: Ratio) -> object:
    """A ratio as JSON: a number, null, or {"less_than": bound}."""
    return {"less_than": value.value} if isinstance(value, Bound) else value


def json_results(table: dict[str, Result]) -> dict[str, object]:
    """Results as plain data."""
    return {
        key: {
            "seconds": r.seconds,
            "median": r.median,
            "min": r.minimum,
            "max_rss_kib": r.peak_rss,
            "error": r.error,
        }
        for key, r in table.items()
    }


def report_json(report: Report) -> dict[str, object]:
    """The report as plain data for `--json`."""
    sizes = {
        str(size): {
            "file_bytes": report.file_bytes[size],
            "results": json_results(table),
            "ratios": {k: json_ratio(v) for k, v in size_ratios(report, size).items()},
        }
        for size, table in report.sizes.items()
    }
    real = {
        name: {
            "results": json_results(results),
            "ratios": {k: json_ratio(v) for k, v in real_ratios(results, report.peers).items()},
        }
        for name, results in report.real.items()
    }
    return {
        "environment": report.environment,
        "startup": json_results(report.startup),
        "sizes": sizes,
        "real": real,
        "linear": report.linear,
        "ratios": {k: json_ratio(v) for k, v in single_ratios(report).items()},
        "targets": TARGETS,
    }
