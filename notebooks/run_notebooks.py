"""Executes every notebook headless on one snapshot and exports the report to one HTML file.

    python run_notebooks.py OUTPUT [SNAPSHOT] [-p NAME=VALUE ...]

Run by notebooks/run.sh inside the notebooks' virtualenv. The notebooks in this folder stay
clean: each is read, its "parameters" cell is followed by an injected cell setting OUTPUT and
SNAPSHOT (and any -p values), it is executed with nbclient (a failing cell fails the run), and
the executed copy is written to OUTPUT/_reports/SNAPSHOT/. The report is then exported to
OUTPUT/_reports/SNAPSHOT/report-SNAPSHOT.html: code hidden, figures inline as data: URIs, no
script or style loaded from the network.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

HERE = Path(__file__).resolve().parent
NOTEBOOKS = ["01-corpus-overview", "02-aleppo-vs-mosul", "03-topics", "04-zones-map", "05-frames", "06-actors",
             "07-sentiment-models", "report"]
REPORT = "report"

sys.path.insert(0, str(HERE))
import atlas  # noqa: E402  (the notebooks' own loader: same snapshot resolution)


def parameter_names(cell) -> set[str]:
    return {target.id for node in ast.parse(cell.source).body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)}


def inject(nb, values: dict[str, object]) -> set[str]:
    """Papermill's convention: a cell tagged injected-parameters right after the parameters cell."""
    index = next((i for i, c in enumerate(nb.cells)
                  if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])), None)
    if index is None:
        raise SystemExit("notebook has no cell tagged 'parameters'")
    known = parameter_names(nb.cells[index])
    unknown = set(values) - known
    values = {k: v for k, v in values.items() if k in known}
    source = "# Parameters injected by notebooks/run.sh\n" + "".join(
        f"{name} = {value!r}\n" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(index + 1, cell)
    return unknown


def export_report(executed: Path, target: Path) -> None:
    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(HERE / "templates")],
                            template_file="atlas-report.html.j2", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True)
    nb = nbformat.read(executed, as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": target.stem}})
    target.write_text(body, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="the job's output folder (holds _runs/)")
    parser.add_argument("snapshot", nargs="?", help="YYYY-MM; default: the latest complete one")
    parser.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="a notebook parameter, e.g. -p ZONE_A=raqqa (strings)")
    parser.add_argument("--only", action="append", choices=NOTEBOOKS,
                        help="run only this notebook (repeatable)")
    args = parser.parse_args(argv)

    output = Path(args.output).resolve()
    try:
        snapshot = args.snapshot or atlas.latest_snapshot(output)
        atlas.open_snapshot(output, snapshot)
    except (FileNotFoundError, ValueError) as error:  # a wrong folder or month: one line
        print(f"notebooks/run.sh: {error}", file=sys.stderr)
        return 2
    values: dict[str, object] = {"OUTPUT": str(output), "SNAPSHOT": snapshot}
    for item in args.parameter:
        name, _, value = item.partition("=")
        if not name.isidentifier() or not _:
            raise SystemExit(f"-p wants NAME=VALUE, got {item!r}")
        values[name] = value

    reports = output / "_reports" / snapshot
    reports.mkdir(parents=True, exist_ok=True)
    timeout = int(os.environ.get("ATLAS_CELL_TIMEOUT", "600"))
    failed = []
    for name in args.only or NOTEBOOKS:
        nb = nbformat.read(HERE / f"{name}.ipynb", as_version=4)
        unknown = inject(nb, values)
        if unknown - {"OUTPUT", "SNAPSHOT"} and name != REPORT:
            print(f"  ({name} has no parameter {', '.join(sorted(unknown))})")
        target = reports / f"{name}.ipynb"
        started = time.monotonic()
        # The kernel's own log stays quiet below ERROR: its notice that a local kernel talks
        # plain TCP is noise here. Cell errors are in the executed notebook either way.
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                extra_arguments=["--IPKernelApp.log_level=ERROR"],
                                resources={"metadata": {"path": str(HERE)}})
        try:
            client.execute()
            print(f"{name}: ok, {time.monotonic() - started:.1f} s -> {target}", flush=True)
        except CellExecutionError as error:
            failed.append(name)
            plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))  # no terminal colours in logs
            print(f"{name}: FAILED after {time.monotonic() - started:.1f} s -> {target}\n{plain}",
                  flush=True)
        finally:
            nbformat.write(nb, target)
    if REPORT in (args.only or NOTEBOOKS) and REPORT not in failed:
        html = reports / f"report-{snapshot}.html"
        export_report(reports / f"{REPORT}.ipynb", html)
        print(f"report: {html} ({html.stat().st_size // 1024} KiB)")
    if failed:
        print(f"FAILED: {', '.join(failed)} (the executed copies show the failing cell)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
