"""Unit tests of atlas_sentiment (notebook 07-sentiment-models): the job's bootstrap reproduced in
numpy, the per-zone statistics, Cohen's kappa, Spearman's rho and the run's settings.

    target/notebooks-venv/bin/python -B -m unittest discover -s notebooks/tests -v

(NotebooksPythonTest runs this.) Expected values are worked out by hand in the comments; the
random draws are checked against the JDK's own java.util.SplittableRandom, the generator the
job's DocumentBootstrap uses.
"""

import math
import sys
import unittest
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display in tests
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # notebooks/

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import atlas_sentiment as s  # noqa: E402


class JavaRandomTest(unittest.TestCase):
    def test_string_hash_is_javas(self):
        # "ab": 'a' * 31 + 'b' = 97 * 31 + 98 = 3105.
        self.assertEqual(s.java_string_hash("ab"), 3105)
        self.assertEqual(s.java_string_hash(""), 0)
        # One emoji is two UTF-16 code units, 0xD83D 0xDE00: 55357 * 31 + 56832 = 1,716,067 + 56,832.
        self.assertEqual(s.java_string_hash("\U0001F600"), 1_772_899)
        # Overflow wraps to a negative int: "polygenelubricants".hashCode() is Integer.MIN_VALUE,
        # the well-known Java example (31-power sum = -2^31 mod 2^32).
        self.assertEqual(s.java_string_hash("polygenelubricants"), -(2 ** 31))

    def test_zone_seed_xors_the_sign_extended_hash(self):
        # "ab|-|-": a b | - | - = 97, 98, 124, 45, 124, 45; Horner with 31:
        # 97 -> 97*31+98 = 3105 -> 3105*31+124 = 96,379 -> 96,379*31+45 = 2,987,794
        # -> 2,987,794*31+124 = 92,621,738 -> 92,621,738*31+45 = 2,871,273,923, above 2^31 - 1,
        # so the int is 2,871,273,923 - 2^32 = -1,423,693,373; seed 0 ^ that = that.
        self.assertEqual(s.java_string_hash("ab|-|-"), -1_423_693_373)
        self.assertEqual(s.zone_seed(0, "ab"), -1_423_693_373)

    def test_bounded_ints_are_the_jdks(self):
        # Printed by JDK 17 (the reference, not this code): new SplittableRandom(42L), then 12 x
        # nextInt(bound), a new generator per bound (/tmp SR.java during development).
        jdk = {
            1: [0] * 12,
            2: [0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0],
            7: [2, 5, 6, 1, 2, 1, 3, 5, 6, 6, 3, 4],
            16: [14, 9, 2, 8, 11, 15, 0, 14, 1, 4, 3, 14],  # a power of two: the low bits
            20: [11, 16, 1, 12, 1, 11, 16, 19, 8, 6, 5, 11],
            1_000_003: [839328, 696194, 818857, 198267, 982653, 360249, 458571, 14400, 542411,
                        815160, 436394, 143265],
        }
        for bound, values in jdk.items():
            self.assertEqual(s.java_bounded_ints(42, bound, 12).tolist(), values, f"bound {bound}")
        # Bound 2^30 + 1 (m = 2^30): u = r >>> 1 is below 2^31; for u >= bound, r = u - bound and
        # u + m - r = bound + m = 2^31 + 1 overflows an int, so about half the draws are rejected
        # and the picks skip them. JDK 17, new SplittableRandom(7L), 8 x nextInt(2^30 + 1).
        self.assertEqual(s.java_bounded_ints(7, (1 << 30) + 1, 8).tolist(),
                         [349607553, 784385053, 493486521, 527000107, 884477684, 356735844,
                          898931233, 504971830])
        # A negative seed (a zone's seed after XOR) is the same 64 bits as Java's long.
        self.assertEqual(s.java_bounded_ints(-1, 16, 3).tolist(),
                         s.java_bounded_ints((1 << 64) - 1, 16, 3).tolist())


