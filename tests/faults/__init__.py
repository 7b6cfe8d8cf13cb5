"""Fault catalogue (issue 8, item 2): the real app against a misbehaving portal."""
