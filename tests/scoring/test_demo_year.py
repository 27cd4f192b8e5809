"""The demo campaign looks like a real year: registrations made once for the year count in both
phases, and the group bands are spread as a union's usually are (some Vững mạnh, mostly Khá,
a few Trung bình, no Yếu) in each phase and for the year."""

from collections import Counter

from workbook.reading import read_workbook
from workbook.scoring import prepare, score_campaign


def test_demo_bands_and_participation_in_every_phase(filled_master):
    groups = score_campaign(prepare(read_workbook(filled_master))).groups
    for phase in ("Đợt 1", "Đợt 2", "Cả năm"):
        rows = groups[groups["dot"] == phase]
        bands = Counter(rows["xep_loai_diem"])
        assert bands["Yếu"] == 0, (phase, bands)
        assert bands["Vững mạnh"] + bands["Khá"] > len(rows) / 2, (phase, bands)
        assert (rows["TT01"] == 20).all(), phase  # everyone registered, in both phases
