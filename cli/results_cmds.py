"""Commands that compute results from the master: score, shortlist, report, export tdkt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from workbook.results import (
    RunResult,
    dossier_master,
    export_tdkt_master,
    report_master,
    score_master,
    shortlist_master,
)

from .common import EXIT_FINDINGS, echo_json, edge, json_option

MASTER = click.argument("master", type=click.Path(exists=True, dir_okay=False, path_type=Path))


def _finish(run: RunResult, as_json: bool, lines: list[str]) -> None:
    if as_json:
        echo_json(run.to_dict())
    else:
        for line in lines:
            click.echo(line)
        for backup in (run.backup, run.word_backup):
            if backup:
                click.echo(f"Bản trước được sao lưu tại {backup}.")
    if run.has_errors:
        raise SystemExit(EXIT_FINDINGS)


def _notes(result) -> list[str]:
    return [f"  {n}" for n in getattr(result, "notes", [])]


@click.command("score")
@MASTER
@json_option
@edge
def score_cmd(master: Path, as_json: bool) -> None:
    """Tính điểm thi đua từng đợt và cả năm cho đoàn viên và tổ công đoàn.

    Chỉ chấm các dòng hợp lệ (dòng có lỗi bị bỏ qua và được kể ra). Kết quả ghi vào trang
    Điểm của sổ chính: mỗi tiêu chí một cột, tổng điểm, xếp loại, hạng và giải thích.

    \b
    Ví dụ:
      thidua score so-thi-dua.xlsx
    """
    run = score_master(master)
    _finish(
        run, as_json, [run.result.headline, *_notes(run.result), "Xem trang Điểm trong sổ chính."]
    )


@click.command("shortlist")
@MASTER
@click.option(
    "--details",
    is_flag=True,
    help="In từng người, từng tập thể với kết quả và lý do (tiêu chuẩn, căn cứ).",
)
@json_option
@edge
def shortlist_cmd(master: Path, details: bool, as_json: bool) -> None:
    """Lập danh sách đề nghị khen thưởng theo luật áp dụng ngày xét, chỉ tiêu và điểm.

    Hai khối riêng: danh hiệu, khen thưởng của Nhà nước (trình Hội đồng Thi đua – Khen thưởng
    của cơ quan) và khen thưởng của Công đoàn (đề nghị Công đoàn cấp trên). Mỗi người, mỗi tập
    thể được đề nghị hoặc không đều có lý do, nêu tiêu chuẩn và căn cứ. Kết quả ghi vào trang
    Đề nghị khen thưởng, Trình Hội đồng TĐKT (và trang Điểm).

    \b
    Ví dụ:
      thidua shortlist so-thi-dua.xlsx --details
    """
    run = shortlist_master(master)
    result = run.result
    lines = [result.regime.label]
    for t in result.titles:
        lines.append(
            f"  [{t.track}] {t.name}: {t.proposed} đề nghị / {t.eligible} đủ tiêu "
            f"chuẩn; {t.decider} quyết định; đề nghị đến {t.destination_name}; chỉ "
            f"tiêu: {t.quota_rule}"
        )
        if details:
            part = result.decisions[result.decisions["ma_danh_hieu"] == t.code]
            lines += [
                f"      {rec['ket_qua']}: {rec['ho_ten']} ({rec['ma']}). {rec['ly_do']}"
                for rec in part.to_dict("records")
            ]
    _finish(
        run,
        as_json,
        [
            *lines,
            *_notes(result),
            "Xem trang Đề nghị khen thưởng và Trình Hội đồng TĐKT trong sổ chính.",
        ],
    )


@click.command("report")
@MASTER
@click.option(
    "--dot",
    "moment",
    metavar="ĐỢT",
    help="Báo cáo sơ kết đợt này (mã đợt hoặc số thứ tự, ví dụ 1), hoặc 'cả năm' "
    "cho báo cáo tổng kết. Mặc định: đợt gần nhất đã kết thúc (tổng kết khi "
    "đợt cuối đã kết thúc).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ghi các trang báo cáo ra tệp mới này (để gửi cấp trên) thay vì vào sổ chính.",
)
@click.option(
    "--word",
    "word",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Ghi thêm báo cáo bằng lời (Word .docx) theo Nghị định 30/2020: phần kết quả "
    "viết sẵn từ số liệu, chỗ tô vàng để Ban Chấp hành viết đánh giá, phương "
    "hướng.",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]),
    help="Ngày ghi trên báo cáo (dd/mm/yyyy). Mặc định: ngày báo cáo sơ kết, tổng "
    "kết trên trang Cấu hình (hoặc hạn báo cáo của đợt).",
)
@json_option
@edge
def report_cmd(
    master: Path,
    moment: str | None,
    out: Path | None,
    word: Path | None,
    day: dt.datetime | None,
    as_json: bool,
) -> None:
    """Lập báo cáo sơ kết đợt, tổng kết năm gửi cấp trên (các trang BC …), in trên khổ A4.

    Báo cáo gồm số liệu chung, kết quả theo tổ công đoàn (có biểu đồ), đăng ký theo phong
    trào, công trình, tin bài; các phụ lục: công trình đề nghị gắn biển, tin bài theo cơ quan
    báo chí, và (khi tổng kết) danh sách đề nghị khen thưởng. Tệp --out là tệp gửi công
    đoàn cấp trên (cấp trên tổng hợp bằng lệnh consolidate-summaries). Báo cáo tổng kết năm:
    --dot "cả năm".

    \b
    Ví dụ:
      thidua report so-thi-dua.xlsx --dot 1 --out so-ket-dot-1.xlsx --word so-ket-dot-1.docx
    """
    run = report_master(master, out=out, day=day.date() if day else None, moment=moment, word=word)
    words = [f"Báo cáo bằng lời (Word): {p}" for p in run.result.documents]
    _finish(run, as_json, [run.result.headline, *words, *_notes(run.result)])


@click.command("dossier")
@MASTER
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]),
    help="Ngày ghi trên tờ trình, biên bản (dd/mm/yyyy). Mặc định: ngày báo cáo tổng "
    "kết trên trang Cấu hình.",
)
@click.option(
    "--force",
    is_flag=True,
    hidden=True,
    help="Không cần nữa: tệp đã có luôn được thay sau khi sao lưu.",
)
@json_option
@edge
def dossier_cmd(
    master: Path, outdir: Path, day: dt.datetime | None, force: bool, as_json: bool
) -> None:
    """Lập dự thảo hồ sơ đề nghị khen thưởng cuối năm (Word, theo Nghị định 30/2020).

    Một tờ trình cho mỗi nơi nhận đề nghị (kèm danh sách, tóm tắt thành tích) và biên bản họp
    Ban Chấp hành xét khen thưởng (mỗi người một dòng để ghi số phiếu). Thời gian, địa điểm,
    thành phần và số phiếu là chỗ tô vàng để Ban Chấp hành điền. Tệp đã có được thay, bản cũ
    (có thể đã điền) được sao lưu trong sao-luu/.

    \b
    Ví dụ:
      thidua dossier so-thi-dua.xlsx ho-so-khen-thuong/
    """
    run = dossier_master(master, outdir, day=day.date() if day else None)
    _finish(
        run,
        as_json,
        [
            run.result.headline,
            *[f"  {p}" for p in run.result.files],
            *[f"Bản trước được sao lưu tại {p}." for p in run.result.backups],
        ],
    )


@click.group("export")
def export_cmd() -> None:
    """Xuất dữ liệu sang phần mềm khác.

    \b
    Ví dụ:
      thidua export tdkt so-thi-dua.xlsx xuat-tdkt/
    """


@export_cmd.command("tdkt")
@MASTER
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@json_option
@edge
def export_tdkt_cmd(master: Path, outdir: Path, as_json: bool) -> None:
    """Xuất danh sách đề nghị khen thưởng theo mẫu nhập của phần mềm thi đua, khen thưởng.

    Tạo CANHAN.xlsx, TAPTHE.xlsx, DETAI.xlsx với mã hình thức, mã danh hiệu, mã phân loại
    theo danh mục của phần mềm. Tệp đã có được thay, bản cũ được sao lưu trong sao-luu/.

    \b
    Ví dụ:
      thidua export tdkt so-thi-dua.xlsx xuat-tdkt/
    """
    run = export_tdkt_master(master, outdir, force=True)  # outputs: replaced, with a backup
    _finish(run, as_json, [run.result.headline, *[f"  {n}" for n in run.result.notes]])
