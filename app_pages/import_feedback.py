"""Import customer feedback: the secretary adds survey responses from a CSV file."""

import pandas as pd
import streamlit as st

from council.i18n import _, pgettext
from council.i18n import formats as fmt
from council.services.feedback_import import may_import, recent_imports
from council.ui.cache import cached
from council.ui.feedback_check import check_and_import
from council.ui.feedback_columns import mapping
from council.ui.feedback_import import choose_file
from council.ui.forms import show_flash
from council.ui.session import current_person, workspace

ws = workspace()
st.title(_("Import feedback"))
st.caption(
    _(
        "Add survey responses from a CSV file. Every row is checked first; nothing is written until you "
        "import, and then the whole file is imported or none of it. A file is never imported twice."
    )
)
show_flash()

if not may_import(current_person(ws)):
    st.info(_("Only the council's secretary imports customer feedback."), icon=":material/lock:")
else:
    chosen = choose_file(ws)
    if chosen:
        file, source = chosen
        profile = mapping(ws, file, source)
        if profile:
            check_and_import(ws, file, profile)

st.subheader(_("Latest imports"))
imports = cached(ws, recent_imports)
if imports.empty:
    st.caption(_("No file has been imported yet."))
else:
    # Written here rather than by the table, whose month names are always English.
    moments = pd.to_datetime(imports["imported_at"], utc=True).dt.tz_convert(ws.config.time_zone)
    imports = imports.assign(imported_at=[f"{fmt.day(t)}, {fmt.clock(t)}" for t in moments])
    st.dataframe(
        imports,
        hide_index=True,
        width="stretch",
        column_config={
            "imported_at": _("Imported"),
            "source": _("Source"),
            "file_name": _("File"),
            "row_count": st.column_config.NumberColumn(_("Responses"), format="%d"),
            "skipped_rows": st.column_config.NumberColumn(_("Left out"), format="%d"),
            "already_imported": st.column_config.NumberColumn(_("Imported before"), format="%d"),
            "encoding": _("Read as"),
            # Translators: the column of who imported a file.
            "imported_by": pgettext("imported by", "By"),
        },
    )