class BootstrapTest(unittest.TestCase):
    def test_percentile_interpolates_as_r_type_7(self):
        # 5 values: h = 4 * 0.025 = 0.1 -> 1 + 0.1 * (2 - 1) = 1.1; h = 4 * 0.975 = 3.9 -> 4.9.
        self.assertAlmostEqual(s.percentile(np.array([1.0, 2, 3, 4, 5]), 0.025), 1.1)
        self.assertEqual(s.interval(np.array([1.0, 2, 3, 4, 5])), (1.1, 4.9))
        # 0..999: h = 999 * 0.025 = 24.975 and 999 * 0.975 = 974.025, the values themselves.
        low, high = s.interval(np.arange(1000.0))
        self.assertAlmostEqual(low, 24.975)
        self.assertAlmostEqual(high, 974.025)

    def test_one_document_has_no_width(self):
        # Every resample draws the one document: 3.0 / 4 sentences = 0.75, 1,000 times.
        means = s.bootstrap_means([3.0], [4], 1000, 7)
        self.assertTrue(np.all(means == 0.75))
        self.assertEqual(s.interval(means), (0.75, 0.75))

    def test_documents_are_resampled_with_all_their_sentences(self):
        # Document A: 2 sentences summing to +1.0; B: 4 sentences summing to -2.0. A resample of
        # two documents is AA = 2.0 / 4 = +0.5, AB = (1 - 2) / (2 + 4) = -1/6 (the ratio of sums,
        # not the mean of the two document means, 0), or BB = -4 / 8 = -0.5.
        # SplittableRandom(42).nextInt(2) draws (JDK, above) 0 1 | 0 0 | 1 1 | 0 0 | 1 0 | 1 0:
        # AB, AA, BB, AA, AB, AB -> sorted -0.5, -1/6, -1/6, -1/6, +0.5, +0.5.
        means = s.bootstrap_means([1.0, -2.0], [2, 4], 6, 42)
        np.testing.assert_allclose(means, [-0.5, -1 / 6, -1 / 6, -1 / 6, 0.5, 0.5])
        # With 1,000 resamples: AA and BB a quarter each, AB a half (binomial sd about 14-16).
        many = s.bootstrap_means([1.0, -2.0], [2, 4], 1000, 20170314)
        counts = {v: int(np.isclose(many, v).sum()) for v in (0.5, -1 / 6, -0.5)}
        self.assertEqual(sum(counts.values()), 1000)
        self.assertLess(abs(counts[0.5] - 250), 60)
        self.assertLess(abs(counts[-1 / 6] - 500), 60)
        # The 25th and the 975th of 1,000 sorted values fall in the BB and AA blocks.
        self.assertEqual(s.interval(many), (-0.5, 0.5))
        # Seeded: the same seed gives the same distribution.
        np.testing.assert_array_equal(many, s.bootstrap_means([1.0, -2.0], [2, 4], 1000, 20170314))


def _sentences():
    """Two transcripts and a duplicate: d1 names Aleppo (three sentences, the last also in Mosul's
    window), d2 Mosul; d3 is a duplicate of d1; a too-long sentence and one outside any window."""
    return pd.DataFrame([
        # doc, turn, sentence, zones, status, diplomatic label/score, CoreNLP label/score
        ("d1", 1, 1, ["aleppo"], "scored", "negative", -0.6, "very_negative", -0.7),
        ("d1", 1, 2, ["aleppo"], "scored", "neutral", 0.2, "neutral", 0.0),
        ("d1", 2, 3, ["aleppo", "mosul"], "scored", "positive", 0.4, "negative", -0.2),
        ("d1", 2, 4, ["aleppo"], "too_long", None, None, None, None),
        ("d1", 2, 5, [], None, None, None, None, None),
        ("d2", 1, 1, ["mosul"], "scored", "negative", -0.8, "neutral", 0.1),
        ("d3", 1, 1, ["mosul"], "scored", "positive", 0.9, "positive", 0.5),
    ], columns=["doc_id", "turn", "sentence", "zones", "sentiment_status", "sentiment_label",
                "sentiment_score", "corenlp_label", "corenlp_score"])


def _rows():
    documents = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "duplicate_of": [None, None, "d1"]})
    turns = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "turn": [1, 2, 1, 1]})
    return s.zone_rows(_sentences(), documents, turns)


