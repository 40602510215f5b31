"""Writers and content builders for the sample firm (see ../generate.py)."""
