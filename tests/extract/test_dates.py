"""Event dates resolved against the publication date and the narrative (EN + FR)."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.extract import extract_text
from sigact.extract.dates import find_dates, resolve

D = dt.date


def _resolve(text: str, published: dt.date, anchor: dt.date | None = None) -> tuple[dt.date, int] | None:
    exprs = find_dates(text)
    assert exprs, f"no date found in {text!r}"
    return resolve(exprs[0], published, anchor)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On Tuesday, September 17, militants attacked", D(2024, 9, 20), (D(2024, 9, 17), 1)),
        ("On 29 May 2020, militants seized a truck", D(2020, 6, 30), (D(2020, 5, 29), 1)),
        ("on the night of January 6", D(2025, 1, 9), (D(2025, 1, 6), 1)),
        ("December 31", D(2025, 1, 5), (D(2024, 12, 31), 1)),  # previous year
        ("le 6 janvier", D(2025, 1, 9), (D(2025, 1, 6), 1)),
        ("dimanche", D(2025, 1, 9), (D(2025, 1, 5), 1)),  # Thursday -> last Sunday
        ("on Monday", D(2024, 6, 13), (D(2024, 6, 10), 1)),
        ("last month", D(2024, 9, 20), (D(2024, 8, 15), 3)),
        ("In March, the army", D(2024, 9, 20), (D(2024, 3, 15), 3)),
        ("Around 12 May 2020 (week of), gunmen", D(2020, 5, 14), (D(2020, 5, 12), 2)),
        ("yesterday", D(2024, 3, 2), (D(2024, 3, 1), 1)),
    ],
)
def test_date_expressions(text: str, published: dt.date, expected: tuple[dt.date, int]) -> None:
    assert _resolve(text, published) == expected


def test_weekday_with_day_and_month_picks_the_year() -> None:
    # 17 September was a Tuesday in 2024 (and not in 2025): the weekday decides
    assert _resolve("Tuesday, September 17", D(2025, 12, 1)) == (D(2024, 9, 17), 1)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("the following day", D(2024, 9, 18)), ("On the same day", D(2024, 9, 17)), ("la veille", D(2024, 9, 16)),
     ("le lendemain", D(2024, 9, 18))],
)  # fmt: skip
def test_relative_phrases_follow_the_anchor(phrase: str, expected: dt.date) -> None:
    assert _resolve(phrase, D(2024, 9, 25), anchor=D(2024, 9, 17)) == (expected, 1)


def test_bare_year_is_not_an_event_date() -> None:
    assert _resolve("in 2022 JNIM attacked Kati", D(2024, 9, 20)) is None


def test_following_day_in_a_report_is_a_second_event() -> None:
    text = (
        "On 3 March 2024, JNIM militants attacked the army post in Boulkessi, killing five soldiers. "
        "The following day, militants ambushed a convoy near Djibo and killed two soldiers."
    )
    events = sorted((m.event for m in extract_text(text, D(2024, 3, 6))), key=lambda e: e.event_date)
    assert [e.event_date for e in events] == [D(2024, 3, 3), D(2024, 3, 4)]


def test_december_in_a_january_report_is_the_previous_year() -> None:
    text = "On December 31, gunmen killed three civilians in Djibo."
    (m,) = extract_text(text, D(2025, 1, 4))
    assert m.event.event_date == D(2024, 12, 31)
    assert m.event.time_precision == 1


def test_undated_sentence_takes_the_narrative_date() -> None:
    text = (
        "On 27 October 2020, suspected JNIM militants made an incursion into Gayeri. Soldiers killed three militants."
    )
    events = extract_text(text, D(2020, 11, 5))
    assert events and all(m.event.event_date == D(2020, 10, 27) for m in events)


def test_year_assumed_without_publication_date_is_flagged_and_less_confident() -> None:
    today = dt.date.today()
    text = "Gunmen killed 12 villagers in Ogossagou on 17 September."
    assumed = extract_text(text)
    stated = extract_text(text, published=D(2024, 9, 20))
    assert assumed and stated
    ev = assumed[0].event
    # the best guess: the latest 17 September on or before today, still to the day
    expected_year = today.year if (9, 17) <= (today.month, today.day) else today.year - 1
    assert ev.event_date == D(expected_year, 9, 17) and ev.time_precision == 1
    assert ev.source_fields.get("date_assumed")
    assert ev.confidence is not None and ev.confidence < 0.5  # below the review queue's line
    assert "date_assumed" not in stated[0].event.source_fields
    assert stated[0].event.event_date == D(2024, 9, 17)


def test_stated_year_is_not_assumed() -> None:
    ev = extract_text("Gunmen killed 12 villagers in Ogossagou on 17 September 2023.")[0].event
    assert ev.event_date == D(2023, 9, 17) and "date_assumed" not in ev.source_fields


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("During the week of July 9, soldiers searched villages", D(2018, 7, 20), (D(2018, 7, 12), 2)),  # midpoint
        ("on the night of Oct.10 a bomber", D(2016, 10, 12), (D(2016, 10, 10), 1)),
        ("Shots were heard on the night of the 26th in Fada", D(2011, 3, 28), (D(2011, 3, 26), 1)),
        ("On the 28th, gunmen attacked", D(2011, 4, 2), (D(2011, 3, 28), 1)),  # the month before
    ],
)
def test_weeks_abbreviated_months_and_bare_days(text: str, published: dt.date, expected: tuple[dt.date, int]) -> None:
    assert _resolve(text, published) == expected


def test_ordinals_that_are_not_days() -> None:
    assert find_dates("The 2nd battalion and the 12th Regiment moved north.") == []


def test_dates_of_side_remarks_do_not_date_the_event() -> None:
    pub = D(2017, 11, 6)
    # a month used as an adjective, and a date after "since", are background
    (m,) = extract_text("Thousands marched on Saturday in Ouagadougou against the leaders of the March 2012 coup.", pub)
    assert m.event.event_date == D(2017, 11, 4)
    (m,) = extract_text("On Thursday, relatives of soldiers held since October 30 protested in Bamako.", pub)
    assert m.event.event_date == D(2017, 11, 2)


def test_a_victim_found_later_belongs_to_the_event_told() -> None:
    text = (
        "On January 15, gunmen abducted a mining executive at a gold mine near Djibo. "
        "His body was found the next day, according to the gendarmerie."
    )
    (m,) = extract_text(text, D(2019, 1, 20))
    assert m.event.event_date == D(2019, 1, 15)
    assert m.event.fatalities == 1


def test_a_day_told_in_a_later_sentence_about_the_same_attack_dates_it() -> None:
    text = (
        "Islamist militants killed at least 40 worshippers in an attack on a mosque in Fambita. "
        "The attack occurred on Friday during afternoon prayers."
    )
    (m,) = extract_text(text, D(2025, 3, 22))  # a Saturday
    assert (m.event.event_date, m.event.time_precision) == (D(2025, 3, 21), 1)


def test_an_announcement_day_dates_an_event_told_without_one() -> None:
    text = (
        "Niger declares three days of mourning after 44 people were killed in an attack on a mosque in Fambita.\n\n"
        "On Friday the government declared national mourning for the 44 civilians who died in the attack."
    )
    (m,) = extract_text(text, D(2025, 3, 22))
    assert (m.event.event_date, m.event.time_precision) == (D(2025, 3, 21), 1)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Clashes broke out in mid-September near Gao", D(2024, 9, 20), (D(2024, 9, 15), 2)),  # the week of the 15th
        ("at the end of August, militants attacked", D(2024, 9, 20), (D(2024, 8, 15), 3)),
        ("last Friday, gunmen attacked", D(2024, 9, 20), (D(2024, 9, 13), 1)),  # a Friday report: a week before
        ("on Friday, gunmen attacked", D(2024, 9, 20), (D(2024, 9, 20), 1)),  # the day it is filed
    ],
)
def test_month_parts_and_last_weekday(text: str, published: dt.date, expected: tuple[dt.date, int]) -> None:
    assert _resolve(text, published) == expected


def test_a_date_in_a_movement_name_does_not_date_the_event() -> None:
    (m,) = extract_text("Supporters of the March 22 Movement marched in Bamako on Saturday.", D(2013, 12, 29))
    assert m.event.event_date == D(2013, 12, 28)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a night across two days: the first day, known only to within the two (ACLED: precision 2)
        ("In the night between 24 and 25 March 2020, gunmen looted shops", D(2020, 3, 27), (D(2020, 3, 24), 2)),
        # a day that only tells when something was reported: the event happened on or before it
        ("As reported on 8 April 2020, soldiers dismantled a camp", D(2020, 4, 10), (D(2020, 4, 8), 2)),
        ("On 10 September, it was reported that prisoners had escaped", D(2019, 9, 12), (D(2019, 9, 10), 2)),
        ("On October 10 (or around), thieves stole cattle", D(2018, 10, 12), (D(2018, 10, 10), 2)),
        ("À la mi-mars 2021, des hommes armés ont attaqué le village", D(2021, 4, 2), (D(2021, 3, 15), 2)),
        ("In March 2021, gunmen attacked the village", D(2021, 4, 2), (D(2021, 3, 15), 3)),  # the month only
        ("On 10 September, prisoners escaped from the jail", D(2019, 9, 12), (D(2019, 9, 10), 1)),
    ],
)
def test_nights_reports_and_approximate_days_are_week_precision(
    text: str, published: dt.date, expected: tuple[dt.date, int]
) -> None:
    assert _resolve(text, published) == expected
