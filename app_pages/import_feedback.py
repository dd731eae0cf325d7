"""Import customer feedback: the secretary adds survey responses from a CSV file."""

import streamlit as st

from council.services.feedback_import import may_import, recent_imports
from council.ui import feedback_import as steps
from council.ui.cache import cached
from council.ui.forms import show_flash
from council.ui.session import current_person, workspace

ws = workspace()
st.title("Import feedback")
st.caption(
    "Add survey responses from a CSV file. Every row is checked first; nothing is written until you "
    "import, and then the whole file is imported or none of it. A file is never imported twice."
)
show_flash()

if not may_import(current_person(ws)):
    st.info("Only the council's secretary imports customer feedback.", icon=":material/lock:")
else:
    chosen = steps.choose_file(ws)
    if chosen:
        file, source = chosen
        profile = steps.mapping(ws, file, source)
        if profile:
            steps.check_and_import(ws, file, profile)

st.subheader("Latest imports")
imports = cached(ws, recent_imports)
if imports.empty:
    st.caption("No file has been imported yet.")
else:
    st.dataframe(
        imports,
        hide_index=True,
        width="stretch",
        column_config={
            "imported_at": st.column_config.DatetimeColumn(
                "Imported", format="D MMM YYYY, HH:mm", timezone=ws.config.time_zone
            ),
            "source": "Source",
            "file_name": "File",
            "row_count": st.column_config.NumberColumn("Responses", format="%d"),
            "skipped_rows": st.column_config.NumberColumn("Left out", format="%d"),
            "already_imported": st.column_config.NumberColumn("Imported before", format="%d"),
            "encoding": "Read as",
            "imported_by": "By",
        },
    )
