"""The geocoding evaluation (``sigact gazetteer evaluate`` / ``bench/geocode_eval.py``) on rows written here."""

from __future__ import annotations

import pandas as pd

from sigact.geo import Geocoder
from sigact.geo.evaluate import evaluate


def test_the_oracle_counts_notes_that_name_a_place_near_the_coded_point(geocoder: Geocoder) -> None:
    frame = pd.DataFrame(
        [
            # Djibo is named and lies at the coded point
            {"notes": "Gunmen killed three herders in Djibo.", "country": "Burkina Faso", "location": "Djibo",
             "latitude": 14.10, "longitude": -1.63, "admin1": "Sahel"},
            # the coded point is a village the note never names, 200 km from the town it does name
            {"notes": "Gunmen killed three herders, officials in Kaya said.", "country": "Burkina Faso",
             "location": "Tin-Akoff", "latitude": 14.96, "longitude": 0.01, "admin1": "Sahel"},
        ]
    )  # fmt: skip
    result = evaluate(geocoder, frame)
    assert result.within_25km == 0.5
    assert result.named_ceiling == 0.5  # no reader of the second note can reach its point
    assert result.names_location == 0.5
    assert result.causes["location not named in note"] == 1
