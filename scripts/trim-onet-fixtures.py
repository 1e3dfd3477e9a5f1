#!/usr/bin/env python3
"""Make the O*NET and OEWS test fixtures in tests/fixtures/onet/ from the published files.

A few occupations' rows are kept exactly as published: text files line for line (bytes
untouched), Excel files cell for cell (same values, same types; the workbook is re-saved).
Reference files (content model, scales, job zones, education categories) and Read Me.txt are
copied whole. Needs python3-openpyxl.

usage: scripts/trim-onet-fixtures.py SHARED_ONET_DIR   (e.g. ../shared/onet)
"""
import os
import shutil
import sys

import openpyxl

OCCUPATIONS = ["11-1011.00", "11-1011.03", "13-1021.00", "13-1082.00", "15-1299.09", "27-2011.00"]
SOC_CODES = sorted({code.split(".")[0] for code in OCCUPATIONS} | {"13-1020"})
WHOLE = [
    "Read Me.txt",
    "Content Model Reference",
    "Scales Reference",
    "Job Zone Reference",
    "Education, Training, and Experience Categories",
]
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "onet")


def trim_excel(source, target, keep):
    book = openpyxl.load_workbook(source, read_only=True)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for index, name in enumerate(book.sheetnames):
        sheet = out.create_sheet(name)
        for number, row in enumerate(book[name].iter_rows(values_only=True)):
            if index > 0 or number == 0 or keep(row):
                sheet.append(list(row))
    out.save(target)


def trim_text(source, target, keep):
    with open(source, "rb") as src, open(target, "wb") as dst:
        for number, line in enumerate(src):
            if number == 0 or keep(line.split(b"\t")[0].decode()):
                dst.write(line)


def main(shared):
    excel = os.path.join(shared, "onet-29.3-excel")
    text = os.path.join(shared, "onet-27.0-text")
    wages = os.path.join(shared, "bls-oews-2024", "national_M2024_dl.xlsx")
    for folder in ["excel-29.3", "text-27.0", "oews-2024"]:
        os.makedirs(os.path.join(HERE, folder), exist_ok=True)
    for name in sorted(os.listdir(excel)):
        source, target = os.path.join(excel, name), os.path.join(HERE, "excel-29.3", name)
        if name == "Read Me.txt" or os.path.splitext(name)[0] in WHOLE:
            shutil.copyfile(source, target)
        else:
            trim_excel(source, target, lambda row: row[0] in OCCUPATIONS)
    for name in sorted(os.listdir(text)):
        source, target = os.path.join(text, name), os.path.join(HERE, "text-27.0", name)
        if name == "Read Me.txt" or os.path.splitext(name)[0] in WHOLE:
            shutil.copyfile(source, target)
        else:
            trim_text(source, target, lambda code: code in OCCUPATIONS)
    trim_excel(wages, os.path.join(HERE, "oews-2024", "national_M2024_dl.xlsx"),
               lambda row: row[8] in SOC_CODES)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/onet")
