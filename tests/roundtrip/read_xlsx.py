"""Reads an Excel workbook with openpyxl and prints every sheet as JSON:
its header, its rows as values (dates as YYYY-MM-DD), the type of each
cell, the frozen pane and the autofilter range.

Usage: python read_xlsx.py BOOK.xlsx
"""
import datetime
import json
import sys

import openpyxl


def value(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    return v


def kind(cell):
    v = cell.value
    if v is None:
        return "empty"
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, (datetime.date, datetime.datetime)):
        return "date"
    return "text"


book = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in book.worksheets:
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]] if rows else []
    out[ws.title] = {
        "header": header,
        "rows": [[value(c) for c in r] for r in rows[1:]],
        "types": [[kind(c) for c in r] for r in rows[1:]],
        "formulas": sum(1 for r in rows for c in r if c.data_type == "f"),
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "widths": [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(len(header))],
    }
json.dump(out, sys.stdout, ensure_ascii=False)
