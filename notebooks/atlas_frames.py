"""The framing and actor charts and tables (notebooks 05-frames, 06-actors and the report).

Each function takes DataFrames as read by ``atlas.Snapshot.table`` (tables frames,
frame_comparisons, frame_mentions, actor_events, actors) and returns a Figure for
``atlas.show``, or a DataFrame / HTML to display. As in ``atlas_plots``: the first zone is
``atlas.COLOUR_A`` (vermillion), the second ``atlas.COLOUR_B`` (blue); intervals are the job's
95% intervals, as error bars or bands.
"""

from __future__ import annotations

import html
import math
import re

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from atlas import COLOUR_A, COLOUR_B, COLOUR_CORPUS, COLOUR_NEUTRAL, analysed, overall

RATE_LABEL = "hits per 10,000 running words"


def _errors(rows: pd.DataFrame, value: str) -> np.ndarray:
    """Error-bar lengths from ci_low/ci_high; a missing interval (one document) draws none."""
    low = (rows[value] - rows["ci_low"]).fillna(0).clip(lower=0)
    high = (rows["ci_high"] - rows[value]).fillna(0).clip(lower=0)
    return np.vstack([low.to_numpy(dtype=float), high.to_numpy(dtype=float)])


def _short(text, width: int = 32) -> str:
    """An axis label of at most `width` characters (an actor not in the dictionary is a phrase)."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _supported(rows: pd.DataFrame) -> pd.Series:
    """A difference the sample supports: its 95% interval excludes zero, and each side has two or
    more documents (a bootstrap over one document gives a zero-width interval, not certainty)."""
    enough = (rows["n_documents_target"] >= 2) & (rows["n_documents_reference"] >= 2)
    return enough & ((rows["ci_low"] > 0) | (rows["ci_high"] < 0))


def _bold_labels(ax, bold: list[bool]) -> None:
    for label, strong in zip(ax.get_yticklabels(), bold):
        if strong:
            label.set_fontweight("bold")


# ---------------------------------------------------------------------------------------------
# Framing: category rates


def has_children(categories) -> set[str]:
    """The categories that are parents of another ('capture' when 'capture/fall' is there)."""
    names = set(categories)
    return {c for c in names if any(other.startswith(c + "/") for other in names)}


def zones_or_corpus(zone_a: str, zone_b: str):
    """A pyarrow filter keeping the two zones' rows and the corpus's (zone null) of frames."""
    import pyarrow.compute as pc

    return pc.field("zone").isin([zone_a, zone_b]) | pc.field("zone").is_null()


def months(frames: pd.DataFrame, zone_a: str, zone_b: str) -> list[str]:
    """The months frames has rows for in either zone (none when their documents are undated)."""
    return sorted(frames.loc[frames["zone"].isin([zone_a, zone_b]), "period"].dropna().unique())


def _pair_all_time(frames: pd.DataFrame, zone_a: str, zone_b: str) -> pd.DataFrame:
    allt = overall(frames, period=None, role=None, source=None)
    pair = allt[allt["zone"].isin([zone_a, zone_b])]
    for zone in (zone_a, zone_b):
        assert (pair["zone"] == zone).any(), f"frames has no all-time rows for {zone}"
    return pair


def category_rates(frames: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str,
                   max_depth: int | None = None):
    """Per dictionary: each category's rate in both zones as bars with 95% error bars.

    Categories are in tree order (a parent, in bold, above its children: 'capture',
    'capture/fall', ...); a parent counts its children's hits too. The grey tick is the whole
    corpus's rate. `max_depth` = 1 keeps only the top-level categories.
    """
    pair = _pair_all_time(frames, zone_a, zone_b)
    corpus = overall(frames, zone=None, period=None, role=None, source=None)
    if max_depth is not None:
        pair = pair[pair["category"].str.count("/") < max_depth]
    dictionaries = sorted(pair["dictionary"].unique())
    categories = {d: sorted(pair.loc[pair["dictionary"] == d, "category"].unique()) for d in dictionaries}
    sizes = [len(categories[d]) for d in dictionaries]
    fig, axes = plt.subplots(len(dictionaries), 1, squeeze=False,
                             figsize=(10, 0.34 * sum(sizes) + 1.1 * len(dictionaries) + 0.6),
                             gridspec_kw={"height_ratios": [n + 2 for n in sizes]})
    for ax, dictionary in zip(axes[:, 0], dictionaries):
        cats = categories[dictionary]
        index = {c: y for y, c in enumerate(cats)}
        for offset, zone, name, colour in ((-0.2, zone_a, name_a, COLOUR_A), (0.2, zone_b, name_b, COLOUR_B)):
            rows = pair[(pair["dictionary"] == dictionary) & (pair["zone"] == zone)]
            ys = rows["category"].map(index).to_numpy() + offset
            ax.barh(ys, rows["rate"], height=0.38, color=colour, alpha=0.85, label=name,
                    xerr=_errors(rows, "rate"), error_kw={"ecolor": "#333", "elinewidth": 1, "capsize": 2})
        here = corpus[(corpus["dictionary"] == dictionary) & corpus["category"].isin(cats)]
        if len(here):
            ax.scatter(here["rate"], here["category"].map(index), marker="|", s=260, color=COLOUR_CORPUS,
                       label="whole corpus", zorder=3)
        ax.set_yticks(range(len(cats)), cats)
        parents = has_children(cats)
        _bold_labels(ax, [c in parents for c in cats])
        ax.set_ylim(len(cats) - 0.5, -0.6)
        ax.set_xlabel(f"{RATE_LABEL}, 95% interval")
        ax.set_title(f"Dictionary {dictionary}: {name_a} vs {name_b}")
        ax.legend(loc="best", fontsize=8)
        ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig


def styled_rates(frames: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str):
    """The all-time rows of both zones as a table: rate, hits, documents with a hit."""
    pair = _pair_all_time(frames, zone_a, zone_b)
    pair = pair.assign(zone=pair["zone"].map({zone_a: name_a, zone_b: name_b}))
    table = pair.pivot_table(index=["dictionary", "category"], columns="zone",
                             values=["rate", "count", "document_share"])
    headers = {"rate": "rate per 10,000 words", "count": "hits", "document_share": "documents with a hit"}
    table = table.reindex(columns=pd.MultiIndex.from_product([list(headers), [name_a, name_b]]))
    table = table.rename(columns=headers, level=0)
    return table.style.format("{:.2f}", subset=[headers["rate"]], na_rep="").format(
        "{:.0f}", subset=[headers["count"]], na_rep="").format(
        "{:.0%}", subset=[headers["document_share"]], na_rep="")


def frame_differences(comparison: pd.DataFrame, name_a: str, name_b: str):
    """Forest plot of the job's differences of rates (first zone minus second), per dictionary.

    Sorted by the difference; a category whose 95% interval excludes zero (with two or more
    documents a side) takes the colour of the zone it is more frequent in, and its label is bold. Hits on each side at the right; a
    category without a hit on either side is left out.
    """
    c = comparison.dropna(subset=["difference"])
    c = c[c["count_target"] + c["count_reference"] > 0]  # no hit on either side: nothing to compare
    assert len(c), "frame_comparisons has no category with hits for these zones"
    dictionaries = sorted(c["dictionary"].unique())
    sizes = [int((c["dictionary"] == d).sum()) for d in dictionaries]
    fig, axes = plt.subplots(len(dictionaries), 1, squeeze=False,
                             figsize=(10, 0.3 * sum(sizes) + 1.1 * len(dictionaries) + 0.6),
                             gridspec_kw={"height_ratios": [n + 2 for n in sizes]})
    for ax, dictionary in zip(axes[:, 0], dictionaries):
        rows = c[c["dictionary"] == dictionary].sort_values("difference", ascending=False)
        significant = _supported(rows).to_numpy()
        colours = [(COLOUR_A if d > 0 else COLOUR_B) if s else COLOUR_NEUTRAL
                   for d, s in zip(rows["difference"], significant)]
        for y, (r, colour) in enumerate(zip(rows.itertuples(index=False), colours)):
            err = _errors(pd.DataFrame([r._asdict()]), "difference")
            ax.errorbar(r.difference, y, xerr=err, fmt="D", color=colour, ecolor=colour,
                        elinewidth=2, capsize=3, markersize=5)
            ax.text(1.01, y, f"{int(r.count_target)} / {int(r.count_reference)}",
                    transform=ax.get_yaxis_transform(), va="center", fontsize=8, color="#555")
        ax.text(1.01, -1, "hits", transform=ax.get_yaxis_transform(), va="center", fontsize=8,
                color="#555")
        ax.set_yticks(range(len(rows)), rows["category"])
        _bold_labels(ax, list(significant))
        ax.set_ylim(len(rows) - 0.5, -1.5)
        ax.axvline(0, color="#999", lw=0.8)
        ax.set_xlabel(f"{name_a} \u2212 {name_b}: {RATE_LABEL}, 95% interval")
        ax.set_title(f"Dictionary {dictionary}: difference of rates")
        ax.grid(axis="y", visible=False)
    handles = [Line2D([], [], marker="D", ls="", color=COLOUR_A, label=f"more in {name_a}"),
               Line2D([], [], marker="D", ls="", color=COLOUR_B, label=f"more in {name_b}"),
               Line2D([], [], marker="D", ls="", color=COLOUR_NEUTRAL,
                      label="interval includes 0\n(or one document a side)")]
    axes[0, 0].legend(handles=handles, loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


def most_different(frames: pd.DataFrame, comparison: pd.DataFrame | None, zone_a: str, zone_b: str,
                   n: int = 6) -> list[tuple[str, str]]:
    """(dictionary, category) of the n categories that differ most between the two zones.

    From the job's comparison when there is one (intervals excluding zero first, then by the
    size of the difference); else from the all-time rates. A category whose parent or child is
    already picked is passed over, so that 'capture' and 'capture/fall' do not both take a panel.
    """
    if comparison is not None and len(comparison.dropna(subset=["difference"])):
        ranked = comparison.dropna(subset=["difference"])
        ranked = ranked.assign(_sig=_supported(ranked), _size=ranked["difference"].abs())
        ranked = ranked.sort_values(["_sig", "_size"], ascending=False)
    else:
        pair = _pair_all_time(frames, zone_a, zone_b)
        rates = pair.pivot_table(index=["dictionary", "category"], columns="zone", values="rate").fillna(0)
        size = (rates.get(zone_a, 0) - rates.get(zone_b, 0)).abs()
        ranked = size.rename("_size").reset_index().sort_values("_size", ascending=False)
    picked: list[tuple[str, str]] = []
    for dictionary, category in zip(ranked["dictionary"], ranked["category"]):
        if not any(d == dictionary and _related(c, category) for d, c in picked):
            picked.append((dictionary, category))
        if len(picked) == n:
            break
    return picked


def rates_over_months(frames: pd.DataFrame, picked: list[tuple[str, str]], zone_a: str, zone_b: str,
                      name_a: str, name_b: str):
    """Small multiples: each picked category's monthly rate in both zones, with 95% bands."""
    monthly = frames[frames["zone"].isin([zone_a, zone_b]) & frames["period"].notna()
                     & frames["role"].isna() & frames["source"].isna()]
    assert len(monthly), f"frames has no monthly rows for {zone_a} or {zone_b}"
    wanted = [(d, c) for d, c in picked
              if ((monthly["dictionary"] == d) & (monthly["category"] == c)).any()]
    assert wanted, "none of the picked categories has monthly rows"
    several = monthly["dictionary"].nunique() > 1
    first, last = pd.to_datetime(monthly["period"].min() + "-01"), pd.to_datetime(monthly["period"].max() + "-01")
    step = max(1, math.ceil(((last.year - first.year) * 12 + last.month - first.month + 1) / 6))  # <= 6 ticks
    cols = min(3, len(wanted))
    rows_n = math.ceil(len(wanted) / cols)
    fig, axes = plt.subplots(rows_n, cols, figsize=(4.2 * cols, 2.6 * rows_n + 0.7), squeeze=False,
                             sharex=True)
    for ax, (dictionary, category) in zip(axes.flat, wanted):
        for zone, name, colour in ((zone_a, name_a, COLOUR_A), (zone_b, name_b, COLOUR_B)):
            r = monthly[(monthly["zone"] == zone) & (monthly["dictionary"] == dictionary)
                        & (monthly["category"] == category)].sort_values("period")
            if r.empty:
                continue
            x = pd.DatetimeIndex(pd.to_datetime(r["period"] + "-01"))
            ax.fill_between(x, r["ci_low"].fillna(r["rate"]), r["ci_high"].fillna(r["rate"]),
                            color=colour, alpha=0.18, lw=0)
            ax.plot(x, r["rate"], color=colour, marker="o", markersize=3, lw=1.4, label=name)
        ax.set_title(f"{dictionary}: {category}" if several else category, fontsize=9)
        ax.set_ylim(bottom=0)
        ax.set_xlim(first - pd.Timedelta(days=20), last + pd.Timedelta(days=20))
        ax.xaxis.set_major_locator(mpl.dates.MonthLocator(interval=step))
        ax.xaxis.set_major_formatter(mpl.dates.DateFormatter("%Y-%m"))
        ax.tick_params(labelsize=8)
    for ax in axes.flat[len(wanted):]:
        ax.set_visible(False)
    handles = [Line2D([], [], color=COLOUR_A, marker="o", label=name_a),
               Line2D([], [], color=COLOUR_B, marker="o", label=name_b)]
    fig.legend(handles=handles, loc="upper right", ncol=2)
    fig.supylabel(f"{RATE_LABEL}\n(band: 95% interval)", fontsize=9)
    fig.supxlabel("month", fontsize=9)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 0.94))
    return fig


