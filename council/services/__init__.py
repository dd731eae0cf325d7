"""Use cases the pages call: each reads or writes the workspace without knowing about Streamlit."""
