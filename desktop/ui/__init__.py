"""Qt widgets: one module per window, screen or dialog."""
