"""KX Ceremony: prepare Vietnamese commendation ceremonies."""

__version__ = "0.1.0"
APP_NAME = "KX Ceremony"
