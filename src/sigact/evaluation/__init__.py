"""Evaluation of sigact components against reference data."""
