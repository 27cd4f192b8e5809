"""Check that a change to the consolidation writes the same master as a baseline: the first run
over a corpus, by this source tree and by the baseline's, each in its own process; every package
part of the two masters must be the same byte for byte, except the ledger's time column (the
moment of each run), and the findings, held rows, changes and marks the same, in the same order.

    git worktree add ../thidua-base main        # the baseline, once
    python bench/same_master.py --baseline ../thidua-base --corpus DIR/200x150 [--no-check]

DIR/200x150 is a corpus made by bench/make_corpus.py (bench_consolidate.py keeps its corpora
under its --dir). Exit code 0 when the same, 1 with the differing parts named.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))

from workbook import schema  # noqa: E402
from workbook.package_parts import sheet_parts  # noqa: E402

RUN = """
import gc, shutil, sys
from pathlib import Path
from workbook.collector import THRESHOLDS
gc.set_threshold(*THRESHOLDS)  # as `thidua` runs
from workbook.consolidation import consolidate
corpus, out, check = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
master = out / "so-thi-dua.xlsx"
shutil.copy(corpus / "so-thi-dua.xlsx", master)
result = consolidate(master, [corpus / "so-to-gui-lai"], check=check)
with open(out / "result.txt", "w", encoding="utf-8") as f:
    for item in [*result.findings, *result.held, *result.changes, *result.files]:
        f.write(repr(item) + "\\n")
    f.write(repr(sorted(result.marks.items())) + "\\n" + repr(result.groups) + "\\n")
    f.write(repr(result.totals) + "\\n" + repr(result.set_aside) + "\\n")
"""


def run(source: Path, corpus: Path, out: Path, check: bool) -> None:
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(source))
    command = [sys.executable, "-c", RUN, str(corpus), str(out), "1" if check else "0"]
    subprocess.run(command, env=env, check=True, cwd=source)


def parts(master: Path) -> dict[str, bytes]:
    """The package's parts, the ledger's time cells blanked."""
    with zipfile.ZipFile(master) as z:
        out = {name: z.read(name) for name in z.namelist()}
        ledger = sheet_parts(z)[schema.SHEETS["nhat_ky"].name]
    keys = [c.key for c in schema.master_columns(schema.SHEETS["nhat_ky"])]
    letter = chr(ord("A") + keys.index("thoi_diem")).encode()
    time_cell = re.compile(rb'(<c r="' + letter + rb'\d+"[^>]*>)<v>[0-9.]+</v>')
    out[ledger] = time_cell.sub(rb"\1<v>T</v>", out[ledger])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="baseline source tree")
    parser.add_argument("--corpus", type=Path, required=True, help="a corpus folder (200x150)")
    parser.add_argument("--no-check", action="store_true", help="consolidate with check=False")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="same-master-"))
    try:
        for name, source in (("baseline", args.baseline), ("this", HERE)):
            run(source.resolve(), args.corpus.resolve(), work / name, not args.no_check)
        old, new = (parts(work / n / "so-thi-dua.xlsx") for n in ("baseline", "this"))
        differing = sorted(n for n in old.keys() | new.keys() if old.get(n) != new.get(n))
        if list(old) != list(new):
            differing.append("(the order of the parts)")
        same_result = (work / "baseline" / "result.txt").read_bytes() == (
            work / "this" / "result.txt"
        ).read_bytes()
        size = sum(map(len, new.values())) / 1e6
        print(f"{len(new)} parts, {size:.1f} MB: " + (", ".join(differing) or "all the same"))
        print("findings, held rows, changes, marks: " + ("the same" if same_result else "DIFFER"))
        return 0 if not differing and same_result else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
