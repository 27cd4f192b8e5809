"""Vectorised helpers over the reader's object-dtype frames.

The reader keeps a value that failed typing as the text that was there, so a date column may
hold a stray string: every helper here looks only at values of the right Python type, leaving the
stray text to the reader's ``invalid-value`` finding.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd


def present(s: pd.Series) -> pd.Series:
    return s.notna()


def is_text(s: pd.Series) -> pd.Series:
    return pd.Series([isinstance(v, str) for v in s.tolist()], index=s.index, dtype=bool)


def as_dates(s: pd.Series) -> pd.Series:
    """Day numbers (proleptic ordinals, as float) of dates and datetimes; anything else NaN.

    Comparing day numbers is exact for dates and much faster than datetime64 conversion.
    """
    values = [v.toordinal() if isinstance(v, dt.date) else np.nan for v in s.tolist()]
    return pd.Series(values, index=s.index, dtype=float)


def as_numbers(s: pd.Series) -> pd.Series:
    """float Series: ints and floats as such (not bools), anything else NaN."""
    values = [
        float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan
        for v in s.tolist()
    ]
    return pd.Series(values, index=s.index, dtype=float)


def day_number(value: dt.date | None) -> float:
    return float(value.toordinal()) if isinstance(value, dt.date) else np.nan


def date_map(keys: pd.Series, mapping: dict[str, dt.date | None]) -> pd.Series:
    """Day numbers of ``mapping[key]`` per row (NaN when the key is unknown or has no date)."""
    days = {k: float(v.toordinal()) for k, v in mapping.items() if isinstance(v, dt.date)}
    return pd.Series(
        [days.get(k, np.nan) if isinstance(k, str) else np.nan for k in keys.tolist()],
        index=keys.index,
        dtype=float,
    )


def fmt_date(value: object) -> str:
    """dd/mm/yyyy of a date or a day number; '' when missing."""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)) and value == value:
        return dt.date.fromordinal(int(value)).strftime("%d/%m/%Y")
    return ""