def top_category(frame_mentions: pd.DataFrame, zone: str) -> tuple[str, str] | None:
    """(dictionary, category) with the most hits in the zone's windows (frame_mentions names the
    most specific category that matched, so parents are not counted twice); None without hits."""
    rows = frame_mentions[frame_mentions["zone"] == zone]
    if rows.empty:
        return None
    counts = rows.groupby(["dictionary", "category"]).size().reset_index(name="hits")
    top = counts.sort_values(["hits", "dictionary", "category"], ascending=[False, True, True]).iloc[0]
    return top["dictionary"], top["category"]


# ---------------------------------------------------------------------------------------------
# Actors

# Pronouns and other closed-class words the parse gives as an agent or target ("we", "i",
# "this", "everyone"): they say that someone acts, not who. English personal, possessive,
# reflexive, demonstrative, interrogative/relative and indefinite pronouns (as listed in Quirk et
# al. 1985, A Comprehensive Grammar of the English Language, ch. 6, quantifiers included),
# compared lower-cased: outside the actor dictionary the job writes the phrase as it found it.
PRONOUNS = frozenset("""
i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves one oneself
this that these those who whom whose what which whoever whatever whichever
everyone everybody everything someone somebody something anyone anybody anything
nobody nothing none all some any each both either neither many more most much few several
other others another such
""".split()) | {"no one"}


