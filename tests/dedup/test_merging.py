"""Field merging across reports of one event (ACLED practice)."""

from __future__ import annotations


def test_a_report_silent_on_deaths_does_not_undercut_a_stated_toll() -> None:
    """ACLED codes 0 when a report mentions no deaths; merged with a report of 100 killed, 100 stands.
    A report that says nobody died is a real 0 and, being the most conservative, wins."""
    import datetime as dt

    from sigact.dedup.merging import Report, conservative_fatalities
    from sigact.model import Event

    def report(fatalities: int, sentence: str) -> Report:
        ev = Event(id=f"E{fatalities}{len(sentence)}", event_date=dt.date(2024, 9, 17), event_type="Battles",
                   fatalities=fatalities, evidence=sentence)
        return Report(event=ev, sentence=sentence, extras={"fatalities_estimated": False})

    silent = report(0, "Gunmen attacked the gendarmerie school in Bamako.")
    stated = report(100, "About 100 soldiers were killed in the attack on Bamako.")
    none_died = report(0, "The attack on Bamako caused no casualties, officials said.")
    assert conservative_fatalities([silent, stated]) == 100
    assert conservative_fatalities([silent]) == 0
    assert conservative_fatalities([none_died, stated]) == 0
