"""The moment a report is for: the sơ kết of a phase or the tổng kết of the year, and its date
(the plan's reporting day on Cấu hình, else the phase's report deadline, else its last day)."""

import datetime as dt

import pandas as pd
import pytest

from workbook.reports import MomentError, choose_moment, default_moment, report_moments

D = dt.date
PHASES = pd.DataFrame(
    {
        "ma_dot": ["Đợt 1", "Đợt 2"],
        "ten_dot": ["Đợt 1", "Đợt 2"],
        "ngay_bat_dau": [D(2022, 12, 9), D(2023, 7, 1)],
        "ngay_ket_thuc": [D(2023, 6, 30), D(2023, 12, 31)],
        "han_bao_cao": [D(2023, 7, 5), "05/01/2024"],
    }
)
CONFIG = {"nam": "2023", "ngay_bao_cao_so_ket": "10/07/2023", "ngay_bao_cao_tong_ket": "15/12/2023"}


@pytest.mark.parametrize(
    "today, label, day",
    [
        (D(2023, 3, 1), "sơ kết Đợt 1", D(2023, 7, 10)),  # nothing ended yet: the running phase
        (D(2023, 6, 30), "sơ kết Đợt 1", D(2023, 7, 10)),
        (D(2023, 9, 1), "sơ kết Đợt 1", D(2023, 7, 10)),
        (D(2023, 12, 31), "tổng kết năm 2023", D(2023, 12, 15)),
        (D(2026, 1, 1), "tổng kết năm 2023", D(2023, 12, 15)),
    ],
)
def test_default_is_the_latest_phase_ended(today, label, day):
    moment = default_moment(CONFIG, PHASES, today)
    assert (moment.label, moment.day) == (label, day)


@pytest.mark.parametrize(
    "wanted, code, phases",
    [
        ("1", "Đợt 1", ("Đợt 1",)),
        ("Đợt 2", "Đợt 2", ("Đợt 2",)),
        (" đợt 2 ", "Đợt 2", ("Đợt 2",)),
        ("cả năm", "Cả năm", ("Đợt 1", "Đợt 2")),
        ("ca-nam", "Cả năm", ("Đợt 1", "Đợt 2")),
    ],
)
def test_officer_names_the_moment(wanted, code, phases):
    moment = choose_moment(CONFIG, PHASES, wanted, today=D(2023, 3, 1))
    assert (moment.code, moment.phases) == (code, phases)


def test_unknown_phase_is_a_vietnamese_error_listing_the_phases():
    with pytest.raises(MomentError) as err:
        choose_moment(CONFIG, PHASES, "3")
    assert "Không có đợt '3'" in err.value.message and "Đợt 1, Đợt 2" in err.value.message


def test_dates_fall_back_to_the_phase_deadline_then_its_end():
    no_days = {"nam": "2023"}
    assert choose_moment(no_days, PHASES, "1").day == D(2023, 7, 5)
    assert choose_moment(no_days, PHASES, "cả năm").day == D(2024, 1, 5)
    ends_only = PHASES.drop(columns=["han_bao_cao"])
    assert choose_moment(no_days, ends_only, "1").day == D(2023, 6, 30)


def test_a_given_date_wins_and_the_period_is_the_phases():
    moment = choose_moment(CONFIG, PHASES, "1", day=D(2023, 7, 20))
    assert moment.day == D(2023, 7, 20)
    assert moment.period == "từ 9/12/2022 đến 30/6/2023"


def test_the_configured_soket_day_belongs_to_the_phase_it_follows():
    # 10/07/2023 follows Đợt 1: the sơ kết of Đợt 2 takes its own deadline instead.
    assert choose_moment(CONFIG, PHASES, "2").day == D(2024, 1, 5)


def test_unreadable_configured_day_is_a_note_for_the_officer():
    moment = choose_moment({**CONFIG, "ngay_bao_cao_so_ket": "32/7/2023"}, PHASES, "1")
    assert moment.day == D(2023, 7, 5)
    assert any("Ngày báo cáo sơ kết" in n and "32/7/2023" in n for n in moment.notes)


def test_ribbon_offers_each_phase_but_the_last_then_the_year():
    assert [m.label for m in report_moments(CONFIG, PHASES)] == [
        "sơ kết Đợt 1",
        "tổng kết năm 2023",
    ]


def test_no_phase_at_all_is_an_error():
    with pytest.raises(MomentError):
        default_moment(CONFIG, PHASES.iloc[0:0])