class ZoneStatisticsTest(unittest.TestCase):
    def test_rows_are_scored_sentences_of_analysed_documents_per_zone(self):
        rows = _rows()
        # d1's three scored sentences: 3 Aleppo rows and 1 Mosul row; d2: 1 Mosul row; the
        # too-long sentence, the one outside any window and the duplicate d3 are left out.
        self.assertEqual(sorted(zip(rows["zone"], rows["doc_id"], rows["sentence"])),
                         [("aleppo", "d1", 1), ("aleppo", "d1", 2), ("aleppo", "d1", 3),
                          ("mosul", "d1", 3), ("mosul", "d2", 1)])

    def test_diplomatic_and_corenlp_per_zone(self):
        rows = _rows()
        dip = s.zone_statistics(rows, "sentiment_score", "sentiment_label", 1000, 20170314)
        # Aleppo: -0.6 + 0.2 + 0.4 = 0 over 3 sentences, one document (no interval width);
        # one sentence of each class.
        a = dip.loc["aleppo"]
        self.assertEqual((a["n_sentences"], a["n_documents"]), (3, 1))
        self.assertAlmostEqual(a["mean_score"], 0.0)
        self.assertAlmostEqual(a["ci_low"], 0.0)
        self.assertAlmostEqual(a["ci_high"], 0.0)
        for column in s.SHARES:
            self.assertAlmostEqual(a[column], 1 / 3)
        # Mosul: (0.4 - 0.8) / 2 = -0.2, two documents of one sentence each: resamples are
        # d1d1 = 0.4, d1d2 = -0.2, d2d2 = -0.8, a quarter each at both ends, so the 2.5th and
        # 97.5th percentiles are -0.8 and 0.4. Shares: positive 1/2, negative 1/2.
        m = dip.loc["mosul"]
        self.assertEqual((m["n_sentences"], m["n_documents"]), (2, 2))
        self.assertAlmostEqual(m["mean_score"], -0.2)
        self.assertAlmostEqual(m["ci_low"], -0.8)
        self.assertAlmostEqual(m["ci_high"], 0.4)
        self.assertEqual((m["share_negative"], m["share_neutral"], m["share_positive"]), (0.5, 0, 0.5))

        core = s.zone_statistics(rows, "corenlp_score", "corenlp_label", 1000, 20170314)
        # Aleppo under CoreNLP: (-0.7 + 0.0 - 0.2) / 3 = -0.3; very_negative counts as negative:
        # negative 2/3 (very_negative, negative), neutral 1/3, positive 0.
        c = core.loc["aleppo"]
        self.assertAlmostEqual(c["mean_score"], -0.3)
        self.assertAlmostEqual(c["share_negative"], 2 / 3)
        self.assertAlmostEqual(c["share_neutral"], 1 / 3)
        self.assertEqual(c["share_positive"], 0)

    def test_job_rows_collapse_five_classes_and_are_compared(self):
        zone_sentiment = pd.DataFrame([
            # zone, period, role, n, docs, mean, low, high, 5 shares
            ("aleppo", None, None, 3, 1, 0.0, 0.0, 0.0, 0.1, 0.2, 0.3, 0.25, 0.15),
            ("aleppo", "2016-10", None, 3, 1, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0),
            ("aleppo", None, "answer", 3, 1, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0),
        ], columns=["zone", "period", "role", "n_sentences", "n_documents", "mean_score", "ci_low",
                    "ci_high", "share_very_negative", "share_negative", "share_neutral",
                    "share_positive", "share_very_positive"])
        job = s.job_statistics(zone_sentiment)
        # Only the all-time row; negative 0.1 + 0.2 = 0.3, neutral 0.3, positive 0.25 + 0.15 = 0.4.
        self.assertEqual(list(job.index), ["aleppo"])
        np.testing.assert_allclose(job.loc["aleppo", s.SHARES].to_numpy(float), [0.3, 0.3, 0.4])
        ours = job.copy()
        ours.loc["aleppo", "ci_high"] = 0.05
        self.assertAlmostEqual(s.largest_difference(ours, job), 0.05)
        ours.loc["aleppo", "n_documents"] = 2
        with self.assertRaises(AssertionError):
            s.largest_difference(ours, job)


