"""Reusable Streamlit pieces: the open workspace, the acting person, cached reads, shared widgets."""
