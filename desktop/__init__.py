"""Claims Desktop: a Qt client for a payer's Claims Online Portal."""

__version__ = "0.1.0"
