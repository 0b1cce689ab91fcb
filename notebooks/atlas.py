"""Reading Discourse Atlas output in notebooks: find a snapshot, load its tables, check them.

Only the published layout is read: ``<output>/_runs/<run_id>.json`` (the run manifests), and
the table folders a manifest names (``tables``: ``<table>/snapshot=YYYY-MM/run=<run_id>``,
relative to the output root). Which run is a month's snapshot is decided by the rule stated
once, in the Javadoc of ``src/main/java/org/discourseatlas/store/Snapshots.java``;
``current_runs`` applies it here, and ``SnapshotRuleTest`` checks that both pick the same runs.
Folders no manifest names (a run still writing, or killed) and the job's code are never touched.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

import atlas_tables

# The columns of each table, as src/main/java/org/discourseatlas/schema/Table.java declares them:
# atlas_tables.py is generated from there (TableContractTest), like the README's data dictionary.
TABLE_COLUMNS: dict[str, list[str]] = atlas_tables.TABLE_COLUMNS

# One colour per compared zone, the same in every chart (Okabe-Ito: safe for colour blindness).
COLOUR_A = "#D55E00"  # vermillion: the first zone (target), Aleppo by default
COLOUR_B = "#0072B2"  # blue: the second zone (reference), Mosul by default
COLOUR_NEUTRAL = "#9E9E9E"
COLOUR_CORPUS = "#4D4D4D"
ROLES = ["question", "answer", "statement", "moderator"]
ROLE_LABELS = {"question": "questions (journalists)", "answer": "answers (ministers)",
               "statement": "statements", "moderator": "moderator"}

_figures: list[str] = []


def _plain_path(location: str | Path) -> Path:
    text = str(location)
    if text.startswith("file://"):
        text = text[len("file://"):]
    elif text.startswith("file:"):
        text = text[len("file:"):]
    if "://" in text:
        raise ValueError(f"only local output folders are read here, not {text}")
    return Path(text).expanduser().resolve()


# finished_at as Snapshots reads it: ISO-8601 seconds, a fraction of 1-9 digits, Z or +-HH:MM.
_FINISHED_AT = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,9}))?(Z|[+-][0-9]{2}:[0-9]{2})")
_EARLIEST = (float("-inf"), 0)


def _finished_at(manifest: dict) -> tuple[float, int]:
    """finished_at as (epoch seconds, nanoseconds); missing or unreadable sorts first."""
    text = manifest.get("finished_at")
    match = _FINISHED_AT.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return _EARLIEST
    try:
        when = datetime.fromisoformat(match[1] + ("+00:00" if match[3] == "Z" else match[3]))
    except ValueError:
        return _EARLIEST
    return int(when.timestamp()), int((match[2] or "").ljust(9, "0"))


def _run_order(manifest: dict) -> tuple:
    run_id = manifest.get("run_id")
    return _finished_at(manifest), run_id if isinstance(run_id, str) else ""


def manifests(output: str | Path) -> list[dict]:
    """Every run manifest under ``<output>/_runs/`` (``*.json``, not hidden), in run order.

    Run order is Snapshots' rule: finished_at as an instant (missing or unreadable first), then
    run_id. A manifest being written is ``.<run_id>.json.partial`` and is not read.
    """
    runs = _plain_path(output) / "_runs"
    if not runs.is_dir():
        raise FileNotFoundError(
            f"{runs} does not exist: is {output} the job's output folder (jobs/run.sh writes output/)?")
    found = []
    for path in sorted(runs.glob("*.json")):
        if path.name.startswith(".") or not path.is_file():
            continue
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        if isinstance(manifest, dict):
            found.append(manifest)
    return sorted(found, key=_run_order)


def current_runs(output: str | Path) -> dict[str, dict]:
    """The current run of each snapshot month (the rule in store/Snapshots.java's Javadoc).

    Succeeded manifests with a snapshot, in run order; a month's last one supersedes the earlier
    ones. The months come in the order of their current runs, so the latest snapshot is last.
    """
    current: dict[str, dict] = {}
    for manifest in manifests(output):
        month = manifest.get("snapshot")
        if manifest.get("status") == "succeeded" and isinstance(month, str):
            current.pop(month, None)  # re-inserted last: the dict stays in run order
            current[month] = manifest
    return current


def latest_snapshot(output: str | Path) -> str:
    """The snapshot of the succeeded run that finished last."""
    current = current_runs(output)
    if not current:
        raise FileNotFoundError(f"no succeeded run in {_plain_path(output) / '_runs'}")
    return list(current)[-1]


@dataclass
class Snapshot:
    """One complete snapshot of the job's output: its manifest and a loader for its tables."""

    output: Path
    snapshot: str
    manifest: dict

    def paths(self, table: str) -> list[Path] | None:
        """The table's folders as the manifest names them; None when this run wrote no such table.

        A table carried over from earlier months (documents, turns, sentences, rejects of a
        refresh) is named as a list: the earlier runs' folders, then this run's added rows; the
        table is their union.
        """
        if table not in TABLE_COLUMNS:
            raise KeyError(f"{table} is not a documented table: {sorted(TABLE_COLUMNS)}")
        named = self.manifest.get("tables", {}).get(table)
        if named is None:
            return None
        folders = named if isinstance(named, list) else [named]
        return [_plain_path(f) if "://" in f or f.startswith(("file:", "/")) else self.output / f
                for f in folders]

    def path(self, table: str) -> Path | None:
        """This run's own folder of the table (for a carried table, the rows it added)."""
        paths = self.paths(table)
        return None if paths is None else paths[-1]

    def has(self, table: str) -> bool:
        where = self.paths(table)
        return where is not None and all(p.is_dir() for p in where)

    def table(self, table: str, *, columns: list[str] | None = None, filters=None,
              allow_empty: bool = False, why_missing: str = "", why_empty: str | None = None,
              quiet: bool = False) -> pd.DataFrame | None:
        """The table as a DataFrame, checked for its documented columns and for rows.

        `columns` reads only those (and checks only those); `filters` (a pyarrow expression or
        filter list) keeps only matching rows, read that way so a large table never loads
        whole. Returns None, saying so, when this snapshot has no such table yet (a table of an
        issue that has not landed, or an optional one); `quiet` leaves saying so to the caller.
        `why_empty` is for a table a run may write without rows (a stage configured off): an
        empty table (after `filters`) is then said to be empty, with this reason, and None is
        returned as for a missing one.
        """
        where = self.paths(table)
        if where is None or not all(p.is_dir() for p in where):
            if not quiet:
                note(f"table {table} not in this snapshot yet{why_missing}")
            return None
        if columns is not None:
            unknown = set(columns) - set(TABLE_COLUMNS[table])
            assert not unknown, f"{sorted(unknown)} are not documented columns of {table}"
        # Each folder read apart and the frames joined: the folders of a carried table are written
        # by different runs, and Arrow refuses to concatenate tables whose fields differ only in
        # nullability (Spark marks a column non-null in one plan and nullable in another).
        frames = [pq.read_table(str(p), columns=columns, filters=filters).to_pandas() for p in where]
        frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        if why_empty is not None and frame.empty:
            check_table(frame, table, allow_empty=True, columns=columns)
            if not quiet:
                note(f"table {table} is empty{why_empty}")
            return None
        check_table(frame, table, allow_empty=allow_empty, columns=columns)
        return frame

    def count(self, key: str) -> int:
        """An input count of the manifest (documents, duplicates, rejects, ...)."""
        return int(self.manifest.get("input_counts", {}).get(key, 0))


def check_table(frame: pd.DataFrame, table: str, *, allow_empty: bool = False,
                columns: list[str] | None = None) -> None:
    missing = [c for c in (columns or TABLE_COLUMNS[table]) if c not in frame.columns]
    assert not missing, f"table {table} lacks columns {missing}; it has {list(frame.columns)}"
    assert allow_empty or len(frame) > 0, f"table {table} is empty"


def open_snapshot(output: str | Path, snapshot: str | None = None, *, quiet: bool = False) -> Snapshot:
    """The given snapshot (default: the latest complete one) of an output folder."""
    root = _plain_path(output)
    current = current_runs(root)
    if snapshot is None:
        snapshot = latest_snapshot(root)
    if snapshot not in current:
        raise FileNotFoundError(
            f"no succeeded run wrote snapshot {snapshot} in {root}; complete snapshots: {sorted(current)}")
    manifest = current[snapshot]
    if not quiet:
        note(f"output {root}, snapshot {snapshot}: run {manifest.get('run_id')}, "
             f"finished {manifest.get('finished_at')}")
    return Snapshot(root, snapshot, manifest)


# ---------------------------------------------------------------------------------------------
# Small shared helpers for the notebooks


def note(text: str) -> None:
    """A one-line remark for the reader: grey italics in a notebook, plain print elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:
        print(text)
        return
    display(HTML(f"<p class='atlas-note' style='color:#666;font-style:italic;margin:0.3em 0'>"
                 f"{html.escape(text)}</p>"))


def zone_names(zones: pd.DataFrame | None, ids) -> dict[str, str]:
    """Display names for zone ids: the gazetteer's name when the zones table is there."""
    names = {}
    if zones is not None:
        names = dict(zip(zones["zone"], zones["name"]))
    return {z: names.get(z) or str(z).replace("_", " ").title() for z in ids}


def analysed(documents: pd.DataFrame) -> pd.DataFrame:
    """The analysed documents (duplicates are left out of every statistic), with a datetime."""
    docs = documents[documents["duplicate_of"].isna()].copy()
    docs["date"] = pd.to_datetime(docs["date"])
    return docs


def overall(frame: pd.DataFrame, **fixed) -> pd.DataFrame:
    """Rows whose group columns are as given; a column given as None must be null."""
    keep = pd.Series(True, index=frame.index)
    for column, value in fixed.items():
        keep &= frame[column].isna() if value is None else frame[column] == value
    return frame[keep]


def oriented(comparisons: pd.DataFrame | None, zone_a: str, zone_b: str) -> pd.DataFrame | None:
    """The rows of a *_comparisons table for zone_a vs zone_b, computed either way round.

    A reversed row is turned round: target and reference columns swapped, the difference and
    its interval negated. None when the job did not compute this comparison.
    """
    if comparisons is None:
        return None
    rows = comparisons[(comparisons["target"] == zone_a) & (comparisons["reference"] == zone_b)]
    if len(rows):
        return rows.copy()
    rows = comparisons[(comparisons["target"] == zone_b) & (comparisons["reference"] == zone_a)]
    if not len(rows):
        return None
    swapped = {}
    for column in rows.columns:
        for one, other in (("_target", "_reference"), ("_reference", "_target")):
            if column.endswith(one):
                swapped[column] = column[: -len(one)] + other
    out = rows.rename(columns=swapped).assign(target=zone_a, reference=zone_b)
    out["difference"] = -rows["difference"]
    out["ci_low"], out["ci_high"] = -rows["ci_high"], -rows["ci_low"]
    return out[list(rows.columns)]


def keyness_between(snap: Snapshot, keyness: pd.DataFrame, zone_a: str, zone_b: str,
                    alpha0: float = 1000.0, min_count: int = 5) -> tuple[pd.DataFrame, str]:
    """Keyness of zone_a against zone_b, positive = more in zone_a.

    The job's own rows when it computed this comparison (either way round: swapping target and
    reference negates log-odds, z, G2 and chi2). Otherwise the Fightin' Words log-odds of the
    two zones' unigrams, computed here from term_frequencies with the job's formula (informative
    Dirichlet prior: corpus shares x alpha0) so that any two zones can be compared.
    """
    def job_rows(target, reference):
        return keyness[(keyness["target"] == target) & (keyness["reference"] == reference)]

    rows = job_rows(zone_a, zone_b)
    if len(rows):
        out = rows.rename(columns={"count_target": "count_a", "count_reference": "count_b"})
        return out.copy(), "the job's keyness table"
    rows = job_rows(zone_b, zone_a)
    if len(rows):
        out = rows.rename(columns={"count_target": "count_b", "count_reference": "count_a"}).copy()
        for column in ["g2", "chi2", "log_odds", "log_odds_z"]:
            out[column] = -out[column]
        return out, "the job's keyness table (computed as the reverse comparison, signs flipped)"

    import pyarrow.compute as pc

    wanted = ((pc.field("ngram") == 1) & pc.field("period").is_null() & pc.field("role").is_null()
              & pc.field("source").is_null()
              & (pc.field("zone").is_null() | pc.field("zone").isin([zone_a, zone_b])))
    unigrams = snap.table("term_frequencies", columns=["zone", "period", "role", "source", "term",
                                                       "ngram", "count"], filters=wanted)
    corpus = unigrams[unigrams["zone"].isna()].set_index("term")["count"]
    a = unigrams[unigrams["zone"] == zone_a].set_index("term")["count"]
    b = unigrams[unigrams["zone"] == zone_b].set_index("term")["count"]
    assert len(a) and len(b), f"no term frequencies for {zone_a} or {zone_b}"
    counts = pd.DataFrame({"count_a": a, "count_b": b}).fillna(0).astype("int64")
    n_a, n_b = counts["count_a"].sum(), counts["count_b"].sum()
    counts = counts[counts["count_a"] + counts["count_b"] >= min_count]
    prior = alpha0 * corpus.reindex(counts.index).fillna(0) / corpus.sum()
    ya, yb = counts["count_a"] + prior, counts["count_b"] + prior
    log_odds = np.log(ya / (n_a + alpha0 - ya)) - np.log(yb / (n_b + alpha0 - yb))
    out = counts.assign(ngram=1, log_odds=log_odds,
                        log_odds_z=log_odds / np.sqrt(1 / ya + 1 / yb)).reset_index(names="term")
    return out, (f"term_frequencies, computed here (unigrams; prior = corpus shares x {alpha0:g}) "
                 f"since the job's keyness table has no {zone_a} vs {zone_b} rows")


def kwic(mentions: pd.DataFrame, documents: pd.DataFrame, turns: pd.DataFrame, zone: str,
         n: int = 6) -> pd.DataFrame:
    """Up to n keyword-in-context lines for a zone, spread over its documents, oldest first."""
    lines = mentions[mentions["zone"] == zone]
    docs = analysed(documents)[["doc_id", "date", "source"]].drop_duplicates("doc_id")
    lines = lines.merge(docs, on="doc_id", how="left").merge(
        turns[["doc_id", "turn", "role"]], on=["doc_id", "turn"], how="left")
    # one line per document first, so the sample is not one transcript's
    lines = lines.sort_values(["date", "doc_id", "sentence"])
    lines["nth"] = lines.groupby("doc_id").cumcount()
    picked = lines.sort_values(["nth", "date"]).head(n).sort_values(["date", "sentence"])
    picked = picked.assign(date=picked["date"].dt.strftime("%Y-%m-%d"))
    return picked[["date", "source", "role", "left", "match", "right"]].reset_index(drop=True)


def kwic_html(lines: pd.DataFrame, colour: str) -> str:
    """KWIC lines as an HTML table: left context right-aligned, the match in the zone's colour."""
    rows = []
    for r in lines.itertuples(index=False):
        rows.append(
            "<tr>"
            f"<td style='white-space:nowrap;color:#666'>{html.escape(str(r.date))} "
            f"{html.escape(str(r.source))}, {html.escape(str(r.role))}</td>"
            f"<td style='text-align:right'>{html.escape(str(r.left))}</td>"
            f"<td style='text-align:center;font-weight:bold;color:{colour}'>{html.escape(str(r.match))}</td>"
            f"<td style='text-align:left'>{html.escape(str(r.right))}</td></tr>")
    return ("<table class='atlas-kwic' style='font-size:90%'><thead><tr><th>date, source, role</th>"
            "<th style='text-align:right'>left</th><th>mention</th><th style='text-align:left'>right"
            "</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


# ---------------------------------------------------------------------------------------------
# Figures: each one is checked for drawn data, shown, closed and captioned "Figure N."


def show(fig, caption: str) -> None:
    """Check that the figure drew something on each of its axes, display it with a caption."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    plotted = [ax for ax in fig.axes if ax.get_visible() and ax.axison
               and ax.get_label() != "<colorbar>"]
    assert plotted, f"figure '{caption}' has no axes"
    empty = [ax.get_title() or f"axes {i}" for i, ax in enumerate(plotted) if not ax.has_data()]
    assert not empty, f"figure '{caption}' drew nothing on {empty}"
    _figures.append(caption)
    display(fig, metadata={"image/png": {"alt": caption}})
    plt.close(fig)
    display(HTML(f"<p class='atlas-figure' style='color:#555;font-size:90%'>"
                 f"<b>Figure {len(_figures)}.</b> {html.escape(caption)}</p>"))


def figures_shown() -> int:
    return len(_figures)
