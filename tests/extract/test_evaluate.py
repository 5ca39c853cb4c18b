"""``sigact evaluate acled``'s scoring, on rows written for the test."""

from __future__ import annotations

import pandas as pd

from sigact.extract.evaluate import evaluate_frame

ROW = {
    "event_id_cnty": "TST1", "event_date": "2019-05-03", "event_type": "Violence against civilians",
    "sub_event_type": "Attack", "actor1": "Unidentified Armed Group (Mali)", "actor2": "Civilians (Mali)",
    "latitude": 15.92, "longitude": 2.40, "fatalities": 2,
}  # fmt: skip


def test_menaka_coded_under_gao_counts_only_in_the_old_regions_measure() -> None:
    # older ACLED files code Ménaka's events under Gao; sigact writes Ménaka, the current region
    notes = "On May 3, 2019, unidentified gunmen killed two herders in Menaka town."
    old = pd.DataFrame([{**ROW, "notes": notes, "admin1": "Gao", "location": "Menaka"}])
    new = pd.DataFrame([{**ROW, "notes": notes, "admin1": "Menaka", "location": "Menaka"}])
    as_old, as_new = evaluate_frame(old).figures, evaluate_frame(new).figures
    assert (as_old["admin1"], as_old["admin1_old_regions"]) == (0.0, 1.0)
    assert (as_new["admin1"], as_new["admin1_old_regions"]) == (1.0, 1.0)
    assert as_old["within_25km"] == 1.0 and as_old["fatalities"] == 1.0
