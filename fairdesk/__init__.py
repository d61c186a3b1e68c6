"""FairDesk: the on-site IP complaint desk of a trade fair."""

__version__ = "0.1.0"
