"""Two sentiment models side by side, per zone (notebook 07-sentiment-models).

The job's ``zone_sentiment`` holds the statistics of the configured model only
(``sentiment.model``: the diplomatic model by default, decision 0023). The ``sentences`` table
keeps CoreNLP's own label and score (``corenlp_label``, ``corenlp_score``) of every scored
sentence beside the diplomatic model's, so CoreNLP's per-zone statistics are computed here, in
pandas, as the job computes ``zone_sentiment`` (``analysis/Sentiment.byZone`` and
``ClusteredMeans``):

- the rows: sentences with ``sentiment_status = "scored"`` and a score, of an analysed document
  (``duplicate_of`` null) and a known turn, one row per zone of ``zones`` (exploded);
- the mean: the sum of the documents' score sums over their sentence counts (= the mean of the
  rows); the shares: each class's share of the rows;
- the 95% interval: a percentile bootstrap over documents (``stats/DocumentBootstrap.means``):
  documents, sorted by id, are resampled with replacement, each with all its sentences, by
  ``java.util.SplittableRandom`` seeded ``sentiment.seed ^ "zone|-|-".hashCode()``; the 2.5th and
  97.5th percentiles are interpolated as R's quantile type 7. ``java_bounded_ints`` reproduces the
  JDK's generator, so applied to the configured model's scores this gives the job's own intervals
  (the notebook checks it does) and applied to CoreNLP's scores the intervals a run with
  ``sentiment.model = corenlp`` would write.

CoreNLP's 5 classes are collapsed to 3 as the held-out evaluation does (decision 0023):
very_negative + negative -> negative, neutral, positive + very_positive -> positive.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

DIPLOMATIC = "diplomatic"
CORENLP = "corenlp"
MODEL_NAMES = {DIPLOMATIC: "diplomatic model", CORENLP: "CoreNLP"}
# Okabe-Ito colours that are neither zone colour (vermillion, blue) of the other notebooks.
MODEL_COLOURS = {DIPLOMATIC: "#009E73", CORENLP: "#CC79A7"}
SCALES = {DIPLOMATIC: "P(positive) \u2212 P(negative)",
          CORENLP: "expected class of 5, mapped to \u22121..+1"}
LABELS = ["negative", "neutral", "positive"]
SHARES = [f"share_{label}" for label in LABELS]
THREE_CLASSES = {"very_negative": "negative", "negative": "negative", "neutral": "neutral",
                 "positive": "positive", "very_positive": "positive"}
# PiYG as the other sentiment charts (pink negative, green positive), neutral a visible grey.
CLASS_COLOURS = {"negative": plt.get_cmap("PiYG")(0.2), "neutral": "#C8C8C8", "positive": plt.get_cmap("PiYG")(0.8)}
MODEL_FILE = Path(__file__).resolve().parent.parent / "src/main/resources/sentiment/diplomatic-model.json"


# ---------------------------------------------------------------------------------------------
# The run's sentiment settings


_SCALAR = re.compile(r'^("?)([A-Za-z0-9_.-]+)\1\s*[=:]\s*(.*?),?$')


def config_block(config: str, block: str) -> dict[str, str]:
    """The scalar settings of one top-level block of the manifest's ``config``.

    ``config`` is the job's merged configuration as Typesafe Config renders it (formatted HOCON,
    ``key=value`` one a line, nested blocks in braces, lists in brackets; JobConfigLoader).
    Values lose their quotes; lists and nested blocks inside the block are skipped.
    """
    path: list[str] = []
    found: dict[str, str] = {}
    for raw in config.splitlines():
        line = raw.strip()
        if not line:
            continue
        opener = re.match(r'^"?([A-Za-z0-9_.-]*)"?\s*[=:]?\s*([{\[])$', line)
        if opener:
            path.append(opener[1] or opener[2])
            continue
        if line.rstrip(",") in ("}", "]"):
            path.pop()
            continue
        scalar = _SCALAR.match(line)
        if scalar and path == [block]:
            found[scalar[2]] = scalar[3].strip().strip('"')
    return found


def sentiment_settings(manifest: dict) -> dict:
    """model, bootstrap_resamples and seed of the run's ``sentiment`` block.

    A run from before the diplomatic model (issue 21) has no ``sentiment.model``: CoreNLP was then
    the only model, so its model is ``corenlp``.
    """
    block = config_block(manifest.get("config") or "", "sentiment")
    assert "seed" in block and "bootstrap-resamples" in block, \
        f"the manifest's config has no sentiment.seed or sentiment.bootstrap-resamples: {block}"
    model = block.get("model", CORENLP)
    assert model in MODEL_NAMES, f"sentiment.model is {model!r}, not one of {sorted(MODEL_NAMES)}"
    return {"model": model, "bootstrap_resamples": int(block["bootstrap-resamples"]),
            "seed": int(block["seed"])}


# ---------------------------------------------------------------------------------------------
# The job's bootstrap, in numpy


def java_string_hash(text: str) -> int:
    """Java's String.hashCode: s[0]*31^(n-1) + ... + s[n-1] over UTF-16 code units, as an int."""
    units = text.encode("utf-16-be")
    h = 0
    for i in range(0, len(units), 2):
        h = (31 * h + (units[i] << 8 | units[i + 1])) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