def is_pronoun(names: pd.Series) -> pd.Series:
    """Whether each actor name is a pronoun or other closed-class word (see PRONOUNS)."""
    return names.fillna("").str.strip().str.lower().isin(PRONOUNS)


def drop_pronouns(actors: pd.DataFrame, events: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame | None, int]:
    """The actors without pronoun actors, and the events with a pronoun agent or target set to
    null (the event stays for its other side); also how many events had one."""
    actors = actors[~is_pronoun(actors["actor"])]
    if events is None:
        return actors, None, 0
    agent, target = is_pronoun(events["agent"]), is_pronoun(events["target"])
    events = events.assign(agent=events["agent"].mask(agent), agent_text=events["agent_text"].mask(agent),
                           target=events["target"].mask(target), target_text=events["target_text"].mask(target))
    return actors, events, int((agent | target).sum())



def _actor_panel(ax, rows: pd.DataFrame, column: str, colour: str, title: str, n: int, what: str):
    top = rows[rows[column] > 0].nlargest(n, column)
    ax.set_title(title)
    if top.empty:
        ax.text(0.5, 0.5, f"no {what}", ha="center", va="center", transform=ax.transAxes, color="#666")
        ax.axis("off")
        return
    ax.barh(range(len(top)), top[column], color=colour, height=0.6)
    ax.set_yticks(range(len(top)), [_short(a) for a in top["actor"]])
    for y, value in enumerate(top[column]):
        ax.text(value, y, f" {int(value)}", va="center", fontsize=8)
    ax.set_ylim(len(top) - 0.5, -0.5)
    ax.set_xlim(0, top[column].max() * 1.15)
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)


