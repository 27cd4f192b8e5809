"""The tables bench/bench_consolidate.py prints: one per section, then the issue's targets,
each with the measured value (the driver measures, this module only lays the results out)."""

from __future__ import annotations


def row(label: str, r: dict, *cells: str) -> None:
    if r.get("stopped"):
        seconds = f"> {r['seconds']:.0f}" if r["seconds"] == r["seconds"] else "failed"
    else:
        seconds = f"{r['seconds']:.2f}"
    print(
        f"{label:44} {seconds:>9} " + " ".join(f"{c:>9}" for c in cells) + f" {r['peak_mib']:9.0f}"
    )


def header(*columns: str) -> None:
    print(f"{'step':44} {'s':>9} " + " ".join(f"{c:>9}" for c in columns) + f" {'peak MiB':>9}")


def print_groups(r: dict, args) -> None:
    floor, naive = r["floor"]["seconds"], r["pandas_merge"]["seconds"]
    first = r["first"]["seconds"]
    print(
        f"\n{args.groups} group workbooks of {args.members} members, "
        f"{r['floor'].get('cells', 0):,} cells "
        f"({r['pandas_read'].get('rows', 0):,} rows in all sheets)"
    )
    header("× floor", "naive ÷", "% first")
    labels = [
        ("floor", "bytes floor (unzip + scan XML)"),
        ("pandas_read", "naive pandas read (openpyxl)"),
        ("pandas_merge", "naive pandas end to end"),
        ("thidua_read", "thidua read phase"),
        ("first", "thidua consolidate, first run (validated)"),
        ("unchecked", "  same, --no-check"),
        ("update", f"thidua consolidate, 1 group of {args.groups} changed"),
        ("summaries", f"thidua consolidate-summaries ({args.summaries})"),
        ("validate", "thidua validate folder (no receipts)"),
        ("validate_each", "  same, one context per workbook (before)"),
    ]
    for name, label in labels:
        if name not in r:
            continue
        s = r[name]["seconds"]
        ours = name not in ("floor", "pandas_read", "pandas_merge")
        row(
            label,
            r[name],
            f"{s / floor:.1f}",
            f"{naive / s:.1f}" if ours else "",
            f"{100 * s / first:.0f}%" if name in ("first", "unchecked", "update") else "",
        )
    if "validate" in r and "validate_each" in r:
        v, each = r["validate"], r["validate_each"]
        print(
            f"validate of the folder against the master: stacked {v['seconds']:.2f} s, one "
            f"context per workbook {each['seconds']:.2f} s ({each['seconds'] / v['seconds']:.1f}× "
            f"faster); the same {v.get('findings', 0):,} findings: "
            f"{v.get('findings') == each.get('findings')}"
        )
    m, f, u = r["pandas_merge"], r["first"], r["update"]
    if "phones_corrupted" in m:
        print(
            f"naive pandas turned {m['phones_corrupted']:,} phone numbers and "
            f"{m['codes_corrupted']:,} group codes into numbers (leading zeros lost); "
            "thidua: 0."
        )
    if "rows" in f and "rows" in u:
        print(
            f"first run: {f['rows']:,} rows merged, writer={f['writer']}, every row "
            f"accounted for: {f['balanced']}. Update ({r['changed_file']} resent): "
            f"{u['changed']} row(s) changed, {u['added']} added, {u['removed']} removed, "
            f"{u['rows_read']:,} rows read from {u['files_merged']} file(s)."
        )


def print_cdcs(r: dict, args) -> None:
    print(f"\nCĐCS scale: {args.cdcs_groups} group workbooks of {args.members} members")
    header("exit")
    row("`thidua consolidate` command, first run", r, str(r["exit_code"]))


