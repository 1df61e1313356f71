"""Reading back what the exports wrote: an xlsx's first sheet as text cells."""

import io
import re
import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def read_xlsx(body: bytes) -> list[list[str]]:
    """The first sheet's cells as text (inline strings, as constant_memory mode writes them; numbers as written)."""
    with zipfile.ZipFile(io.BytesIO(body)) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
        sheet = ElementTree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{MAIN}row"):
        cells: list[str] = [""] * (len(rows[0]) if rows else 0)  # cells left empty are not written
        for cell in row.iter(f"{MAIN}c"):
            inline = cell.find(f"{MAIN}is/{MAIN}t")
            value = cell.find(f"{MAIN}v")
            letters = re.match(r"[A-Z]+", cell.get("r", "")).group()
            index = sum((ord(ch) - 64) * 26**power for power, ch in enumerate(reversed(letters))) - 1
            cells += [""] * (index + 1 - len(cells))
            cells[index] = (inline.text if inline is not None else value.text if value is not None else None) or ""
        rows.append(cells)
    return rows
