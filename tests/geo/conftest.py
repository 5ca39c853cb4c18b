"""Fixtures for the geocoding tests: one bundled-only Geocoder per session (loading takes ~1 s)."""

from __future__ import annotations

import pytest

from sigact.geo import Geocoder


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    return Geocoder.load(user_layer=None)
