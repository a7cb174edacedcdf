"""Clauses on the whole corpus: coverage, no page furniture or glued headings, and clause
boundaries checked by hand against the corpus for documents of every kind."""

from __future__ import annotations

import re

import pytest

from index.blocks import is_furniture
from index.domain import Clause, Document, Paragraph
from index.parser import Agreements


def content_lines(agreements: Agreements, doc: Document) -> list[int]:
    """Every line of a document that is text, not furniture (title and date lines excluded)."""
    lines = agreements.corpus.lines
    updated = next(no for no in range(doc.doc_line, doc.line_end + 1)
                   if lines[no - 1].startswith("最近更新时间"))
    return [no for no in range(updated + 1, doc.line_end + 1)
            if lines[no - 1].strip() and not is_furniture(lines[no - 1])]


def clause_line_numbers(clause: Clause) -> list[int]:
    nos = [line.no for line in clause.lines]
    return nos + ([clause.heading_line] if clause.heading_line else [])


def test_every_content_line_lands_in_exactly_one_clause(agreements: Agreements) -> None:
    lines = agreements.corpus.lines
    total = covered = 0
    problems = []
    for doc in agreements.documents:
        seen: dict[int, int] = {}
        for clause in doc.clauses:
            for no in clause_line_numbers(clause):
                seen[no] = seen.get(no, 0) + 1
        for no in content_lines(agreements, doc):
            total += len(lines[no - 1].strip())
            if seen.get(no) == 1:
                covered += len(lines[no - 1].strip())
            else:
                problems.append((doc.id, no, seen.get(no, 0)))
        outside = set(seen) - set(content_lines(agreements, doc))
        assert not outside, f"{doc.id}: clause lines outside the document: {sorted(outside)[:5]}"
    share = covered / total
    print(f"characters covered: {share:.4%}")
    assert share >= 0.995, f"covered {share:.4%} of content characters, required 99.5%"
    assert problems == []


def test_no_clause_text_holds_page_furniture(agreements: Agreements) -> None:
    bad = []
    for doc in agreements.documents:
        for clause in doc.clauses:
            text = clause.text
            if ("版权所有：腾讯云计算" in text or re.search(r"第\d+ 共858页", text)
                    or re.search(r"(?m)^\s*https?://\S+\s*$", text) or "政策与规范" in text):
                bad.append(clause.id)
    assert bad == []


def test_no_heading_is_glued_inside_a_sentence(agreements: Agreements) -> None:
    """A heading line of a document never appears inside its paragraphs (quotes aside)."""
    lines = agreements.corpus.lines
    glued = []
    for doc in agreements.documents:
        headings = {" ".join(lines[c.heading_line - 1].split())
                    for c in doc.clauses if c.heading_line}
        headings = {h for h in headings if len(h) >= 5}
        for clause in doc.clauses:
            for block in clause.blocks:
                if not isinstance(block, Paragraph):
                    continue
                text = " ".join(block.text.split())
                for heading in headings:
                    for match in re.finditer(re.escape(heading), text):
                        at = match.start()
                        if at > 0 and text[at - 1] not in "“《「\"'":
                            glued.append((clause.id, heading))
    assert glued == []


def test_sections_and_paths(agreements: Agreements) -> None:
    cvm = agreements.document("cvm-sla")
    clause = cvm.clause("3.1")
    assert clause is not None
    assert clause.id == "cvm-sla#3.1"
    assert clause.heading == "赔偿标准"
    assert clause.path == ("3. 赔偿方案", "3.1 赔偿标准")
    terms = agreements.document("tencent-cloud-terms")
    late_fee = terms.clause("3.2.4")
    assert late_fee is not None
    assert late_fee.path == ("第三条 服务", "3.2 服务费用", "3.2.4")


def clause(agreements: Agreements, doc_id: str, section: str) -> Clause:
    found = agreements.document(doc_id).clause(section)
    assert found is not None, f"{doc_id} has no clause {section}"
    return found


def table_rows(c: Clause) -> list[int]:
    return [row.no for table in c.tables for row in table.rows]


# --- hand-checked clause boundaries (line numbers read off the corpus) -----------------------

def test_cvm_sla(agreements: Agreements) -> None:
    preamble = clause(agreements, "cvm-sla", "preamble")
    assert preamble.text.startswith("为使用腾讯云云服务器服务")
    assert (preamble.line_start, preamble.line_end) == (1288, 1300)
    assert clause(agreements, "cvm-sla", "1.2.1").text == "单位数量为1的云服务器实例。"
    assert "43189.2" in clause(agreements, "cvm-sla", "2.2").text
    standard = clause(agreements, "cvm-sla", "3.1")
    assert [len(t.rows) for t in standard.tables] == [8]  # two headers and six tier rows
    assert table_rows(standard) == [1510, 1512, 1514, 1516, 1518, 1520, 1593, 1595]
    assert "低于99.995%但等于或高于99% 月度服务费的10%" in standard.text
    assert "以其中赔偿额较高者为准" in standard.text
    deadline = clause(agreements, "cvm-sla", "3.2")
    assert "六十（60）个自然日" in deadline.text
    assert "次月的第五（5）个工作日后" in deadline.text
    assert clause(agreements, "cvm-sla", "4").text.startswith("如您购买的服务是 GT4")
    assert clause(agreements, "cvm-sla", "5.1").text.startswith("5.1 任何腾讯云所属设备以外")


