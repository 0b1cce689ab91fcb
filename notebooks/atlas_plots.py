"""The charts of the Discourse Atlas notebooks and the monthly report (matplotlib only).

Each function takes DataFrames as read by ``atlas.Snapshot.table`` and returns a Figure; the
notebooks pass it to ``atlas.show``. The first compared zone is always drawn in
``atlas.COLOUR_A`` and the second in ``atlas.COLOUR_B``; intervals are 95% intervals as the job
wrote them (error bars or bands).
"""

from __future__ import annotations

import math

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm
from matplotlib.lines import Line2D

from atlas import (COLOUR_A, COLOUR_B, COLOUR_CORPUS, COLOUR_NEUTRAL, ROLE_LABELS, ROLES,
                   analysed, overall)

SOURCE_COLOURS = plt.get_cmap("Set2").colors
SENTIMENT_CMAP = "PiYG"  # pink = negative, green = positive; neither is a zone colour
CLASS_COLUMNS = ["share_very_negative", "share_negative", "share_neutral", "share_positive",
                 "share_very_positive"]


def style() -> None:
    """One look for every chart: readable sizes, light grid, no top/right spines."""
    mpl.rcParams.update({
        "figure.dpi": 100, "savefig.dpi": 100, "font.size": 10, "axes.titlesize": 11,
        "axes.titleweight": "bold", "axes.spines.top": False, "axes.spines.right": False,
        "axes.grid": True, "grid.color": "#e6e6e6", "grid.linewidth": 0.8,
        "axes.axisbelow": True, "legend.frameon": False,
    })


def _months(periods) -> pd.DatetimeIndex:
    """'2016-10' -> the first day of that month."""
    return pd.DatetimeIndex(pd.to_datetime([f"{p}-01" for p in periods]))


def _place_labels(ax, xs, ys, texts, colours, *, fontsize=9, weight="normal", dx_px=6):
    """Label points without overlaps: each label goes right of its point, or is moved up or down
    (with a thin leader line) to the nearest free place. Works in pixels, so log axes are fine."""
    fig = ax.figure
    fig.canvas.draw()  # fixes the transforms for the current limits
    to_px, to_data = ax.transData, ax.transData.inverted()
    height = fontsize * 1.35 * fig.dpi / 72
    placed: list[tuple[float, float, float, float]] = []

    def free(x0, y0, width):
        return all(x0 + width < a or x0 > b or y0 + height / 2 < c or y0 - height / 2 > d
                   for a, b, c, d in placed)

    offsets = np.broadcast_to(np.asarray(dx_px, dtype=float), (len(xs),))
    for x, y, text, colour, dx in zip(xs, ys, texts, colours, offsets):
        px, py = to_px.transform((x, y))
        width = len(str(text)) * fontsize * 0.58 * fig.dpi / 72
        x0 = px + dx
        for step in range(0, 40):
            ty = py + (step + 1) // 2 * height * (1 if step % 2 else -1)
            if free(x0, ty, width):
                break
        placed.append((x0, x0 + width, ty - height / 2, ty + height / 2))
        tx, ty_data = to_data.transform((x0, ty))
        moved = abs(ty - py) > 1
        ax.annotate(str(text), (x, y), xytext=(tx, ty_data), textcoords="data", fontsize=fontsize,
                    color=colour, weight=weight, ha="left", va="center",
                    arrowprops=dict(arrowstyle="-", color=colour, lw=0.5, alpha=0.6,
                                    shrinkA=0, shrinkB=3) if moved else None)


def _merge_labels(frame: pd.DataFrame, x: str, y: str, label: str) -> pd.DataFrame:
    """One label for points drawn on the same spot: 'road, convoy, opposition'."""
    keys = frame.assign(_x=frame[x].round(6), _y=frame[y].round(2))
    merged = keys.groupby(["_x", "_y"], sort=False).agg(
        **{x: (x, "first"), y: (y, "first"), label: (label, lambda t: ", ".join(t))})
    return merged.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Corpus overview


