"""Storage: every file gdz reads or writes — the plan, the progress log and its index, the caches."""