class AgreementTest(unittest.TestCase):
    def test_kappa_of_a_two_by_two_table(self):
        # 50 sentences, [[20, 5], [10, 15]]: p_o = 35/50 = 0.7; margins rows 25, 25 and columns
        # 30, 20: p_e = (25*30 + 25*20) / 50^2 = 1250/2500 = 0.5; kappa = 0.2 / 0.5 = 0.4.
        table = pd.DataFrame([[20, 5], [10, 15]])
        self.assertAlmostEqual(s.cohen_kappa(table), 0.4)
        # Always the same label: p_o = 1, kappa = 1.
        self.assertAlmostEqual(s.cohen_kappa(pd.DataFrame([[3, 0], [0, 7]])), 1.0)

    def test_kappa_of_three_classes_from_labels(self):
        # 10 sentences; rows: the first model, columns: the second.
        #             negative neutral positive
        # negative        3       1       0       (4)
        # neutral         1       2       1       (4)
        # positive        0       0       2       (2)
        #                (4)     (3)     (3)
        # p_o = (3 + 2 + 2) / 10 = 0.7; p_e = (4*4 + 4*3 + 2*3) / 100 = 0.34;
        # kappa = (0.7 - 0.34) / (1 - 0.34) = 0.36 / 0.66 = 0.545454...
        a = pd.Series(["negative"] * 4 + ["neutral"] * 4 + ["positive"] * 2, name="a")
        b = pd.Series(["negative"] * 3 + ["neutral"] + ["negative", "neutral", "neutral", "positive"]
                      + ["positive"] * 2, name="b")
        table = s.confusion(a, b)
        self.assertEqual(table.to_numpy().tolist(), [[3, 1, 0], [1, 2, 1], [0, 0, 2]])
        self.assertAlmostEqual(s.cohen_kappa(table), 0.36 / 0.66)
        # A class neither model used still gets its row and column (zeros).
        only = s.confusion(pd.Series(["neutral"]), pd.Series(["neutral"]))
        self.assertEqual(only.to_numpy().tolist(), [[0, 0, 0], [0, 1, 0], [0, 0, 0]])

    def test_agreement_per_zone_collapses_corenlp(self):
        rows = _rows()
        agree = s.agreement_by_zone(rows, "sentiment_label", "corenlp_label")
        # Aleppo: negative/very_negative (agree: very_negative is negative), neutral/neutral
        # (agree), positive/negative (not): 2/3. Mosul: positive/negative, negative/neutral: 0.
        self.assertAlmostEqual(agree["aleppo"], 2 / 3)
        self.assertEqual(agree["mosul"], 0)

    def test_spearman(self):
        # Ranks 1 2 3 4 vs 1 3 2 4: d = 0, 1, 1, 0, rho = 1 - 6 * 2 / (4 * (16 - 1)) = 0.8.
        self.assertAlmostEqual(s.spearman(pd.Series([0.1, 0.2, 0.3, 0.4]),
                                          pd.Series([-0.5, 0.2, 0.1, 0.9])), 0.8)
        # Ties take their mean rank: x ranks 1, 2.5, 2.5, 4 and y 1, 2, 3, 4; deviations from
        # 2.5: x -1.5, 0, 0, 1.5 and y -1.5, -0.5, 0.5, 1.5; r = 4.5 / sqrt(4.5 * 5) = 0.948683.
        self.assertAlmostEqual(s.spearman(pd.Series([1.0, 2, 2, 3]), pd.Series([1.0, 2, 3, 4])),
                               4.5 / math.sqrt(22.5))


RENDERED = """actors {
    dictionary=actors
    enabled=true
}
frames {
    bootstrap-resamples=500
    comparisons=[
        {
            reference=[
                mosul
            ]
            target=[
                aleppo
            ]
        }
    ]
    seed=1
}
sentiment {
    batch-size=64
    bootstrap-resamples=1000
    comparisons=[
        {
            reference=[
                mosul
            ]
            target=[
                aleppo
            ]
        }
    ]
    max-tokens=80
    model=diplomatic
    parser="shift-reduce"
    scope=zones
    seed=20170314
}
"""


class SettingsTest(unittest.TestCase):
    def test_sentiment_block_of_the_rendered_config(self):
        block = s.config_block(RENDERED, "sentiment")
        # The block's own scalars; frames' seed and the comparisons' lists are not mixed in.
        self.assertEqual(block["seed"], "20170314")
        self.assertEqual(block["parser"], "shift-reduce")
        self.assertNotIn("reference", block)
        self.assertEqual(s.sentiment_settings({"config": RENDERED}),
                         {"model": "diplomatic", "bootstrap_resamples": 1000, "seed": 20170314})

    def test_a_run_before_the_diplomatic_model_was_corenlp(self):
        older = RENDERED.replace("    model=diplomatic\n", "")
        self.assertEqual(s.sentiment_settings({"config": older})["model"], "corenlp")


class HeldOutTest(unittest.TestCase):
    def test_the_model_files_held_out_block(self):
        block = s.held_out()
        self.assertIsNotNone(block, f"{s.MODEL_FILE} is in the repository")
        # Each confusion table counts every held-out sentence once.
        for model in (s.CORENLP, s.DIPLOMATIC):
            matrix = np.array(block[model]["confusion_rows_reference_columns_predicted"])
            self.assertEqual(matrix.sum(), block["sentences"], model)
        text = s.held_out_markdown(block)
        self.assertIn(f"| diplomatic model | {block['diplomatic']['accuracy']:.3f} |", text)
        self.assertIsNone(s.held_out(Path("/nonexistent/diplomatic-model.json")))


if __name__ == "__main__":
    unittest.main()
