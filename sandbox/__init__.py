"""Reference implementation of the Claims Online Portal API (see PORTAL_API.md).

It exists so that demos, development and the test suites have a real portal to talk to over
TLS; nothing in `desktop/` imports it.
"""