def has_events(actors: pd.DataFrame, zone_a: str, zone_b: str) -> bool:
    """Whether any actor of the two zones is the agent or the target of an event, all time."""
    allt = actors[actors["zone"].isin([zone_a, zone_b]) & actors["period"].isna()]
    return bool(((allt["as_agent"] > 0) | (allt["as_target"] > 0)).any())


def top_actors(actors: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str, n: int = 10):
    """The n actors most often agent (who acts) and target (acted upon) in each zone, all time."""
    allt = actors[actors["zone"].isin([zone_a, zone_b]) & actors["period"].isna()]
    assert ((allt["as_agent"] > 0) | (allt["as_target"] > 0)).any(), \
        f"actors has no events for {zone_a} or {zone_b}"
    fig, axes = plt.subplots(2, 2, figsize=(11, 0.5 * n + 2.4))
    for row, (zone, name, colour) in enumerate(((zone_a, name_a, COLOUR_A), (zone_b, name_b, COLOUR_B))):
        rows = allt[allt["zone"] == zone]
        _actor_panel(axes[row, 0], rows, "as_agent", colour, f"{name}: who acts (agent)", n,
                     f"event with an agent in {name}")
        _actor_panel(axes[row, 1], rows, "as_target", colour, f"{name}: acted upon (target)", n,
                     f"event with a target in {name}")
    for ax in axes[1]:
        if ax.axison:
            ax.set_xlabel("events")
    fig.tight_layout()
    return fig


