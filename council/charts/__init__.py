"""Plotly figure builders: plain data in, `go.Figure` out, no Streamlit.

User-written text (titles, names) is escaped before it reaches a figure: plotly reads a small
subset of HTML in labels, and a title must show as written, never as markup.
"""
