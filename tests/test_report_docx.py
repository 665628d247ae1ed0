"""The Word forms open in LibreOffice: each converts to PDF with ``soffice --headless`` (CI
installs libreoffice-writer-nogui), and the 意见反馈表's PDF is a landscape A4 page that holds
its table's words."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from plancompare.model import Plan
from plancompare.report.feedback import ReportOptions, compose_report
from plancompare.report.form import Sender
from plancompare.review.model import Status
from plancompare.review.writing import Draft, new_comment, pair_reference

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice is not installed here (.ci/run installs it; CI never skips this)",
)


def to_pdf(docx: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (tests run in parallel)."""
    assert SOFFICE is not None, "CI must have LibreOffice: see .ci/run"
    profile = docx.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = docx.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    return pdf


@pytest.mark.slow
def test_both_word_forms_convert_to_pdf(luhe: Plan, dehong: Plan, tmp_path: Path) -> None:
    plans = {"luhe": luhe, "dehong": dehong}
    comments = [
        new_comment(
            luhe,
            "6.1",
            Draft(
                body="建议明确牵头单位，**避免多头负责**。",
                suggestion="成立由县政府主要领导任组长的工作领导小组",
                rationale="便于落实责任",
                reviewer="张三",
                organisation="陆河县发展和改革局",
                status=Status.SUBMITTED,
            ),
            quote="工作领导小组",
        ),
        new_comment(
            luhe,
            "5.4.1",
            Draft(body="建议补充跨境物流内容。", category="补充", reviewer="张三"),
            reference=pair_reference(dehong, "5.4", "以一流营商环境服务保障企业发展"),
        ),
    ]
    sender = Sender("陆河县发展和改革局", "张三", "0660-1234567")
    for table in (True, False):
        options = ReportOptions(table=table, sender=sender)
        report = compose_report(comments, plans.__getitem__, ["luhe"], options)
        docx = tmp_path / ("form.docx" if table else "report.docx")
        data = report.render("docx")
        assert isinstance(data, bytes)
        docx.write_bytes(data)
        pdf = to_pdf(docx)
        if table and shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True
            ).stdout
            text = "".join(text.split())  # a cell's words wrap onto its next lines
            for words in (
                "意见反馈表",
                "联系电话",
                "章节/条款",
                "建立高位推进机制",
                "避免多头负责",
            ):
                assert words in text, words
            info = subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, check=True, text=True
            ).stdout
            assert re.search(r"Page size: +841\.\d+ x 595\.\d+ pts \(A4\)", info)  # landscape
