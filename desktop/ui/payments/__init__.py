"""The Payments screen: find a payment, read its remittance, open X12 835 files."""