def test_tencent_cloud_service_agreement(agreements: Agreements) -> None:
    late_fee = clause(agreements, "tencent-cloud-terms", "3.2.4")
    assert "万分之五" in late_fee.text
    assert (late_fee.line_start, late_fee.line_end) == (323, 327)
    assert "5个工作日内" in clause(agreements, "tencent-cloud-terms", "3.2.7").text
    liability = clause(agreements, "tencent-cloud-terms", "10.3")
    assert "过往12个月所支付的服务费用的总额" in liability.text
    first = clause(agreements, "tencent-cloud-terms", "第一条")
    assert first.heading == "通则" and first.heading_line == 277


def test_account_cancellation_list_across_a_page_break(agreements: Agreements) -> None:
    conditions = clause(agreements, "account-cancellation-terms", "2.3")
    assert len(conditions.pages) == 2
    assert "（1）账号内无未完成的订单、服务" in conditions.text
    assert "（10）已经妥善处理了其他任何可能影响您权益的事项" in conditions.text
    assert clause(agreements, "account-cancellation-terms", "二、").heading == "账号注销的流程"


def test_terms_with_articles_and_a_displaced_list(agreements: Agreements) -> None:
    assert clause(agreements, "ocr-terms", "第二条").heading == "服务费用"
    payment = clause(agreements, "ocr-terms", "2.5")
    assert payment.path[0] == "第二条 服务费用"
    assert "还应按所欠费用1%的标准向腾讯云支付违约金" in payment.text


def test_cos_storage_class_labels_stay_with_their_rows(agreements: Agreements) -> None:
    standard = clause(agreements, "cos-sla", "3.1")
    rows = [row.text.strip() for t in standard.tables for row in t.rows]
    for label in ("标准存储", "低频存储", "低频存储（多 AZ）", "冷存储/归档存储/深度归档存储",
                  "冷存储（多 AZ）/归档存储（多 AZ）"):
        assert label in rows
    assert rows.index("冷存储（多 AZ）/归档存储（多 AZ）") < rows.index(
        "低于99.50%但等于或高于99.00% COS 月度总服务费的10%")
    assert 6049 in table_rows(standard)


def test_ccn_tiers_platinum_gold_silver(agreements: Agreements) -> None:
    standard = clause(agreements, "ccn-sla", "3.1")
    rows = [row.text.strip() for t in standard.tables for row in t.rows]
    assert rows[:3] == ["服务等级 服务月度的服务可用性 赔偿代金券金额", "白金",
                        "99.99% ＞ 服务可用性 ≥ 99.95% 月度服务费的15%"]
    assert "金" in rows and "银" in rows
    assert standard.text.startswith("对于本服务，若服务可用性低于标准")


def test_mysql_node_layouts(agreements: Agreements) -> None:
    standard = clause(agreements, "cdb-mysql-sla", "3.1")
    rows = [r.text.strip() for t in standard.tables for r in t.rows]
    assert rows[1] == "三节点多可用区"
    assert "双节点单可用区/云盘版实例/只读分析引擎" in rows


@pytest.mark.parametrize(("doc_id", "section", "head", "tail"), [
    ("gme-sla", "3.1", 16423, [16478, 16480, 16482]),
    ("meeting-sla", "4.1", 48315, [48373]),
    ("zhong-duan-xing-neng-jian-kong-sla", "3.1", 43479, [43524, 43526, 43528]),
])
def test_tables_split_by_a_page_break_are_rejoined(
        agreements: Agreements, doc_id: str, section: str, head: int, tail: list[int]) -> None:
    tables = clause(agreements, doc_id, section).tables
    joined = [t for t in tables if head in [r.no for r in t.rows]]
    assert len(joined) == 1
    assert [r.no for r in joined[0].rows][-len(tail):] == tail


def test_im_table_starts_below_its_commitment(agreements: Agreements) -> None:
    rows = [r.text for t in clause(agreements, "im-sla", "3.1").tables for r in t.rows]
    assert "99.5% ≤ 服务可用性 ＜ 99.9% 月度服务费的10%" in rows


def test_confidential_computing(agreements: Agreements) -> None:
    assert clause(agreements, "confidential-computing-sla", "1.3").heading == "TEE 节点"
    assert "99.90" in clause(agreements, "confidential-computing-sla", "2.2").text
    standard = clause(agreements, "confidential-computing-sla", "3.1")
    assert standard.text.startswith("对于本服务")
    assert "低于99.95%但等于或高于99% 月度服务费的10%" in standard.text


def test_sentence_wrapped_across_a_page_break_is_joined(agreements: Agreements) -> None:
    deadline = clause(agreements, "yi-liao-bao-gao-jie-gou-hua-saas-sla", "3.2")
    assert "六十（60）自然日内未提出赔偿申请" in deadline.text
    assert len(deadline.pages) == 2


def test_sentence_split_by_a_displaced_table_is_joined(agreements: Agreements) -> None:
    standard = clause(agreements, "dai-ma-qian-ming-zheng-shu-sla", "3.1")
    assert "赔偿总额不超过相应未达标服务月度内您就本服务支付的相应月度服务费" in standard.text
    assert "单个服务月度内一次持续不可用时间，超过5分钟，" in standard.text


def test_privacy_rule_keeps_its_sdk_table(agreements: Agreements) -> None:
    rule = agreements.document("personal-information-privacy")
    assert rule.kind == "privacy"
    text = rule.clauses[0].text
    assert "腾讯T-Sec 设备安全" in text and "图灵盾风险识别旗舰版" in text
