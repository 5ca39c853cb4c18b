"""Offline geocoding for the Sahel: a bundled GeoNames/Natural Earth gazetteer, name matching that
survives press spellings, disambiguation in context and the choice of where an event happened.

Public API: :class:`Geocoder` (``Geocoder.default()``, ``locate``, ``find_places``, ``geocode``),
:class:`Place`, :class:`PlaceMention`, :class:`Candidate`; :func:`sigact.geo.outlines.admin1_shapes`
for the admin-1 polygons (maps).
"""

from sigact.geo.geocoder import Candidate, Geocoder, Place, PlaceMention

__all__ = ["Candidate", "Geocoder", "Place", "PlaceMention"]
