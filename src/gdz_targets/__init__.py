"""gdz: track Dongguan's plan to match Guangzhou's and Shenzhen's business environment."""

__version__ = "0.1.0"