def documents_over_time(documents: pd.DataFrame):
    """Analysed transcripts per month, stacked by source."""
    docs = analysed(documents).dropna(subset=["date"])
    docs["month"] = docs["date"].dt.to_period("M").dt.to_timestamp()
    counts = docs.pivot_table(index="month", columns="source", values="doc_id", aggfunc="count",
                              fill_value=0)
    months = pd.date_range(counts.index.min(), counts.index.max(), freq="MS")
    counts = counts.reindex(months, fill_value=0)
    fig, ax = plt.subplots(figsize=(10, 4))
    bottom = np.zeros(len(counts))
    for i, source in enumerate(counts.columns):
        ax.bar(counts.index, counts[source], width=25, bottom=bottom, align="edge",
               color=SOURCE_COLOURS[i % len(SOURCE_COLOURS)], label=source)
        bottom += counts[source].to_numpy()
    ax.set_xlabel("month of the transcript")
    ax.set_ylabel("transcripts (duplicates left out)")
    ax.set_title("Transcripts per month, by source")
    ax.yaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.legend(title="source", loc="upper left", bbox_to_anchor=(1.01, 1))
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def turns_by_role(turns: pd.DataFrame, documents: pd.DataFrame):
    """Turns per role stacked by source, and the length of a turn per role."""
    docs = analysed(documents)[["doc_id", "source"]].drop_duplicates("doc_id")
    t = turns.merge(docs, on="doc_id", how="inner")
    t["words"] = t["text"].fillna("").str.split().str.len()
    roles = [r for r in ROLES if r in set(t["role"])] + sorted(set(t["role"]) - set(ROLES))
    counts = t.pivot_table(index="role", columns="source", values="turn", aggfunc="count",
                           fill_value=0).reindex(roles, fill_value=0)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [3, 2]})
    start = np.zeros(len(counts))
    for i, source in enumerate(counts.columns):
        left.barh(counts.index, counts[source], left=start, label=source,
                  color=SOURCE_COLOURS[i % len(SOURCE_COLOURS)])
        start += counts[source].to_numpy()
    for y, total in enumerate(start):
        left.text(total, y, f" {int(total)}", va="center", fontsize=9)
    left.invert_yaxis()
    left.set_xlabel("speaker turns")
    left.set_title("Turns by role and source")
    left.legend(title="source", fontsize=8, loc="lower right")
    right.boxplot([t.loc[t["role"] == r, "words"] for r in roles], vert=False,
                  tick_labels=roles, showfliers=False, widths=0.6)
    right.invert_yaxis()
    right.set_xlabel("words per turn")
    right.set_title("How long a turn is")
    fig.tight_layout()
    return fig


