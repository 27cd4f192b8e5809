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
    """datetime64 Series: dates (and datetimes) as such, anything else NaT."""
    values = [v if isinstance(v, dt.date) else None for v in s.tolist()]
    return pd.Series(pd.to_datetime(values), index=s.index)


def as_numbers(s: pd.Series) -> pd.Series:
    """float Series: ints and floats as such (not bools), anything else NaN."""
    values = [float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else np.nan
              for v in s.tolist()]
    return pd.Series(values, index=s.index, dtype=float)


def date_map(keys: pd.Series, mapping: dict[str, dt.date | None]) -> pd.Series:
    """datetime64 Series of ``mapping[key]`` per row (NaT when unknown or missing)."""
    values = {k: v for k, v in mapping.items() if v is not None}
    return pd.Series(pd.to_datetime(keys.map(values)), index=keys.index)


def fmt_date(value: object) -> str:
    if isinstance(value, (pd.Timestamp, dt.date)) and not pd.isna(value):
        return value.strftime("%d/%m/%Y")
    return ""
