"""Exchange formats: ACLED CSV and UCDP GED in; ACLED CSV, GeoJSON, Parquet and JSONL out."""
