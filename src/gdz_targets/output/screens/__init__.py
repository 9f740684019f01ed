"""The terminal screens, one module per command, on one layout engine."""
