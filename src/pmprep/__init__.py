"""pmprep: offline practice and preparation for Netflix Product Manager interviews."""

__version__ = "0.1.0"
