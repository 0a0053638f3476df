"""The API's resources, one module each; the client loads them on first attribute access."""