def top_pairs(events: pd.DataFrame, zone: str, n: int = 5) -> pd.DataFrame:
    """The n (agent, target) pairs with the most events in the zone: agent, target, events."""
    e = events[(events["zone"] == zone) & events["agent"].notna() & events["target"].notna()]
    pairs = e.groupby(["agent", "target"]).size().rename("events").reset_index()
    return pairs.sort_values(["events", "agent", "target"], ascending=[False, True, True]).head(n)


def pair_verbs(events: pd.DataFrame, zone: str, pairs: int = 5, verbs: int = 4) -> pd.DataFrame:
    """The verbs linking the zone's top agent -> target pairs: per pair its most frequent verbs,
    each with its events, the share negated and passive, and the mean sentence sentiment."""
    top = top_pairs(events, zone, pairs)
    e = events[events["zone"] == zone].merge(top[["agent", "target"]], on=["agent", "target"])
    by_verb = e.groupby(["agent", "target", "verb"]).agg(
        verb_events=("doc_id", "size"), negated=("negated", "mean"), passive=("passive", "mean"),
        sentiment=("sentiment_score", "mean")).reset_index()
    out = top.merge(by_verb, on=["agent", "target"])
    out = out.sort_values(["events", "agent", "target", "verb_events", "verb"],
                          ascending=[False, True, True, False, True])
    out = out.groupby(["agent", "target"], sort=False).head(verbs)
    out.insert(0, "pair", out["agent"] + " \u2192 " + out["target"] + " (" + out["events"].astype(str) + ")")
    return out[["pair", "verb", "verb_events", "negated", "passive", "sentiment"]].rename(
        columns={"pair": "agent \u2192 target (events)", "verb_events": "events",
                 "sentiment": "mean sentiment"})


def styled_pair_verbs(table: pd.DataFrame):
    first = "agent \u2192 target (events)"
    shown = table.assign(**{first: table[first].where(table[first] != table[first].shift(), "")})
    return shown.style.hide(axis="index").format(
        {"negated": "{:.0%}", "passive": "{:.0%}", "mean sentiment": "{:+.2f}"}, na_rep="").set_properties(
        subset=[first, "verb"], **{"text-align": "left"})


def toned_actors(actors: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str,
                 min_sentences: int = 3) -> pd.DataFrame:
    """The all-time actor rows of the two zones with at least `min_sentences` scored sentences,
    the two zones themselves left out (nearly every sentence of a zone's window names it: its
    tone is the zone's mean)."""
    own = {z.lower() for z in (zone_a, zone_b, name_a, name_b)}
    return actors[actors["zone"].isin([zone_a, zone_b]) & actors["period"].isna()
                  & (actors["n_sentences"] >= min_sentences) & ~actors["actor"].str.lower().isin(own)]