_CHUNK = 1 << 20  # draws generated at a time
_GOLDEN_GAMMA = np.uint64(0x9E3779B97F4A7C15)
_MIX32_A = np.uint64(0x62A9D9ED799705F5)
_MIX32_B = np.uint64(0xCB24D0A5C88C35B3)


def _java_next_ints(seed: int, start: int, count: int) -> np.ndarray:
    """nextInt() number start+1 .. start+count of java.util.SplittableRandom(seed), as int32.

    JDK 17's SplittableRandom: the state advances by GOLDEN_GAMMA before each draw (nextSeed), and
    nextInt() is mix32 of the state (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number
    generators"; the constants are the JDK's).
    """
    steps = np.arange(start + 1, start + count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed % (1 << 64)) + steps * _GOLDEN_GAMMA
        z = (z ^ (z >> np.uint64(33))) * _MIX32_A
        z = ((z ^ (z >> np.uint64(28))) * _MIX32_B) >> np.uint64(32)
    return z.astype(np.uint32).view(np.int32)


def java_bounded_ints(seed: int, bound: int, count: int) -> np.ndarray:
    """The first `count` values of ``new SplittableRandom(seed).nextInt(bound)``, as int64.

    JDK 17's RandomSupport.boundedNextInt: a power-of-two bound masks the low bits; any other
    bound takes u = r >>> 1 and r = u % bound, drawing again while u + (bound - 1) - r overflows
    an int (the over-represented top of the range). A rejected draw only consumes a value, so the
    picks are the accepted candidates in order.
    """
    assert bound > 0, "bound must be positive"
    if bound & (bound - 1) == 0:
        return np.concatenate([_java_next_ints(seed, start, min(_CHUNK, count - start)).astype(np.int64)
                               & (bound - 1) for start in range(0, count, _CHUNK)] or [np.zeros(0, np.int64)])
    picks: list[np.ndarray] = []
    drawn = have = 0
    while have < count:
        chunk = min(count - have + 64, _CHUNK)  # bounded temporaries on a large corpus
        u = (_java_next_ints(seed, drawn, chunk).view(np.uint32) >> np.uint32(1)).astype(np.int64)
        r = u % bound
        accepted = r[u + (bound - 1) - r < (1 << 31)]
        picks.append(accepted)
        drawn += chunk
        have += len(accepted)
    return np.concatenate(picks)[:count]


