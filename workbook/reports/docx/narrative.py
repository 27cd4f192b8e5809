"""The báo cáo sơ kết / tổng kết in Word: what officers write by hand twice a year.

Section I (results) is written from the data in full sentences, every figure computed by the
same functions as the BC sheets. Sections II (ưu điểm, tồn tại, nguyên nhân) and III
(phương hướng) start from the figures and leave highlighted places for the officer's own words;
nothing the data cannot show is asserted.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...rulesets import DESTINATIONS, STATE, UNION, role_name
from ...safe_io import atomic_write
from ...schema.lists import DUTY_RATINGS, OUTLET_LEVELS, WORK_DONE
from ..context import ReportContext
from ..figures import figures, percent, vn_number
from ..lists import award_sections, proposed_count, proposed_works
from ..summary import opening, subject
from ..tables import group_rows, movement_rows
from ..wording import roman
from .layout import WordDoc

RATING_WORDS = dict(
    zip(
        DUTY_RATINGS,
        (
            "hoàn thành xuất sắc nhiệm vụ",
            "hoàn thành tốt nhiệm vụ",
            "hoàn thành nhiệm vụ",
            "không hoàn thành nhiệm vụ",
        ),
    )
)
LEVEL_WORDS = {"Trung ương": "cấp trung ương", "Tỉnh": "cấp tỉnh", "Cơ sở": "cấp cơ sở"}


def _pct(part: float, whole: float) -> str:
    return f"{vn_number(percent(part, whole))}%"


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{n}”" for n in names)


def _series(pairs: list[tuple[str, int]], unit: str) -> str:
    """'“A” 72 lượt, “B” 6 lượt'."""
    return ", ".join(f"“{name}” {vn_number(n)} {unit}" for name, n in pairs)


class Narrative:
    """The sentences of one report, from one ReportContext."""

    def __init__(self, rc: ReportContext):
        self.rc = rc
        self.f = figures(rc, proposed_count(rc))
        self.groups, self.group_total = group_rows(rc)
        self.when = "cả năm" if rc.moment.is_year else rc.moment.phases[0]
        self.annexes = {
            key: i
            for i, key in enumerate(
                [
                    k
                    for k in ("bc_cong_trinh", "bc_khen_thuong", "bc_tin_bai")
                    if rc.moment.is_year or k != "bc_khen_thuong"
                ],
                start=1,
            )
        }

    # -- I. results -----------------------------------------------------------------------

    def registrations(self) -> list[str]:
        f, rc = self.f, self.rc
        out = [
            f"Công đoàn cơ sở có {vn_number(f['so_to'])} tổ công đoàn với "
            f"{vn_number(f['so_doan_vien'])} đoàn viên. Có {vn_number(f['dk_ca_nhan'])}/"
            f"{vn_number(f['so_doan_vien'])} đoàn viên "
            f"({_pct(f['dk_ca_nhan'], f['so_doan_vien'])}) và {vn_number(f['dk_tap_the'])}/"
            f"{vn_number(f['so_to'])} tổ công đoàn đăng ký thi đua; trong đó "
            f"{vn_number(f['dk_ldtt'])} đoàn viên đăng ký danh hiệu “"
            f"{rc.title_names.get('LDTT', 'Lao động tiên tiến')}”, "
            f"{vn_number(f['dk_cstdcs'])} đoàn viên đăng ký danh hiệu “"
            f"{rc.title_names.get('CSTDCS', 'Chiến sĩ thi đua cơ sở')}”."
        ]
        _, rows, _ = movement_rows(rc)
        busy = sorted(((r["ten"], r["cong"]) for r in rows if r["cong"]), key=lambda x: -x[1])
        idle = [r["ten"] for r in rows if not r["cong"]]
        if busy:
            text = f"Số lượt đăng ký theo phong trào: {_series(busy, 'lượt')}."
            if idle:
                text += f" Chưa có lượt đăng ký nào ở phong trào {_quoted(idle)}."
            out.append(text)
        return out

    def group_results(self) -> list[str]:
        rows, rc = self.groups, self.rc
        if not rows:
            return ["Chưa có kết quả chấm điểm thi đua của các tổ công đoàn."]
        bands = [b.label for b in rc.bands.group_bands]
        counts = [(b, sum(r["band"] == b for r in rows)) for b in bands]
        best = max(rows, key=lambda r: r["score"])
        worst = min(rows, key=lambda r: r["score"])
        out = [
            f"Kết quả chấm điểm thi đua {self.when} của {len(rows)} tổ công đoàn: "
            + ", ".join(f"{n} tổ xếp loại “{b}”" for b, n in counts if n)
            + f"; điểm cao nhất là tổ “{best['ten']}” ({vn_number(best['score'])} điểm), "
            f"thấp nhất là tổ “{worst['ten']}” ({vn_number(worst['score'])} điểm)."
        ]
        out += self.ratings()
        levels = rc.results.groupby("cap_sang_kien")["so_sang_kien"].sum()
        by_level = [
            f"cấp {lv.lower()} {vn_number(int(levels[lv]))}"
            for lv in levels.index
            if lv and levels[lv]
        ]
        text = f"Có {vn_number(self.f['sang_kien'])} sáng kiến được công nhận"
        out.append(text + (f" ({', '.join(by_level)})." if by_level else "."))
        return out

    def ratings(self) -> list[str]:
        """The members' assessment: per phase (Kết quả) for a sơ kết; for the year, the
        official annual rating the agency gave (Xếp loại năm), never derived from points."""
        rc = self.rc
        if rc.moment.is_year:
            rated = pd.Series([rc.annual_ratings.get(m, "") for m in rc.members["ma_doan_vien"]])
            counts = rated.value_counts()
            said = [
                f"{vn_number(int(counts[k]))} {RATING_WORDS[k]}"
                for k in DUTY_RATINGS
                if counts.get(k, 0)
            ]
            if not said:
                return []
            return [
                f"Kết quả đánh giá, xếp loại chất lượng năm {rc.config.get('nam', '')} của "
                f"đoàn viên: {', '.join(said)}."
            ]
        out = []
        for phase in rc.phases:
            part = rc.results[rc.results["dot"] == phase]["xep_loai"].value_counts()
            said = [
                f"{vn_number(int(part[k]))} lượt {RATING_WORDS[k]}"
                for k in DUTY_RATINGS
                if part.get(k, 0)
            ]
            if said:
                out.append(f"Kết quả đánh giá đoàn viên {phase}: " + ", ".join(said) + ".")
        return out

    def works(self) -> list[str]:
        rc, f = self.rc, self.f
        if not len(rc.works):
            return [f"Chưa có công trình, sản phẩm, phần việc nào được đăng ký trong {self.when}."]
        done = int(rc.works["trang_thai"].isin(WORK_DONE).sum())
        text = (
            f"Các tổ công đoàn thực hiện {vn_number(f['cong_trinh'])} công trình, sản phẩm, "
            f"phần việc, đã hoàn thành {vn_number(done)}"
        )
        proposed = proposed_works(rc)
        if len(proposed):
            listed = "; ".join(
                f"“{w['ten']}” (tổ {rc.group_names.get(w['ma_to'], w['ma_to'])})"
                for w in proposed.to_dict("records")
            )
            value = float(proposed["gia_tri"].sum())
            text += (
                f"; đề nghị gắn biển {vn_number(f['de_nghi_gan_bien'])} công trình, sản "
                f"phẩm: {listed}"
            )
            if value:
                text += f", tổng giá trị {vn_number(value)} đồng"
            text += f" (Phụ lục {self.annexes['bc_cong_trinh']})"
        return [text + "."]

    def articles(self) -> list[str]:
        rc, f = self.rc, self.f
        if not f["tin_bai"]:
            return ["Chưa có tin, bài nào được đăng trong " + self.when + "."]
        by_level = rc.articles["cap"].value_counts()
        parts = [
            f"{vn_number(int(by_level[lv]))} {LEVEL_WORDS[lv]}"
            for lv in reversed(OUTLET_LEVELS)
            if by_level.get(lv, 0)
        ]
        top = rc.articles["co_quan_bao"].value_counts()
        return [
            f"Đoàn viên có {vn_number(f['tin_bai'])} tin, bài được đăng trên báo, đài, "
            f"trang thông tin điện tử ({', '.join(parts)}); nhiều nhất trên "
            f"{top.index[0]} ({vn_number(int(top.iloc[0]))} tin, bài) "
            f"(Phụ lục {self.annexes['bc_tin_bai']})."
        ]

    def awards(self) -> list[str]:
        """One sentence per destination: the agency's council (state titles), the upper union
        (union awards, the report's award list)."""
        rc = self.rc
        titles = {t.code: t for t in rc.shortlist.titles}
        out = []
        for track in (STATE, UNION):
            destination = DESTINATIONS[track]
            parts = [
                f"{len(part)} {'tập thể' if titles[c].subject == 'Tập thể' else 'cá nhân'}"
                f" “{titles[c].name}”"
                for c, part in award_sections(rc, destination)
            ]
            if not parts:
                continue
            total = sum(len(part) for _, part in award_sections(rc, destination))
            text = (
                f"Ban Chấp hành đề nghị {role_name(destination, rc.config)} xét "
                f"{vn_number(total)} lượt: {', '.join(parts)}"
            )
            if track == UNION:
                text += f" (Phụ lục {self.annexes['bc_khen_thuong']})"
            out.append(text + ".")
        return out or ["Chưa có cá nhân, tập thể nào được đề nghị khen thưởng."]

    # -- II. assessment, III. direction ---------------------------------------------------

    def strengths(self) -> list[str]:
        f, rows = self.f, self.groups
        out = [
            f"- {_pct(f['dk_ca_nhan'], f['so_doan_vien'])} đoàn viên và "
            f"{vn_number(f['dk_tap_the'])}/{vn_number(f['so_to'])} tổ công đoàn đăng ký "
            "thi đua."
        ]
        top_band = self.rc.bands.group_bands[0].label
        good = [r["ten"] for r in rows if r["band"] == top_band]
        if good:
            out.append(f"- {len(good)} tổ công đoàn xếp loại “{top_band}”: {_quoted(good)}.")
        if f["de_nghi_gan_bien"]:
            out.append(
                f"- {vn_number(f['de_nghi_gan_bien'])} công trình, sản phẩm đề nghị "
                "gắn biển chào mừng Đại hội Công đoàn các cấp."
            )
        if f["sang_kien"]:
            out.append(f"- {vn_number(f['sang_kien'])} sáng kiến được công nhận.")
        return out

    def weaknesses(self) -> list[str]:
        f, rows, rc = self.f, self.groups, self.rc
        out = []
        missing = f["so_doan_vien"] - f["dk_ca_nhan"]
        if missing > 0:
            out.append(f"- Còn {vn_number(missing)} đoàn viên chưa đăng ký thi đua.")
        _, movements, _ = movement_rows(rc)
        idle = [r["ten"] for r in movements if not r["cong"]]
        if idle:
            out.append(f"- Chưa có lượt đăng ký ở {len(idle)} phong trào: {_quoted(idle)}.")
        low_band = rc.bands.group_bands[-1].label
        low = [r["ten"] for r in rows if r["band"] == low_band]
        if low:
            out.append(f"- {len(low)} tổ công đoàn xếp loại “{low_band}”: {_quoted(low)}.")
        running = int((~rc.works["trang_thai"].isin(WORK_DONE)).sum()) if len(rc.works) else 0
        if running:
            out.append(f"- {vn_number(running)} công trình, sản phẩm, phần việc chưa hoàn thành.")
        return out

    def next_phase(self) -> str | None:
        rc = self.rc
        if rc.moment.is_year:
            return None
        later = rc.all_phases[rc.all_phases.index(rc.moment.phases[0]) + 1 :]
        return later[0] if later else None

    def ahead(self) -> str:
        """What section III looks ahead to: the next phase, or the next year."""
        year = self.rc.config.get("nam") or ""
        if self.rc.moment.is_year:
            return f"NĂM {int(year) + 1}" if year.isdigit() else "NĂM TỚI"
        nxt = self.next_phase()
        return nxt.upper() if nxt else "THỜI GIAN TỚI"

    def direction(self) -> list[str]:
        rc = self.rc
        if rc.moment.is_year:
            return self.year_direction()
        nxt = self.next_phase()
        if nxt is None:
            return []
        name = rc.phase_names.get(nxt, nxt)
        out = [
            f"Tiếp tục thực hiện Kế hoạch số {rc.config.get('so_ke_hoach', '')}; tổ chức "
            f"thi đua {name[0].lower() + name[1:] if name else nxt}"
        ]
        if rc.milestones.get(nxt):
            out[0] += f", lập thành tích chào mừng {rc.milestones[nxt]}"
        out[0] += "."
        return out

    def year_direction(self) -> list[str]:
        """The next year's tasks, from this year's figures: what to keep up and what the
        assessment found lacking (the officer adds the unit's own priorities)."""
        f, rc = self.f, self.rc
        year = rc.config.get("nam") or ""
        nxt = str(int(year) + 1) if year.isdigit() else "tới"
        out = [
            f"- Phát động phong trào thi đua năm {nxt} ngay từ đầu năm; tổ chức cho đoàn "
            "viên, tổ công đoàn đăng ký thi đua theo hướng dẫn của Công đoàn cấp trên."
        ]
        missing = f["so_doan_vien"] - f["dk_ca_nhan"]
        if missing > 0:
            out.append(
                f"- Vận động {vn_number(missing)} đoàn viên chưa đăng ký năm {year} tham "
                "gia, phấn đấu 100% đoàn viên đăng ký thi đua."
            )
        low_band = rc.bands.group_bands[-1].label
        low = [r["ten"] for r in self.groups if r["band"] == low_band]
        if low:
            out.append(
                f"- Giúp {len(low)} tổ công đoàn xếp loại “{low_band}” "
                f"({_quoted(low)}) nâng kết quả thi đua."
            )
        running = int((~rc.works["trang_thai"].isin(WORK_DONE)).sum()) if len(rc.works) else 0
        if running:
            out.append(
                f"- Hoàn thành {vn_number(running)} công trình, sản phẩm, phần việc "
                f"còn dở dang của năm {year}."
            )
        if f["sang_kien"]:
            out.append(
                f"- Duy trì phong trào sáng kiến ({vn_number(f['sang_kien'])} sáng kiến "
                f"được công nhận năm {year}); nhân rộng các sáng kiến có hiệu quả."
            )
        return out


def write_narrative(rc: ReportContext, path: str | Path, force: bool = True) -> Path | None:
    """The Word report of ``rc``'s moment; returns the backup of a file replaced."""
    n = Narrative(rc)
    doc = WordDoc(rc.config, rc.day)
    doc.header("BC")
    doc.title("BÁO CÁO", subject(rc))
    doc.paragraph(opening(rc))
    section = 1
    doc.heading(f"{roman(section)}. KẾT QUẢ THỰC HIỆN")
    parts = [
        ("Công tác triển khai, đăng ký thi đua", n.registrations()),
        ("Kết quả thi đua của các tổ công đoàn và đoàn viên", n.group_results()),
        ("Công trình, sản phẩm, phần việc chào mừng Đại hội Công đoàn các cấp", n.works()),
        ("Công tác tuyên truyền", n.articles()),
    ]
    if rc.moment.is_year:
        parts.append(("Công tác khen thưởng", n.awards()))
    for i, (title, sentences) in enumerate(parts, start=1):
        doc.heading(f"{i}. {title}")
        for sentence in sentences:
            doc.paragraph(sentence)
        if i == 1:
            doc.officer(
                "Ban Chấp hành ghi thêm: cách triển khai, phát động phong trào "
                "(hội nghị, văn bản, hình thức tuyên truyền)."
            )
    section += 1
    doc.heading(f"{roman(section)}. ĐÁNH GIÁ CHUNG")
    doc.heading("1. Ưu điểm")
    for line in n.strengths():
        doc.paragraph(line)
    doc.officer("Ban Chấp hành ghi thêm ưu điểm nổi bật, mô hình, cách làm hay, gương điển hình.")
    doc.heading("2. Tồn tại, hạn chế")
    for line in n.weaknesses():
        doc.paragraph(line)
    doc.officer("Ban Chấp hành ghi thêm tồn tại, hạn chế khác.")
    doc.heading("3. Nguyên nhân")
    doc.officer("Ban Chấp hành nêu nguyên nhân khách quan và chủ quan của tồn tại, hạn chế.")
    section += 1
    ahead = n.ahead()
    doc.heading(f"{roman(section)}. PHƯƠNG HƯỚNG, NHIỆM VỤ {ahead}")
    for line in n.direction():
        doc.paragraph(line)
    doc.officer(
        "Ban Chấp hành nêu nhiệm vụ, giải pháp trọng tâm"
        + (" (khắc phục các tồn tại đã nêu)." if n.weaknesses() else ".")
    )
    section += 1
    doc.heading(f"{roman(section)}. ĐỀ XUẤT, KIẾN NGHỊ")
    doc.officer("Đề xuất, kiến nghị với Công đoàn cấp trên, với thủ trưởng cơ quan (nếu có).")
    doc.paragraph(
        f"Trên đây là báo cáo {rc.moment.label} phong trào thi đua của Ban Chấp hành "
        f"{rc.config.get('ten_cong_doan', '')}./."
    )
    doc.signature()
    return atomic_write(Path(path), doc.save, overwrite=force)
