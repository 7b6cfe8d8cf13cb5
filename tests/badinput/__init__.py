"""Bad input (issue 8, item 3): hostile text from the server and from the keyboard."""
