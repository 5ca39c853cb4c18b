"""Analytics over stored events: counts, rates, shares, comparisons, escalation and tactic shifts."""
