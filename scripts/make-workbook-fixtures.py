"""Writes the workbook fixtures in tests/fixtures/owndata/ (committed; run again only when
they must change). Needs openpyxl and odfpy from PyPI: `pip install openpyxl odfpy`.

Every figure is made up: the workbooks are laid out as a working group's own spreadsheet
would be (a title, a note, groups down and years across, a source below), nothing more.
"""
import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "owndata"

SURVEY = [
    ["Illustrative: Residents who feel welcome in their neighbourhood (%)"],
    ["Our annual community survey"],
    [],
    ["Group", 2022, 2023, 2024],
    ["Everyone", 71, 73, 74.5],
    ["Māori", 68, 70, 72],
    ["Pacific peoples", 65, 69, "x"],
    [],
    ["Source: our working group's survey of 400 residents a year"],
]
DATES = [
    ["Quarter ending", "Volunteers"],
    [datetime.date(2023, 3, 31), 120],
    [datetime.date(2023, 6, 30), 135],
]


def xlsx():
    wb = Workbook()
    notes = wb.active
    notes.title = "About"
    notes.append(["About this workbook: illustrative figures for the app's tests."])
    survey = wb.create_sheet("Survey")
    for row in SURVEY:
        survey.append(row)
    dates = wb.create_sheet("Dates")
    for row in DATES:
        dates.append(row)
    wb.create_sheet("Empty")
    wb.save(HERE / "working-group.xlsx")


def ods():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Survey")
    for row in SURVEY:
        tr = TableRow()
        for value in row:
            if isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(HERE / "working-group.ods"))


if __name__ == "__main__":
    xlsx()
    ods()