def actor_sentiment(actors: pd.DataFrame, zone_a: str, zone_b: str, name_a: str, name_b: str,
                    n: int = 12, min_sentences: int = 3, zone_means: dict[str, float] | None = None):
    """Forest plot: mean sentiment of the sentences mentioning each actor, both zones, 95% intervals.

    The n actors with the most such sentences in the two zones together (`toned_actors`: at least
    `min_sentences` in a zone to be drawn for it, the zones themselves left out); dashed lines:
    each zone's own mean.
    """
    allt = toned_actors(actors, zone_a, zone_b, name_a, name_b, min_sentences)
    assert len(allt), f"no actor has {min_sentences}+ scored sentences in {zone_a} or {zone_b}"
    ranked = allt.groupby("actor")["n_sentences"].sum().sort_values(ascending=False)
    names = ranked.head(n).index.tolist()
    fig, ax = plt.subplots(figsize=(10, 0.5 * len(names) + 1.8))
    for offset, zone, name, colour in ((-0.17, zone_a, name_a, COLOUR_A), (0.17, zone_b, name_b, COLOUR_B)):
        rows = allt[(allt["zone"] == zone) & allt["actor"].isin(names)]
        ys = rows["actor"].map({a: y for y, a in enumerate(names)}).to_numpy() + offset
        ax.errorbar(rows["mean_score"], ys, xerr=_errors(rows, "mean_score"), fmt="o", color=colour,
                    ecolor=colour, elinewidth=2, capsize=3, markersize=6, label=name)
        for y, r in zip(ys, rows.itertuples(index=False)):
            right = r.mean_score if pd.isna(r.ci_high) else max(r.ci_high, r.mean_score)
            ax.text(right, y, f"  {int(r.n_sentences)}", va="center", fontsize=7, color="#666")
        if zone_means and not pd.isna(zone_means.get(zone)):
            ax.axvline(zone_means[zone], color=colour, lw=1, ls="--", alpha=0.7)
    ax.set_yticks(range(len(names)), [_short(a) for a in names])
    ax.set_ylim(len(names) - 0.5, -0.6)
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_xlabel("mean sentiment of the sentences mentioning the actor (-1..+1), 95% interval")
    ax.set_title(f"Tone around each actor: {name_a} vs {name_b} (numbers: sentences)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
              title="dashed: zone mean" if zone_means else None, title_fontsize=8)
    ax.grid(axis="y", visible=False)
    fig.tight_layout()
    return fig


def pair_sentences(events: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame,
                   turns: pd.DataFrame, zone: str, agent: str, target: str, n: int = 4) -> pd.DataFrame:
    """Up to n sentences of the zone where agent acts on target, one per transcript first, oldest
    first, with the sentence's text (sentences joined by doc_id, turn and sentence)."""
    e = events[(events["zone"] == zone) & (events["agent"] == agent) & (events["target"] == target)]
    e = e.drop_duplicates(["doc_id", "turn", "sentence"])
    docs = analysed(documents)[["doc_id", "date", "source"]].drop_duplicates("doc_id")
    e = (e.merge(sentences[["doc_id", "turn", "sentence", "text"]], on=["doc_id", "turn", "sentence"],
                 how="inner")
         .merge(docs, on="doc_id", how="left")
         .merge(turns[["doc_id", "turn", "role"]], on=["doc_id", "turn"], how="left"))
    e = e.sort_values(["date", "doc_id", "sentence"])
    e["nth"] = e.groupby("doc_id").cumcount()
    picked = e.sort_values(["nth", "date"]).head(n).sort_values(["date", "doc_id", "sentence"])
    picked = picked.assign(date=picked["date"].dt.strftime("%Y-%m-%d").fillna("undated"))
    return picked[["date", "source", "role", "text", "agent_text", "verb", "target_text", "negated",
                   "passive", "sentiment_score"]].reset_index(drop=True)


def _mark(text: str, phrase, style: str) -> str:
    """Escaped text with the first case-insensitive occurrence of phrase wrapped in a styled span."""
    if not isinstance(phrase, str) or not phrase.strip():
        return text
    return re.sub(re.escape(html.escape(phrase)), lambda m: f"<span style='{style}'>{m[0]}</span>", text,
                  count=1, flags=re.IGNORECASE)


def sentences_html(lines: pd.DataFrame, colour: str) -> str:
    """Example sentences as an HTML table (the KWIC style): the agent's phrase bold in the zone's
    colour, the target's underlined, the event and the sentence's score alongside."""
    rows = []
    for r in lines.itertuples(index=False):
        text = _mark(html.escape(str(r.text)), r.agent_text, f"font-weight:bold;color:{colour}")
        text = _mark(text, r.target_text, "text-decoration:underline")
        flags = ", ".join(f for f, on in (("negated", r.negated), ("passive", r.passive)) if on)
        event = f"{r.agent_text} \u2014{r.verb}\u2192 {r.target_text}" + (f" ({flags})" if flags else "")
        score = "" if pd.isna(r.sentiment_score) else f"{r.sentiment_score:+.2f}"
        rows.append(
            "<tr>"
            f"<td style='white-space:nowrap;color:#666'>{html.escape(str(r.date))} "
            f"{html.escape(str(r.source))}, {html.escape(str(r.role))}</td>"
            f"<td style='text-align:left'>{text}</td>"
            f"<td style='text-align:left;color:#555'>{html.escape(event)}</td>"
            f"<td style='text-align:right'>{score}</td></tr>")
    return ("<table class='atlas-kwic' style='font-size:90%'><thead><tr><th>date, source, role</th>"
            "<th style='text-align:left'>sentence</th><th style='text-align:left'>event</th>"
            "<th>sentiment</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
