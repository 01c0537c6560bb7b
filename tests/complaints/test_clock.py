"""The answer's due date: 7 working days counted from the first working day after
filing; weekends and Vietnam's public holidays (the `holidays` package's
calendar, lunar Tết included) are skipped. Every date below was counted by hand."""

import datetime

import pytest

from marketplace.complaints.services import due_date, is_working_day

D = datetime.date


def test_an_ordinary_week_counts_from_the_next_day_and_skips_the_weekend():
    # Filed Mon 02/11/2026: Tue 3 (1) … Fri 6 (4), Mon 9 (5), Tue 10 (6), Wed 11 (7).
    assert due_date(D(2026, 11, 2)) == D(2026, 11, 11)


def test_filed_on_a_saturday_counts_from_monday():
    # Sat 07/11/2026: Mon 9 (1) … Fri 13 (5), Mon 16 (6), Tue 17 (7).
    assert due_date(D(2026, 11, 7)) == D(2026, 11, 17)


def test_tet_is_skipped():
    # Filed Fri 13/02/2026. Tết Bính Ngọ: 16/02 (29 Tết) to 20/02 are days off.
    # Mon 23 (1), 24 (2), 25 (3), 26 (4), Fri 27 (5), Mon 02/03 (6), Tue 03/03 (7).
    assert [is_working_day(D(2026, 2, d)) for d in range(16, 21)] == [False] * 5
    assert due_date(D(2026, 2, 13)) == D(2026, 3, 3)


def test_reunification_day_and_labour_day_are_skipped():
    # Filed Tue 28/04/2026: Wed 29 (1); Thu 30/04 and Fri 01/05 off; weekend;
    # Mon 04/05 (2) … Fri 08/05 (6), Mon 11/05 (7).
    assert due_date(D(2026, 4, 28)) == D(2026, 5, 11)


def test_hung_kings_day_observed_on_monday_and_the_april_holidays_together():
    # Filed Fri 24/04/2026: Hùng Kings' day falls on Sun 26/04, observed Mon 27/04;
    # Tue 28 (1), Wed 29 (2), [30/04, 01/05 off], Mon 04/05 (3) … Fri 08/05 (7).
    assert not is_working_day(D(2026, 4, 27))
    assert due_date(D(2026, 4, 24)) == D(2026, 5, 8)


@pytest.mark.parametrize(
    "filed, due",
    [
        # New year's eve into 2027: Fri 01/01/2027 off, Mon 4 (1) … Tue 12 (7).
        (D(2026, 12, 31), D(2027, 1, 12)),
    ],
)
def test_the_clock_runs_across_the_year_end(filed, due):
    assert due_date(filed) == due
