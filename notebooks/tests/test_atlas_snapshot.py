"""Unit tests of atlas.Snapshot's table reading: a table a manifest names as one folder, and a
table carried over from earlier months, named as a list of folders (the earlier runs' folders,
then the run's own added rows), read as the union of their rows.

    target/notebooks-venv/bin/python -B -m unittest discover -s notebooks/tests -v
"""

import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # notebooks/

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import atlas  # noqa: E402

REJECT_COLUMNS = atlas.TABLE_COLUMNS["rejects"]


def write_rejects(folder: Path, paths: list[str], *, required: bool = False) -> None:
    """Rejects rows; `required` marks source_path non-null, as Spark does in some plans only."""
    folder.mkdir(parents=True)
    columns = {c: [None] * len(paths) for c in REJECT_COLUMNS}
    columns["source_path"] = paths
    columns["bytes"] = [10] * len(paths)
    table = pa.table(columns)
    if required:
        at = table.schema.get_field_index("source_path")
        table = table.cast(table.schema.set(at, pa.field("source_path", pa.string(), nullable=False)))
    pq.write_table(table, folder / "part-0.parquet")


class CarriedTableTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        # The earlier run's folder with a non-null field, the later one's nullable: still one table.
        write_rejects(self.root / "rejects/snapshot=2017-06/run=a", ["june/1.pdf", "june/2.pdf"],
                      required=True)
        write_rejects(self.root / "rejects/snapshot=2017-07/run=b", ["july/1.pdf"])

    def tearDown(self):
        self.tmp.cleanup()

    def snapshot(self, named) -> atlas.Snapshot:
        return atlas.Snapshot(self.root, "2017-07", {"tables": {"rejects": named}})

    def test_a_carried_table_is_the_union_of_its_folders(self):
        snap = self.snapshot(["rejects/snapshot=2017-06/run=a", "rejects/snapshot=2017-07/run=b"])
        self.assertTrue(snap.has("rejects"))
        frame = snap.table("rejects", quiet=True)
        self.assertEqual(sorted(["june/1.pdf", "june/2.pdf", "july/1.pdf"]), sorted(frame["source_path"]))
        self.assertEqual(self.root / "rejects/snapshot=2017-07/run=b", snap.path("rejects"))

    def test_filters_and_columns_apply_to_every_folder(self):
        snap = self.snapshot(["rejects/snapshot=2017-06/run=a", "rejects/snapshot=2017-07/run=b"])
        frame = snap.table("rejects", columns=["source_path"], quiet=True,
                           filters=[("source_path", "!=", "june/2.pdf")])
        self.assertEqual(sorted(["june/1.pdf", "july/1.pdf"]), sorted(frame["source_path"]))

    def test_one_folder_as_before(self):
        snap = self.snapshot("rejects/snapshot=2017-07/run=b")
        self.assertEqual(["july/1.pdf"], list(snap.table("rejects", quiet=True)["source_path"]))

    def test_a_missing_earlier_folder_is_no_table(self):
        snap = self.snapshot(["rejects/snapshot=2017-05/run=gone", "rejects/snapshot=2017-07/run=b"])
        self.assertFalse(snap.has("rejects"))
        self.assertIsNone(snap.table("rejects", quiet=True))


if __name__ == "__main__":
    unittest.main()
