"""sigact: open-source conflict reporting turned into a traceable, ACLED-coded event database.

The package is laid out as the pipeline it implements::

    ingest -> extract -> geo -> dedup -> store -> analyze -> report / web

``sigact.model`` holds the one ``Event`` model every stage shares; ``sigact.taxonomy`` holds
ACLED's vocabulary (event types, actor types, precision codes).
"""

__version__ = "0.1.0"