def print_big(r: dict, args) -> None:
    rows = r["master"].get("rows", 0)
    print(
        f"\n{args.big_groups} group workbooks of {args.big_members} members: largest "
        f"{r['largest_kib']:.0f} KiB, all {r['all_kib'] / 1024:.1f} MiB; merged master "
        f"{r['master_kib'] / 1024:.1f} MiB ({rows:,} rows with the set-up sheets)"
    )
    header("rows/s")
    labels = [
        ("threads", "thidua consolidate, first run, threads"),
        ("dask", f"  same, Dask local cluster, {args.dask_workers} workers"),
        ("threads_unchecked", "  --no-check, threads"),
        ("dask_unchecked", f"  --no-check, Dask, {args.dask_workers} workers"),
    ]
    for label, text in labels:
        if label not in r:
            continue
        x = r[label]
        row(text, x, f"{x['rows'] / x['seconds']:,.0f}" if "rows" in x else "")
    row("reading the merged master alone", r["master"], "")
    for label in ("dask", "dask_unchecked"):
        d = r.get(label)
        if d and not d.get("stopped"):
            print(
                f"  {label}: cluster start {d['cluster_start']:.1f} s (not counted); each "
                f"task carries {d['reference_mib']:.1f} MiB of master set-up; process and "
                f"workers together peaked at {d['total_peak_mib']:.0f} MiB (each worker "
                f"{d['worker_peak_mib']:.0f} MiB)"
            )
        elif d:
            print(
                f"  {label}: {d['stopped']} after {d['seconds']:.0f} s (process and "
                f"workers together {d.get('total_peak_mib', float('nan')):.0f} MiB); each "
                f"task carries {d.get('reference_mib', float('nan')):.1f} MiB of master set-up"
            )


def print_master(r: dict, args) -> None:
    c = r["consolidate"]["seconds"]
    print(
        f"\nA master holding {args.master_rows:,}+ data rows ({r['groups']} groups of "
        f"{args.members} members), whole commands:"
    )
    header("÷ consol.", "exit")
    for name in ("consolidate", "validate", "score", "shortlist", "report"):
        x = r[name]
        row(f"`thidua {name}`", x, f"{x['seconds'] / c:.1f}", str(x["exit_code"]))
    x = r["consolidate_again"]
    label = "`thidua consolidate` again (1 changed)"
    row(label, x, f"{x['seconds'] / c:.1f}", str(x["exit_code"]))


def print_targets(results: dict, args) -> None:
    print("\nTargets (issue 13):")

    def target(text: str, value: str, met: bool) -> None:
        print(f"  {text:58} {value:>12}  {'met' if met else 'MISSED'}")

    g = results.get("groups")
    if g:
        naive = g["pandas_merge"]["seconds"]
        first, unchecked = g["first"]["seconds"], g["unchecked"]["seconds"]
        read, floor = g["thidua_read"]["seconds"], g["floor"]["seconds"]
        target(
            f"first run of {args.groups}, naive ÷ default ≥ 10×",
            f"{naive / first:.1f}×",
            naive / first >= 10,
        )
        target("naive ÷ --no-check ≥ 15×", f"{naive / unchecked:.1f}×", naive / unchecked >= 15)
        share = g["update"]["seconds"] / first
        target(
            f"one changed group of {args.groups} ≤ 15% of the first run",
            f"{share:.0%}",
            share <= 0.15,
        )
        target("read phase ≤ 3× the bytes floor", f"{read / floor:.1f}×", read / floor <= 3)
    if "cdcs" in results:
        s = results["cdcs"]["seconds"]
        target(f"{args.cdcs_groups} groups, whole command < 1 s", f"{s:.2f} s", s < 1)
    m = results.get("master")
    if m:
        for name in ("validate", "score", "shortlist", "report"):
            ratio = m[name]["seconds"] / m["consolidate"]["seconds"]
            shown = f"> {ratio:.1f}×" if m[name]["stopped"] else f"{ratio:.1f}×"
            target(
                f"{args.master_rows:,}-row master: {name} ≤ 2× consolidate",
                shown,
                ratio <= 2 and not m[name]["stopped"],
            )
