"""Security checks that span every app: the authorisation matrix, abuse limits, headers.

The package holds tests only; see docs/security.md."""