def bootstrap_means(score_sums, sentence_counts, resamples: int, seed: int) -> np.ndarray:
    """DocumentBootstrap.means: the sorted bootstrap distribution of the mean score.

    Resample r draws n documents with replacement (n = the number of documents, in the order
    given) and takes the ratio of their score sums to their sentence counts.
    """
    sums = np.asarray(score_sums, dtype=float)
    counts = np.asarray(sentence_counts, dtype=np.int64)
    assert len(sums) == len(counts), "one score sum and one sentence count per document"
    n = len(sums)
    if n == 0:
        return np.full(resamples, np.nan)
    picks = java_bounded_ints(seed, n, resamples * n).reshape(resamples, n)
    means = np.empty(resamples)
    block = max(1, _CHUNK // n)  # resamples at a time: 10,000 documents x 1,000 is 10 million picks
    for r in range(0, resamples, block):
        rows = picks[r:r + block]
        means[r:r + block] = sums[rows].sum(axis=1) / counts[rows].sum(axis=1)
    return np.sort(means)


def percentile(sorted_values: np.ndarray, p: float) -> float:
    """DocumentBootstrap.percentile: linear interpolation between order statistics (R's type 7)."""
    if len(sorted_values) == 0:
        return float("nan")
    h = (len(sorted_values) - 1) * p
    lo = int(np.floor(h))
    hi = min(lo + 1, len(sorted_values) - 1)
    return float(sorted_values[lo] + (h - lo) * (sorted_values[hi] - sorted_values[lo]))


def interval(sorted_means: np.ndarray) -> tuple[float, float]:
    """The 95% percentile interval of a sorted bootstrap distribution."""
    return percentile(sorted_means, 0.025), percentile(sorted_means, 0.975)


def zone_seed(seed: int, zone: str) -> int:
    """The seed of a zone's all-time row: ``seed ^ "zone|-|-".hashCode()`` (Sentiment.level: the
    group key is zone, period, role joined by '|', '-' for a column the level does not group by;
    ClusteredMeans XORs its hash, an int sign-extended to a long, into sentiment.seed)."""
    return seed ^ java_string_hash(f"{zone}|-|-")


# ---------------------------------------------------------------------------------------------
# Per-zone statistics of either model


def zone_rows(sentences: pd.DataFrame, documents: pd.DataFrame, turns: pd.DataFrame) -> pd.DataFrame:
    """One row per (zone, scored sentence) as zone_sentiment counts them (Sentiment.zoneRows).

    Scored sentences with a score, of an analysed document (duplicates left out) and a turn of
    the turns table, exploded over ``zones``; every other column of ``sentences`` is kept.
    """
    scored = sentences[(sentences["sentiment_status"] == "scored") & sentences["sentiment_score"].notna()]
    analysed = documents.loc[documents["duplicate_of"].isna(), ["doc_id"]].drop_duplicates()
    scored = scored.merge(turns[["doc_id", "turn"]].drop_duplicates(), on=["doc_id", "turn"])
    scored = scored.merge(analysed, on="doc_id")
    rows = scored.explode("zones").rename(columns={"zones": "zone"})
    return rows[rows["zone"].notna()].reset_index(drop=True)


def _java_order(doc_ids) -> list[str]:
    """Document ids in Java's String.compareTo order (UTF-16 code units), as ClusteredMeans sorts."""
    return sorted(doc_ids, key=lambda d: d.encode("utf-16-be"))


def zone_statistics(rows: pd.DataFrame, score: str, label: str, resamples: int, seed: int) -> pd.DataFrame:
    """Per zone, all time: n_sentences, n_documents, mean_score, ci_low, ci_high and the shares of
    negative, neutral and positive (5 classes collapsed to 3), computed as the job computes
    zone_sentiment (see the module's docstring). `rows` is ``zone_rows``'s output; `score` and
    `label` name the model's columns."""
    assert rows[score].notna().all(), f"{score} is missing for a scored sentence"
    labels = rows[label].map(THREE_CLASSES)
    assert labels.notna().all(), f"{label} has values outside {sorted(THREE_CLASSES)}"
    frame = pd.DataFrame({"zone": rows["zone"], "doc_id": rows["doc_id"], "score": rows[score]})
    for name in LABELS:
        frame[f"share_{name}"] = (labels == name).astype(int)
    out = []
    for zone, group in frame.groupby("zone", sort=True):
        per_doc = group.groupby("doc_id").agg(doc_sum=("score", "sum"), doc_n=("score", "size"))
        per_doc = per_doc.loc[_java_order(per_doc.index)]
        means = bootstrap_means(per_doc["doc_sum"], per_doc["doc_n"], resamples, zone_seed(seed, zone))
        low, high = interval(means)
        n = int(per_doc["doc_n"].sum())
        record = {"zone": zone, "n_sentences": n, "n_documents": len(per_doc),
                  "mean_score": per_doc["doc_sum"].sum() / n, "ci_low": low, "ci_high": high}
        record.update({c: group[c].sum() / n for c in SHARES})
        out.append(record)
    columns = ["zone", "n_sentences", "n_documents", "mean_score", "ci_low", "ci_high", *SHARES]
    return pd.DataFrame(out, columns=columns).set_index("zone")


def job_statistics(zone_sentiment: pd.DataFrame) -> pd.DataFrame:
    """The job's all-time rows per zone, with its 5 class shares collapsed to 3."""
    rows = zone_sentiment[zone_sentiment["period"].isna() & zone_sentiment["role"].isna()]
    out = rows.set_index("zone")[["n_sentences", "n_documents", "mean_score", "ci_low", "ci_high"]].copy()
    out["share_negative"] = rows["share_very_negative"].fillna(0).to_numpy() + rows["share_negative"].to_numpy()
    out["share_neutral"] = rows["share_neutral"].to_numpy()
    out["share_positive"] = rows["share_positive"].to_numpy() + rows["share_very_positive"].fillna(0).to_numpy()
    return out.sort_index()


def largest_difference(ours: pd.DataFrame, job: pd.DataFrame) -> float:
    """How far statistics computed here are from the job's zone_sentiment (largest absolute
    difference of mean, interval and shares); the zones and the counts must be the same."""
    assert sorted(ours.index) == sorted(job.index), \
        f"zones differ: here {sorted(ours.index)}, the job {sorted(job.index)}"
    job = job.loc[ours.index]
    for column in ("n_sentences", "n_documents"):
        differ = ours[column].to_numpy() != job[column].to_numpy()
        assert not differ.any(), f"{column} differs for {list(ours.index[differ])}"
    columns = ["mean_score", "ci_low", "ci_high", *SHARES]
    return float(np.nanmax(np.abs(ours[columns].to_numpy(float) - job[columns].to_numpy(float))))


# ---------------------------------------------------------------------------------------------
# Agreement between the two models


def confusion(a: pd.Series, b: pd.Series, labels=LABELS) -> pd.DataFrame:
    """Counts of (a's label, b's label): rows a, columns b, every label present."""
    table = pd.crosstab(pd.Categorical(a, labels), pd.Categorical(b, labels), dropna=False)
    table.index.name, table.columns.name = a.name, b.name
    return table.reindex(index=labels, columns=labels, fill_value=0)


def cohen_kappa(table: pd.DataFrame) -> float:
    """Cohen's kappa of a square confusion table: (p_o - p_e) / (1 - p_e), p_o the share on the
    diagonal, p_e the diagonal expected from the margins (Cohen 1960)."""
    counts = table.to_numpy(float)
    n = counts.sum()
    observed = np.trace(counts) / n
    expected = (counts.sum(axis=1) * counts.sum(axis=0)).sum() / n ** 2
    return float((observed - expected) / (1 - expected))


def agreement_by_zone(rows: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Per zone, the share of its sentences to which the two (3-class) labels agree."""
    same = rows[a].map(THREE_CLASSES) == rows[b].map(THREE_CLASSES)
    return same.groupby(rows["zone"]).mean().rename("agreement")


def spearman(x: pd.Series, y: pd.Series) -> float:
    """Spearman's rank correlation: Pearson's r of the ranks, ties given their mean rank."""
    return float(x.rank().corr(y.rank()))


# ---------------------------------------------------------------------------------------------
# Tables and figures


def _mean_ci(r) -> str:
    if r.n_documents == 1:  # the bootstrap of one document has no width: no interval, not certainty
        return f"{r.mean_score:+.3f} (one document)"
    return f"{r.mean_score:+.3f} [{r.ci_low:+.3f}, {r.ci_high:+.3f}]"


def _shares(r) -> str:
    return " / ".join(f"{getattr(r, c):.0%}" for c in SHARES)


def side_by_side(stats: dict[str, pd.DataFrame], names: dict[str, str],
                 agreement: pd.Series | None = None) -> pd.DataFrame:
    """One row per zone (most sentences first): n, then each model's mean [95% CI] and its
    negative / neutral / positive shares, then the agreement of the labels."""
    first = next(iter(stats.values()))
    order = first.sort_values(["n_sentences", "mean_score"], ascending=[False, True]).index
    out = pd.DataFrame(index=order)
    out["zone"] = [names.get(z, z) for z in order]
    out["n sentences"] = first.loc[order, "n_sentences"].astype(int)
    out["n documents"] = first.loc[order, "n_documents"].astype(int)
    for model, frame in stats.items():
        rows = frame.loc[order]
        out[f"{MODEL_NAMES[model]} mean [95% CI]"] = [_mean_ci(r) for r in rows.itertuples()]
    for model, frame in stats.items():
        rows = frame.loc[order]
        out[f"{MODEL_NAMES[model]} neg / neu / pos"] = [_shares(r) for r in rows.itertuples()]
    if agreement is not None:
        out["agreement"] = [f"{v:.0%}" for v in agreement.reindex(order)]
    return out.reset_index(drop=True)


def markdown(table: pd.DataFrame) -> str:
    """A DataFrame as a Markdown table (numbers right-aligned), ready for the README."""
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]
    lines = ["| " + " | ".join(str(c) for c in table.columns) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    for row in table.itertuples(index=False):
        lines.append("| " + " | ".join(str(v) for v in row) + " |")
    return "\n".join(lines)


def _zone_order(stats: dict[str, pd.DataFrame]) -> pd.Index:
    """Zones by the first model's mean, most negative first."""
    return next(iter(stats.values())).sort_values("mean_score").index


def means_side_by_side(stats: dict[str, pd.DataFrame], names: dict[str, str]):
    """Each model's mean score per zone with its 95% interval, one panel per model (own x axis:
    the scores are on different scales), zones in the same rows, most negative first under the
    first model."""
    order = _zone_order(stats)
    fig, axes = plt.subplots(1, len(stats), figsize=(5.2 * len(stats) + 1.5, 0.36 * len(order) + 1.6),
                             sharey=True, squeeze=False)
    for ax, (model, frame) in zip(axes[0], stats.items()):
        rows = frame.loc[order]
        ys = np.arange(len(rows))
        errors = np.vstack([(rows["mean_score"] - rows["ci_low"]).clip(lower=0),
                            (rows["ci_high"] - rows["mean_score"]).clip(lower=0)])
        ax.errorbar(rows["mean_score"], ys, xerr=errors, fmt="o", color=MODEL_COLOURS[model],
                    ecolor=MODEL_COLOURS[model], elinewidth=2, capsize=3, markersize=6)
        ax.axvline(0, color="#999", lw=0.8)
        ax.set_xlabel(f"mean score, 95% interval\n({SCALES[model]})")
        ax.set_title(MODEL_NAMES[model])
    labels = [f"{names.get(z, z)} ({int(n)})" for z, n in zip(order, stats[next(iter(stats))].loc[order, "n_sentences"])]
    axes[0, 0].set_yticks(range(len(order)), labels)
    axes[0, 0].set_ylim(len(order) - 0.5, -0.5)
    axes[0, 0].set_ylabel("zone (scored sentences)")
    fig.suptitle("Mean sentiment per zone, all time", fontweight="bold")
    fig.tight_layout()
    return fig


def shares_side_by_side(stats: dict[str, pd.DataFrame], names: dict[str, str]):
    """Each model's shares of negative, neutral and positive sentences per zone, one panel per
    model, zones in the rows of ``means_side_by_side``."""
    order = _zone_order(stats)
    fig, axes = plt.subplots(1, len(stats), figsize=(5.2 * len(stats) + 1.5, 0.36 * len(order) + 1.9),
                             sharey=True, squeeze=False)
    for ax, (model, frame) in zip(axes[0], stats.items()):
        rows = frame.loc[order]
        ys = np.arange(len(rows))
        start = np.zeros(len(rows))
        for label, column in zip(LABELS, SHARES):
            values = rows[column].to_numpy(float)
            ax.barh(ys, values, left=start, color=CLASS_COLOURS[label], height=0.7, label=label)
            for y, (x0, v) in enumerate(zip(start, values)):
                if v >= 0.12:
                    ax.text(x0 + v / 2, y, f"{v:.0%}", ha="center", va="center", fontsize=7.5,
                            color="black")
            start += values
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(mpl.ticker.PercentFormatter(1.0))
        ax.set_title(MODEL_NAMES[model])
        ax.grid(axis="y", visible=False)
    axes[0, 0].set_yticks(range(len(order)), [names.get(z, z) for z in order])
    axes[0, 0].set_ylim(len(order) - 0.5, -0.5)
    height = fig.get_size_inches()[1]
    fig.legend(*axes[0, 0].get_legend_handles_labels(), ncol=3, loc="lower center", fontsize=9)
    fig.suptitle("Sentences by class per zone (CoreNLP's 5 classes collapsed to 3)", fontweight="bold")
    fig.tight_layout(rect=(0, 0.45 / height, 1, 1))  # room for the legend at the bottom
    return fig


# ---------------------------------------------------------------------------------------------
# The diplomatic model's held-out evaluation


def held_out(path: Path = MODEL_FILE) -> dict | None:
    """The ``held_out`` block of the diplomatic model file, with its labels; None when the file is
    not there (a notebook copied out of the repository)."""
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as f:
        model = json.load(f)
    block = model.get("held_out")
    return None if block is None else {**block, "labels": model.get("labels", LABELS)}


def held_out_markdown(block: dict) -> str:
    """The held-out accuracy, macro-F1 and confusion tables of both models, as Markdown."""
    labels = block["labels"]
    lines = [f"Held-out speeches, {block['sentences']:,} hand-labelled sentences:", "",
             "| model | accuracy | macro-F1 |", "|---|---:|---:|"]
    for model in (CORENLP, DIPLOMATIC):
        m = block[model]
        lines.append(f"| {MODEL_NAMES[model]} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} |")
    lines += ["", "| reference \u2193 predicted \u2192 | " + " | ".join(
        f"{MODEL_NAMES[model]}: {label}" for model in (CORENLP, DIPLOMATIC) for label in labels) + " |",
        "|---|" + "---:|" * (2 * len(labels))]
    for i, label in enumerate(labels):
        cells = [block[model]["confusion_rows_reference_columns_predicted"][i][j]
                 for model in (CORENLP, DIPLOMATIC) for j in range(len(labels))]
        lines.append(f"| {label} | " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)
