"""The rows digest spells a column at a time (``_spelled``); whatever the mix of values in a
column, that is the spelling of each value alone (``_norm``), which a mark's digest is made of."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from workbook.consolidation.unchanged import _norm, _spelled

CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=False, width=16),
    st.sampled_from([0.0, -0.0, 1.0, float("nan")]),
    st.text(max_size=3),
    st.dates(dt.date(2023, 1, 1), dt.date(2023, 1, 3)),
    st.datetimes(dt.datetime(2023, 1, 1), dt.datetime(2023, 1, 3)),
)


@given(st.lists(CELLS, max_size=30))
def test_a_column_is_spelled_as_its_values_one_by_one(cells):
    assert _spelled(cells) == [_norm(v) for v in cells]


def test_values_equal_across_types_keep_their_own_spelling():
    cells = [1, True, 1.0, 0, False, -0.0, None, "", "1", dt.date(2023, 1, 1)]
    assert _spelled(cells) == [
        "n:1",
        "b:True",
        "n:1",
        "n:0",
        "b:False",
        "n:0",
        "",
        "",
        "s:1",
        "d:2023-01-01",
    ]
