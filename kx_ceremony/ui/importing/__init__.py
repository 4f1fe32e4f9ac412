"""The import dialog: dialog.py (the file, the preview, importing), choices_panel.py (award,
kind and unit for the whole list), mapping_table.py (the columns), awards_table.py (each
award value and its match), report_list.py (problems by cause, rows to look at again),
rows_model.py (the rows), wording.py (what the dialog says)."""

from kx_ceremony.ui.importing.dialog import (
    SPREADSHEET_FILTER,
    SPREADSHEET_SUFFIXES,
    ImportDialog,
    choose_spreadsheet,
)

__all__ = ["SPREADSHEET_FILTER", "SPREADSHEET_SUFFIXES", "ImportDialog", "choose_spreadsheet"]