def rejects_and_duplicates(rejects: pd.DataFrame, documents: pd.DataFrame):
    """Inputs not analysed, by reason; duplicates, exact and near."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3))
    by_reason = rejects["reason"].value_counts().sort_values() if len(rejects) else \
        pd.Series({"(none)": 0})
    left.barh(by_reason.index, by_reason.to_numpy(), color=COLOUR_CORPUS, height=0.5)
    left.set_ylim(-0.75, len(by_reason) - 0.25)
    left.set_xlim(0, max(by_reason.max(), 1) * 1.15)
    for y, n in enumerate(by_reason):
        left.text(n, y, f" {n}", va="center", fontsize=9)
    left.set_xlabel("inputs rejected")
    left.set_title("Rejects by reason")
    left.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    dups = documents[documents["duplicate_of"].notna()]
    kinds = pd.Series({
        "exact copy": int((dups["duplicate_similarity"] >= 1.0).sum()),
        "near duplicate": int((dups["duplicate_similarity"] < 1.0).sum()),
    })
    right.barh(kinds.index, kinds.to_numpy(), color=COLOUR_NEUTRAL, height=0.5)
    right.set_xlim(0, max(kinds.max(), 1) * 1.15)
    for y, n in enumerate(kinds):
        right.text(n, y, f" {n}", va="center", fontsize=9)
    right.set_xlabel("documents left out as duplicates")
    right.set_title("Duplicates by kind")
    right.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    fig.tight_layout()
    return fig


def stage_timings(manifest: dict):
    """Seconds per stage of the run, with the records each stage produced."""
    stages = pd.DataFrame(manifest.get("stages", []))
    assert len(stages), "the manifest lists no stages"
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(stages) + 1.2))
    ax.barh(stages["stage"], stages["seconds"], color=COLOUR_CORPUS)
    for y, row in enumerate(stages.itertuples()):
        ax.text(row.seconds, y, f" {row.seconds:.1f} s, {row.records_out:,} {row.out_unit}",
                va="center", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("seconds")
    ax.set_title(f"Where the run's time went ({manifest.get('spark_master')})")
    ax.set_xlim(0, stages["seconds"].max() * 1.6)
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------------------------
# Two zones compared


def fightin_words(k: pd.DataFrame, name_a: str, name_b: str, label_each: int = 10,
                  z: float = 1.96, min_label_z: float = 1.0):
    """Monroe et al.'s plot: log-odds z of each term against its frequency in both zones."""
    k = k.assign(total=k["count_a"] + k["count_b"])
    colours = np.where(k["log_odds_z"] > z, COLOUR_A,
                       np.where(k["log_odds_z"] < -z, COLOUR_B, COLOUR_NEUTRAL))
    fig, ax = plt.subplots(figsize=(10, 6.5))
    ax.scatter(k["total"], k["log_odds_z"], c=colours, s=22, alpha=0.75, edgecolors="none")
    ax.set_xscale("log")
    top = max(abs(k["log_odds_z"]).max(), z) * 1.15
    ax.set_ylim(-top, top)
    ax.set_xlim(k["total"].min() * 0.8, k["total"].max() * 2.5)
    for level in (z, -z):
        ax.axhline(level, color="#777", lw=0.8, ls="--")
    ax.axhline(0, color="#bbb", lw=0.6)
    ax.text(0.01, 0.98, f"more in {name_a} \u2191", transform=ax.transAxes, va="top",
            color=COLOUR_A, weight="bold")
    ax.text(0.01, 0.02, f"more in {name_b} \u2193", transform=ax.transAxes, va="bottom",
            color=COLOUR_B, weight="bold")
    ax.text(1.0, z, f"z = {z:g}", transform=ax.get_yaxis_transform(), ha="right", va="bottom",
            fontsize=8, color="#777")
    ax.set_xlabel(f"frequency: occurrences in {name_a} and {name_b} together (log scale)")
    ax.set_ylabel(f"log-odds z  ({name_a} vs {name_b})")
    ax.set_title(f"Words that set {name_a} and {name_b} apart (Fightin' Words)")
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_locator(mpl.ticker.LogLocator(subs=(2, 5)))
    ax.xaxis.set_minor_formatter(mpl.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
    fig.tight_layout()
    for direction, colour in ((1, COLOUR_A), (-1, COLOUR_B)):
        side = k[k["log_odds_z"] * direction > min_label_z]
        side = side.assign(extreme=side["log_odds_z"].abs()).nlargest(label_each, "extreme")
        side = _merge_labels(side, "total", "log_odds_z", "term")
        _place_labels(ax, side["total"], side["log_odds_z"], side["term"],
                      [colour if abs(v) > z else "#555" for v in side["log_odds_z"]])
    return fig


def distinctive_terms(k: pd.DataFrame, name_a: str, name_b: str, n: int = 15) -> pd.DataFrame:
    """The n most distinctive terms on each side, side by side."""
    keep = ["term", "count_a", "count_b", "log_odds_z"] + [c for c in ("g2", "p_value") if c in k]

    def side(rows):
        out = rows[keep].reset_index(drop=True)
        out.index = out.index + 1
        return out.rename(columns={"count_a": f"n {name_a}", "count_b": f"n {name_b}",
                                   "log_odds_z": "z", "g2": "G2", "p_value": "p (chi2)"})

    left = side(k[k["log_odds_z"] > 0].nlargest(n, "log_odds_z"))
    right = side(k[k["log_odds_z"] < 0].nsmallest(n, "log_odds_z"))
    return pd.concat({f"more in {name_a}": left, f"more in {name_b}": right}, axis=1)


def _dot(ax, y, mean, low, high, colour, label=None, marker="o", size=7):
    ax.errorbar(mean, y, xerr=[[mean - low], [high - mean]], fmt=marker, color=colour,
                ecolor=colour, elinewidth=2, capsize=4, markersize=size, label=label)


def sentiment_overall(zs: pd.DataFrame, comparison: pd.Series | None, zone_a: str, zone_b: str,
                      name_a: str, name_b: str):
    """Class shares, mean score with its interval per zone, and the difference of the means."""
    rows = {z: overall(zs, zone=z, period=None, role=None) for z in (zone_a, zone_b)}
    for z, r in rows.items():
        assert len(r) == 1, f"zone_sentiment has no all-time row for {z}"
    ncols = 3 if comparison is not None else 2
    fig, axes = plt.subplots(1, ncols, figsize=(12, 2.9),
                             gridspec_kw={"width_ratios": [2.2, 1.4, 1.4][:ncols]})
    shares, means = axes[0], axes[1]
    class_colours = plt.get_cmap(SENTIMENT_CMAP)(np.linspace(0.05, 0.95, 5))
    names = [name_a, name_b]
    for y, z in enumerate((zone_a, zone_b)):
        r = rows[z].iloc[0]
        start = 0.0
        for c, column in enumerate(CLASS_COLUMNS):
            shares.barh(y, r[column], left=start, color=class_colours[c],
                        label=column.removeprefix("share_").replace("_", " ") if y == 0 else None)
            if r[column] >= 0.08:
                shares.text(start + r[column] / 2, y, f"{r[column]:.0%}", ha="center",
                            va="center", fontsize=8)
            start += r[column]
        _dot(means, y, r["mean_score"], r["ci_low"], r["ci_high"], (COLOUR_A, COLOUR_B)[y])
        means.text(r["ci_high"], y + 0.22, f" n={int(r['n_sentences'])} sentences", fontsize=8,
                   color="#555")
    shares.set_yticks([0, 1], names)
    shares.set_xlim(0, 1)
    shares.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    shares.invert_yaxis()
    shares.set_title("Sentences by sentiment class")
    shares.legend(ncol=5, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    means.set_yticks([0, 1], names)
    means.set_ylim(1.6, -0.6)
    means.axvline(0, color="#999", lw=0.8)
    means.set_xlabel("mean sentiment (-1..+1), 95% interval")
    means.set_title("Mean sentiment")
    if comparison is not None:
        diff = axes[2]
        _dot(diff, 0, comparison["difference"], comparison["ci_low"], comparison["ci_high"],
             COLOUR_CORPUS, marker="D")
        diff.axvline(0, color="#999", lw=0.8)
        diff.set_yticks([0], [f"{name_a} \u2212 {name_b}"])
        diff.set_ylim(0.8, -0.8)
        diff.set_xlabel("difference of means, 95% interval")
        diff.set_title("Difference")
    fig.tight_layout()
    return fig


def sentiment_by_month(zs: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str):
    """Mean sentiment per month with its interval for both zones, and the sentences behind it."""
    monthly = zs[zs["zone"].isin([zone_a, zone_b]) & zs["period"].notna() & zs["role"].isna()]
    assert len(monthly), f"zone_sentiment has no monthly rows for {zone_a} or {zone_b}"
    months = pd.date_range(_months(monthly["period"]).min(), _months(monthly["period"]).max(),
                           freq="MS")
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 5.8), sharex=True,
                                      gridspec_kw={"height_ratios": [3, 1.2]})
    for offset, zone, name, colour in ((-5, zone_a, name_a, COLOUR_A), (5, zone_b, name_b, COLOUR_B)):
        rows = monthly[monthly["zone"] == zone].sort_values("period")
        if rows.empty:
            continue
        x = _months(rows["period"]) + pd.Timedelta(days=offset)
        top.plot(x, rows["mean_score"], color=colour, lw=1, alpha=0.5)
        top.errorbar(x, rows["mean_score"],
                     yerr=[rows["mean_score"] - rows["ci_low"], rows["ci_high"] - rows["mean_score"]],
                     fmt="o", color=colour, ecolor=colour, elinewidth=1.6, capsize=3,
                     label=name)
        bottom.bar(x + pd.Timedelta(days=8 + offset), rows["n_sentences"], width=10, color=colour,
                   label=name)
    top.axhline(0, color="#999", lw=0.8)
    top.set_ylabel("mean sentiment (-1..+1)")
    top.set_title(f"Sentiment per month: {name_a} vs {name_b} (95% intervals)")
    top.legend(loc="upper right")
    bottom.set_ylabel("scored\nsentences")
    bottom.set_xlabel("month")
    bottom.set_xlim(months.min() - pd.Timedelta(days=20), months.max() + pd.Timedelta(days=40))
    bottom.xaxis.set_major_formatter(mpl.dates.DateFormatter("%Y-%m"))
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def sentiment_by_role(zs: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str):
    """Mean sentiment per speaker role for both zones: questions vs answers."""
    by_role = zs[zs["zone"].isin([zone_a, zone_b]) & zs["period"].isna() & zs["role"].notna()]
    assert len(by_role), f"zone_sentiment has no role rows for {zone_a} or {zone_b}"
    roles = [r for r in ROLES if r in set(by_role["role"])]
    fig, ax = plt.subplots(figsize=(9, 0.8 * len(roles) + 1.4))
    for offset, zone, name, colour in ((-0.15, zone_a, name_a, COLOUR_A),
                                       (0.15, zone_b, name_b, COLOUR_B)):
        for y, role in enumerate(roles):
            r = by_role[(by_role["zone"] == zone) & (by_role["role"] == role)]
            if r.empty:
                continue
            r = r.iloc[0]
            _dot(ax, y + offset, r["mean_score"], r["ci_low"], r["ci_high"], colour,
                 label=name if y == 0 or ax.get_legend_handles_labels()[1].count(name) == 0 else None)
            ax.text(r["ci_high"], y + offset, f"  n={int(r['n_sentences'])}", va="center",
                    fontsize=8, color="#555")
    ax.set_yticks(range(len(roles)), [ROLE_LABELS.get(r, r) for r in roles])
    ax.set_ylim(len(roles) - 0.5, -0.5)
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("mean sentiment (-1..+1), 95% interval")
    ax.set_title(f"Who is negative? Sentiment by speaker role, {name_a} vs {name_b}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


# ---------------------------------------------------------------------------------------------
# All zones


def zone_summary(zs: pd.DataFrame, mentions: pd.DataFrame, names: dict[str, str],
                 zones: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per zone: mentions, scored sentences, mean sentiment and its interval."""
    counts = mentions.groupby("zone").size().rename("mentions")
    sent = overall(zs, period=None, role=None).set_index("zone")[
        ["n_sentences", "n_documents", "mean_score", "ci_low", "ci_high"]]
    ids = sorted(set(counts.index) | set(sent.index) | (set(zones["zone"]) if zones is not None else set()))
    out = pd.DataFrame(index=pd.Index(ids, name="zone")).join(counts).join(sent)
    out["mentions"] = out["mentions"].fillna(0).astype(int)
    out.insert(0, "name", [names.get(z, z) for z in out.index])
    if zones is not None:
        out = out.join(zones.set_index("zone")[["parent", "latitude", "longitude"]])
    return out


def zone_sentiment_ranking(summary: pd.DataFrame, zone_a: str, zone_b: str):
    """Every zone's mean sentiment with its interval, most negative first."""
    rows = summary.dropna(subset=["mean_score"]).sort_values("mean_score")
    assert len(rows), "no zone has scored sentences"
    fig, ax = plt.subplots(figsize=(9, 0.36 * len(rows) + 1.3))
    for y, (zone, r) in enumerate(rows.iterrows()):
        colour = {zone_a: COLOUR_A, zone_b: COLOUR_B}.get(zone, COLOUR_CORPUS)
        _dot(ax, y, r["mean_score"], r["ci_low"], r["ci_high"], colour, size=6)
        ax.text(max(r["ci_high"], r["mean_score"]), y, f"  {int(r['n_sentences'])} sentences",
                va="center", fontsize=8, color="#666")
    ax.set_yticks(range(len(rows)), rows["name"])
    ax.invert_yaxis()  # most negative on top
    for label, zone in zip(ax.get_yticklabels(), rows.index):
        if zone in (zone_a, zone_b):
            label.set_color(COLOUR_A if zone == zone_a else COLOUR_B)
            label.set_fontweight("bold")
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("mean sentiment (-1..+1), 95% interval")
    ax.set_title("Mean sentiment per zone, all time")
    fig.tight_layout()
    return fig


def _densest_cluster(z: pd.DataFrame, radius: float) -> pd.Index:
    """The zones within `radius` degrees of the zone with the most such neighbours."""
    lon, lat = z["longitude"].to_numpy(), z["latitude"].to_numpy()
    near = np.hypot(lon[:, None] - lon[None, :], lat[:, None] - lat[None, :]) <= radius
    return z.index[near[near.sum(axis=1).argmax()]]


def _draw_zones(ax, z, zone_a, zone_b, area, norm, labelled):
    """Bubbles (largest first, so small ones stay visible), rings for the two zones, labels."""
    from matplotlib import patheffects

    z = z.sort_values("mentions", ascending=False)
    scored, unscored = z.dropna(subset=["mean_score"]), z[z["mean_score"].isna()]
    points = ax.scatter(scored["longitude"], scored["latitude"], s=area(scored["mentions"]),
                        c=scored["mean_score"], cmap=SENTIMENT_CMAP, norm=norm, alpha=0.9,
                        edgecolors="#333", linewidths=0.6, zorder=3)
    if len(unscored):
        ax.scatter(unscored["longitude"], unscored["latitude"], s=area(unscored["mentions"]),
                   facecolors="white", edgecolors=COLOUR_NEUTRAL, linewidths=1.2, zorder=3)
    for zone, colour in ((zone_a, COLOUR_A), (zone_b, COLOUR_B)):
        if zone in z.index:
            r = z.loc[zone]
            ax.scatter([r["longitude"]], [r["latitude"]], s=area(r["mentions"]) * 1.7,
                       facecolors="none", edgecolors=colour, linewidths=2.5, zorder=4)
    ax.grid(True, color="#ddd", lw=0.6)
    ax.set_xlabel("longitude (\u00b0E)")
    ax.set_ylabel("latitude (\u00b0N)")
    ax.set_aspect(1 / math.cos(math.radians(z["latitude"].mean())))  # plate carree at this latitude
    return points, lambda: _label_zones(ax, z.loc[z.index.isin(labelled)], zone_a, zone_b, area,
                                        patheffects)


def _label_zones(ax, z, zone_a, zone_b, area, patheffects):
    order = z.sort_values("latitude", ascending=False)
    colours = [COLOUR_A if i == zone_a else COLOUR_B if i == zone_b else "#222" for i in order.index]
    before = len(ax.texts)
    ringed = order.index.isin([zone_a, zone_b])
    radius = np.sqrt(area(order["mentions"]).to_numpy() * np.where(ringed, 1.7, 1.0)) / 2
    _place_labels(ax, order["longitude"], order["latitude"], order["name"], colours,
                  dx_px=radius * ax.figure.dpi / 72 + 4)
    for text in ax.texts[before:]:
        text.set_path_effects([patheffects.withStroke(linewidth=3, foreground="white")])
        text.set_zorder(5)


def zones_map(summary: pd.DataFrame, zone_a: str, zone_b: str):
    """Every zone at its coordinates: colour = mean sentiment, area = mentions. No map tiles.

    Where zones crowd (Syria and Iraq), a second panel zooms in on them.
    """
    from matplotlib.patches import Rectangle

    z = summary.dropna(subset=["latitude", "longitude"])
    assert len(z), "no zone has coordinates"
    scale = 900 / max(z["mentions"].max(), 1)
    area = lambda m: 30 + scale * m  # noqa: E731 -- bubble area proportional to mentions
    scored = z.dropna(subset=["mean_score"])
    limit = max(scored["mean_score"].abs().max(), 0.05) if len(scored) else 0.1
    norm = TwoSlopeNorm(vcenter=0.0, vmin=-limit, vmax=limit)
    cluster = _densest_cluster(z, radius=5.0)
    zoom = 4 <= len(cluster) < len(z)
    fig, axes = plt.subplots(1, 2 if zoom else 1, figsize=(14, 6.2) if zoom else (10, 7),
                             squeeze=False, layout="constrained",
                             gridspec_kw={"width_ratios": [1.2, 1] if zoom else [1]})
    world = axes[0][0]
    outside = z.index.difference(cluster) if zoom else z.index
    points, label_world = _draw_zones(world, z, zone_a, zone_b, area, norm, outside)
    world.set_xlim(z["longitude"].min() - 5, z["longitude"].max() + 8)
    world.set_ylim(z["latitude"].min() - 4, z["latitude"].max() + 4)
    world.set_title("All zones")
    labellers = [label_world]
    if zoom:
        c = z.loc[cluster]
        box = (c["longitude"].min() - 1.5, c["latitude"].min() - 1.2,
               c["longitude"].max() + 2.5, c["latitude"].max() + 1.2)
        world.add_patch(Rectangle(box[:2], box[2] - box[0], box[3] - box[1], fill=False,
                                  ec="#555", ls="--", lw=1, zorder=2))
        world.text(box[2], box[1] - 0.5, "zoom \u2192", fontsize=8, color="#555", ha="right",
                   va="top")
        detail = axes[0][1]
        _, label_detail = _draw_zones(detail, z, zone_a, zone_b, area, norm, cluster)
        detail.set_xlim(box[0], box[2])
        detail.set_ylim(box[1], box[3])
        detail.set_title("Where the zones crowd")
        labellers.append(label_detail)
    bar = fig.colorbar(points, ax=axes.ravel().tolist(), shrink=0.7, pad=0.02)
    bar.set_label("mean sentiment (-1..+1)")
    top = max(int(z["mentions"].max()), 1)
    sizes = sorted({max(1, top // 10), max(1, top // 2), top})
    handles = [Line2D([], [], marker="o", ls="", markersize=math.sqrt(area(m)), color="#bbb",
                      markeredgecolor="#333", label=f"{m} mentions") for m in sizes]
    if z["mean_score"].isna().any():
        handles.append(Line2D([], [], marker="o", ls="", markersize=8, markerfacecolor="white",
                              markeredgecolor=COLOUR_NEUTRAL, label="no scored sentence"))
    world.legend(handles=handles, loc="lower left", labelspacing=1.6, borderpad=1.0, fontsize=8)
    fig.suptitle("Conflict zones: colour = mean sentiment, size = mentions", fontweight="bold")
    for label in labellers:
        label()
    return fig


# ---------------------------------------------------------------------------------------------
# Topics


def topic_labels(frame: pd.DataFrame) -> dict[int, str]:
    """'3: aleppo, siege, corridor' for each topic number."""
    pairs = frame[["topic", "label"]].drop_duplicates("topic").sort_values("topic")
    return {int(t): f"{int(t)}: {label}" for t, label in zip(pairs["topic"], pairs["label"])}


def topic_terms_table(topics: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """One row per topic: its coherence and its top n terms with weights."""
    rows = []
    for topic, terms in topics.sort_values(["topic", "rank"]).groupby("topic"):
        top = terms.head(n)
        rows.append({"topic": int(topic), "label": top["label"].iloc[0],
                     "coherence (NPMI)": top["coherence_npmi"].iloc[0],
                     "coherence (UMass)": top["coherence_umass"].iloc[0],
                     "top terms (weight)": ", ".join(
                         f"{t} ({w:.3f})" for t, w in zip(top["term"], top["weight"]))})
    return pd.DataFrame(rows).set_index("topic")


def styled_topic_terms(table: pd.DataFrame):
    """The topic-term table for display: 3 decimals, text columns left-aligned."""
    return table.style.format(precision=3).set_properties(
        subset=["label", "top terms (weight)"], **{"text-align": "left"})


def topic_term_bars(topics: pd.DataFrame, n: int = 8, max_topics: int = 20):
    """Small multiples: the top n terms of each topic by weight."""
    numbers = sorted(topics["topic"].unique())[:max_topics]
    cols = min(4, len(numbers))
    rows = math.ceil(len(numbers) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.2 * cols, 2.3 * rows), squeeze=False)
    for ax, topic in zip(axes.flat, numbers):
        terms = topics[topics["topic"] == topic].sort_values("rank").head(n)
        ax.barh(terms["term"], terms["weight"], color=COLOUR_CORPUS)
        ax.invert_yaxis()
        ax.set_title(f"topic {topic}", fontsize=9)
        ax.tick_params(labelsize=8)
        ax.grid(axis="y", visible=False)
    for ax in axes.flat[len(numbers):]:
        ax.set_visible(False)
    fig.supxlabel("term weight in the topic", fontsize=9)
    fig.tight_layout()
    return fig


def topic_model_selection(selection: pd.DataFrame):
    """Perplexity and coherence for each number of topics tried."""
    s = selection.sort_values("k")
    fig, axes = plt.subplots(1, 3, figsize=(12, 3))
    for ax, column, title in zip(axes, ["log_perplexity", "coherence_npmi", "coherence_umass"],
                                 ["log perplexity (lower is better)", "coherence NPMI (higher is better)",
                                  "coherence UMass (higher is better)"]):
        ax.plot(s["k"], s[column], marker="o", color=COLOUR_CORPUS)
        ax.set_xlabel("number of topics k")
        ax.set_title(title, fontsize=10)
    fig.tight_layout()
    return fig


def topic_prevalence_by_zone(prevalence: pd.DataFrame, comparison: pd.DataFrame | None,
                             zone_a: str, zone_b: str, name_a: str, name_b: str):
    """Mean topic share per zone with intervals (corpus in grey), and the differences."""
    labels = topic_labels(prevalence)
    allt = overall(prevalence, period=None, role=None)
    pair = allt[allt["zone"].isin([zone_a, zone_b])]
    assert len(pair), f"topic_prevalence has no all-time rows for {zone_a} or {zone_b}"
    corpus = allt[allt["zone"].isna()].set_index("topic")
    topics = sorted(labels)
    has_diff = comparison is not None and len(comparison) > 0
    fig, axes = plt.subplots(1, 2 if has_diff else 1, figsize=(12 if has_diff else 9,
                             0.45 * len(topics) + 1.6), squeeze=False, sharey=True,
                             gridspec_kw={"width_ratios": [3, 2] if has_diff else [1]})
    ax = axes[0][0]
    for offset, zone, name, colour in ((-0.18, zone_a, name_a, COLOUR_A),
                                       (0.18, zone_b, name_b, COLOUR_B)):
        rows = pair[pair["zone"] == zone].set_index("topic")
        first = True
        for y, topic in enumerate(topics):
            if topic in rows.index:
                r = rows.loc[topic]
                _dot(ax, y + offset, r["mean_share"], r["ci_low"], r["ci_high"], colour, size=6,
                     label=name if first else None)
                first = False
    if len(corpus):
        ys = [y for y, t in enumerate(topics) if t in corpus.index]
        ax.scatter(corpus.loc[[t for t in topics if t in corpus.index], "mean_share"], ys,
                   marker="|", s=200, color=COLOUR_CORPUS, label="whole corpus", zorder=3)
    ax.set_yticks(range(len(topics)), [labels[t] for t in topics])
    ax.set_ylim(len(topics) - 0.5, -0.5)
    ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
    ax.set_xlabel("mean topic share of a unit, 95% interval")
    ax.set_title(f"Topic prevalence: {name_a} vs {name_b}")
    ax.legend(loc="lower right", fontsize=8)
    if has_diff:
        diff = axes[0][1]
        c = comparison.set_index("topic")
        for y, topic in enumerate(topics):
            if topic in c.index:
                r = c.loc[topic]
                significant = r["ci_low"] > 0 or r["ci_high"] < 0
                colour = (COLOUR_A if r["difference"] > 0 else COLOUR_B) if significant else COLOUR_NEUTRAL
                _dot(diff, y, r["difference"], r["ci_low"], r["ci_high"], colour, marker="D", size=5)
        diff.axvline(0, color="#999", lw=0.8)
        diff.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        diff.set_xlabel(f"{name_a} \u2212 {name_b}, 95% interval")
        diff.set_title("Difference")
    fig.tight_layout()
    return fig


def topic_prevalence_over_months(prevalence: pd.DataFrame, zone_a: str, zone_b: str,
                                 name_a: str, name_b: str, max_topics: int = 12):
    """Small multiples: each topic's monthly share in both zones, with interval bands."""
    labels = topic_labels(prevalence)
    monthly = prevalence[prevalence["zone"].isin([zone_a, zone_b]) & prevalence["period"].notna()
                         & prevalence["role"].isna()]
    assert len(monthly), f"topic_prevalence has no monthly rows for {zone_a} or {zone_b}"
    allt = overall(prevalence, period=None, role=None)
    ranked = (allt[allt["zone"].isin([zone_a, zone_b])].groupby("topic")["mean_share"].max()
              .sort_values(ascending=False).index.tolist())
    topics = [t for t in ranked if t in set(monthly["topic"])][:max_topics]
    cols = min(3, len(topics))
    rows = math.ceil(len(topics) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.6 * rows + 0.6), squeeze=False,
                             sharex=True, sharey=True)
    for ax, topic in zip(axes.flat, topics):
        for zone, name, colour in ((zone_a, name_a, COLOUR_A), (zone_b, name_b, COLOUR_B)):
            r = monthly[(monthly["zone"] == zone) & (monthly["topic"] == topic)].sort_values("period")
            if r.empty:
                continue
            x = _months(r["period"])
            ax.fill_between(x, r["ci_low"], r["ci_high"], color=colour, alpha=0.18, lw=0)
            ax.plot(x, r["mean_share"], color=colour, marker="o", markersize=3, lw=1.4, label=name)
        ax.set_title(labels.get(topic, str(topic)), fontsize=9)
        ax.yaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0, decimals=0))
        ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%Y-%m"))
        ax.tick_params(labelsize=8)
    for ax in axes.flat[len(topics):]:
        ax.set_visible(False)
    handles = [Line2D([], [], color=COLOUR_A, marker="o", label=name_a),
               Line2D([], [], color=COLOUR_B, marker="o", label=name_b)]
    fig.legend(handles=handles, loc="upper right", ncol=2)
    fig.supylabel("mean topic share (band: 95% interval)", fontsize=9)
    fig.supxlabel("month", fontsize=9)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return fig
