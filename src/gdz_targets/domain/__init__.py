"""The domain: the plan, its targets, entries and the status report, as pure functions (stdlib only)."""
