"""The assistant end to end on a small real index (real corpus, catalog and retrieval code;
a fake hash embedder instead of the model, so the test needs no weights)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.answer import Answer
from assistant.conversation import Turn
from assistant.factory import build_assistant
from assistant.pipeline import MAX_QUESTION_CHARS, Assistant
from assistant.settings import AssistantSettings
from index.settings import IndexSettings
from index.stores.builder import IndexBuilder
from tests.index.fakes import FakeEmbedder

DOCS = {"cvm-sla", "cos-sla", "clb-sla", "tencent-cloud-terms", "account-cancellation-terms",
        "ccn-sla", "vpn-sla", "vpn-terms", "tke-register-sla",
        "teng-xun-hui-yi-di-san-fang-ying-yong-ping-tai-terms", "coding-sla",
        "yun-yuan-sheng-gou-jian-sla", "orcaterm-sla", "im-sla",
        "tccc-sla", "wei-da-di-dai-ma-sla", "eks-sla", "ying-ji-xiang-ying-fu-wu-sla"}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    index = IndexSettings(index_dir=tmp_path_factory.mktemp("index"), embedder="fake")
    IndexBuilder(index, FakeEmbedder(), progress=False, doc_filter=DOCS).run()
    return build_assistant(AssistantSettings(index=index), today=date(2026, 11, 26),
                           embedder=FakeEmbedder())


def test_credit_question_goes_to_the_calculator(assistant: Assistant) -> None:
    answer = assistant.ask("CVM 2024年3月断了 5 次（45秒、61秒、1分59秒、10分钟、20分钟），"
                           "月费 680 元，赔多少？最晚哪天申请？")
    assert answer.route == "calculator"
    assert answer.calculation is not None
    assert answer.calculation["credit_amount"] == 68.0
    assert answer.calculation["claim_window"]["deadline"] == "2024-05-30"
    assert "68" in answer.text and "2024-05-30" in answer.text
    assert answer.citations and all(c.doc_title == "云服务器服务等级协议" for c in answer.citations)


def test_a_question_in_traditional_characters_is_computed(assistant: Assistant) -> None:
    answer = assistant.ask("雲服務器 2024年3月斷了 90 分鐘，月費 2000 元，請問可以賠多少？")
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["credit_amount"] == 200


def test_instances_with_their_own_outages_and_fee_are_each_computed(assistant: Assistant
                                                                      ) -> None:
    answer = assistant.ask("Two of our CVM instances went down in March 2024: one for 600 "
                           "minutes, the other for 200 minutes. Each instance costs 1000 CNY a "
                           "month. Credit?")
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["credit_amount"] == 250.0  # the instance paying most, in full
    assert "instance 1: 600 min" in answer.text and "instance 2: 200 min" in answer.text
    assert "Total 350.00 CNY" in answer.text  # 25 % of one fee + 10 % of the other, never 800 min
    asked = assistant.ask("两台 CVM 实例 2024年3月 断了：一台 600 分钟，另一台 200 分钟，月费合计 2000，赔多少？")
    assert asked.route == "clarify"  # each instance's own fee is not said


def test_minutes_that_partly_worked_count_only_where_the_sla_says_they_are_available(
        assistant: Assistant) -> None:
    # OrcaTerm: "部分成功时，则视为该分钟内的本服务是可用的"; CVM says no such thing
    orca = assistant.ask("OrcaTerm 10月25号 23:40 到 26号 01:10 一直登不上，但中间 00:20~00:30 有部分同事"
                         "能登进去（部分成功）。10月服务费 880 元，赔多少？")
    assert orca.route == "calculator" and orca.calculation is not None
    assert orca.calculation["availability_pct"] == pytest.approx(99.820789)  # 80 of 90 minutes
    assert "00:20~00:30" in orca.text.splitlines()[0]  # the reading says what was left out
    cvm = assistant.ask("CVM Oct 14 2026: 01:10–02:25 every login failed. 03:00–03:20 about "
                        "half of the requests went through. October fee ¥18,000. Credit?")
    assert cvm.route == "clarify" and "03:00–03:20" in cvm.text
    # IM: "全部或部分消息发送尝试成功的，则视为该分钟内的本服务是可用的" (a part that succeeded)
    im = assistant.ask("IM Oct 14 2026: 01:10–02:25 every login failed. 03:00–03:20 about half "
                       "of the sends went through. October consumption ¥18,000. Credit?")
    assert im.route == "calculator" and im.calculation is not None
    assert im.calculation["availability_pct"] == pytest.approx(99.831989)  # 75 minutes


def test_ranges_said_with_their_error_rate_count_by_the_slas_per_minute_threshold(
        assistant: Assistant) -> None:
    # 微搭: a minute whose error rate is over 5 % is unavailable; 09:00–09:39 and 09:40–09:50
    # list per-minute points, so the first holds 40 minutes and the second (3 %) none
    said = "微搭 11月6号 09:00 到 09:39 每分钟错误率在 6%~30% 之间，09:40 到 09:50 降到 3% 左右。月费 3,999，赔多少？"
    first = assistant.ask(said)
    assert first.route == "calculator" and first.calculation is not None
    assert first.calculation["availability_pct"] == pytest.approx(99.907407)  # 40 of 43200
    more = assistant.ask("补充一下，11月20号还有一次：14:30 到 14:45 错误率一直在 4.9% 左右，然后 14:46 到 "
                         "14:52 是 8%。加上这次重新算一下？",
                         [Turn("user", said), Turn("assistant", first.text)])
    assert more.calculation is not None
    assert more.calculation["availability_pct"] == pytest.approx(99.891204)  # 40 + 7 minutes
    # TCCC: a minute with a call success rate under 99 % is unavailable (error over 1 %)
    tccc = assistant.ask("TCCC Nov 2026 per-minute success rate: Nov 16 09:00–12:29 between 97% "
                         "and 98.5%; 12:30–13:00 at 99.2%. ¥26k. Credit?")
    assert tccc.calculation is not None
    assert tccc.calculation["availability_pct"] == pytest.approx(99.513889)  # 210 of 43200
    straddling = assistant.ask("微搭 11月6号 09:00 到 09:39 每分钟错误率在 2%~30% 之间。月费 3,999，赔多少？")
    assert straddling.route == "clarify"  # some of those minutes were under 5 %: how many?


def test_announced_maintenance_is_left_out_where_the_sla_excludes_it(assistant: Assistant
                                                                      ) -> None:
    said = "2024年3月断了两次：60 分钟、30 分钟；还有一段 40 分钟是提前发了公告的系统维护。月费 1000，赔多少？"
    answer = assistant.ask(f"VPN 连接{said}")  # "腾讯云预先通知您后进行系统维护所引起的"
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["availability_pct"] == pytest.approx(99.798387)  # 90 of 44640
    assert "40 分钟" in answer.text.splitlines()[0]  # the reading says what was left out
    cvm = assistant.ask(f"CVM {said}")  # CVM's SLA excludes the 常规维护 of another agreement:
    assert cvm.route == "clarify" and "40 分钟" in cvm.text  # asked, not assumed


def test_a_product_without_an_sla_goes_to_the_sla_that_covers_it(assistant: Assistant
                                                                   ) -> None:
    # VPN 网关 has terms only; the VPN 连接 SLA counts availability per VPN 网关 instance
    answer = assistant.ask("VPN 网关 2024年3月断了 2 小时，月费 800 元，赔多少？")
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["doc_title"] == "VPN 连接服务等级协议"


def test_an_sla_that_pays_nothing_says_so_with_its_reason(assistant: Assistant) -> None:
    answer = assistant.ask("注册集群 2026年10月 连不上 1个半小时，月费 800，能赔点代金券吗？")
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["credit_amount"] == 0
    lead = answer.text.splitlines()[1]
    assert "不提供代金券赔偿" in lead and "承诺 —" not in lead
    assert "协议没有规定未达承诺时的赔偿" in lead  # the catalog's note (无赔偿条款) is no quote


def test_missing_month_is_asked_for(assistant: Assistant) -> None:
    answer = assistant.ask("CVM 断了 90 分钟，月费 2000 元，能赔多少？")
    assert answer.route == "clarify"
    assert answer.missing == ("month",)
    assert "哪个月" in answer.text


def test_follow_up_supplies_the_missing_month(assistant: Assistant) -> None:
    history = [Turn("user", "CVM 断了 90 分钟，月费 2000 元，能赔多少？"),
               Turn("assistant", "要计算赔偿，还需要：哪个月")]
    answer = assistant.ask("2024年3月", history)
    assert answer.route == "calculator"
    assert answer.calculation is not None and answer.calculation["credit_amount"] == 200.0


def test_rule_question_is_answered_with_a_quote_and_citation(assistant: Assistant) -> None:
    answer = assistant.ask("腾讯云服务协议里，欠费的违约金怎么算？")
    assert answer.route == "answer"
    assert "万分之五" in answer.text
    assert any(c.section == "3.2.4" and "万分之五" in c.text for c in answer.citations)
    assert "[1]" in answer.text


def test_english_question_gets_an_english_lead(assistant: Assistant) -> None:
    answer = assistant.ask("What is the deadline to claim a CVM credit?")
    assert answer.lang == "en"
    assert answer.text.startswith(("Answer:", "According to"))
    assert any(c.doc_title == "云服务器服务等级协议" for c in answer.citations)


@pytest.mark.parametrize("question", ["阿里云 ECS 的 SLA 是多少？", "云服务器多少钱一个月？",
                                      "Is Tencent Cloud SOC 2 Type II certified?"])
def test_questions_the_agreements_do_not_answer_are_refused(assistant: Assistant,
                                                            question: str) -> None:
    answer = assistant.ask(question)
    assert answer.route == "refusal"
    assert answer.citations == ()


def test_bad_input_is_a_message_not_an_error(assistant: Assistant) -> None:
    assert assistant.ask("   ").route == "clarify"
    long = assistant.ask("赔" * (MAX_QUESTION_CHARS + 1))
    assert long.route == "clarify" and str(MAX_QUESTION_CHARS) in long.text


def test_record_is_the_batch_interface(assistant: Assistant) -> None:
    record = assistant.ask("CVM 的赔偿申请时限是多久？").record("q1")
    assert {"id", "answer", "route", "citations", "calculation", "latency_ms"} <= set(record)
    assert record["latency_ms"] > 0
    for citation in record["citations"]:
        assert {"doc_title", "doc_line", "section", "page", "line_start", "line_end",
                "text"} <= set(citation)


def test_a_generated_answer_is_used_only_when_it_passes_the_post_check(
        assistant: Assistant) -> None:
    from assistant.grounded import GroundedGenerator
    from tests.assistant.test_generator import ScriptedGenerator

    question = "腾讯云服务协议里，欠费的违约金怎么算？"
    faithful = ScriptedGenerator("按欠费金额每天收取万分之五的违约金 [1]。")
    inventing = ScriptedGenerator("违约金为每天 3% [1]。")
    try:
        assistant.grounded = GroundedGenerator(faithful)
        assert "每天收取万分之五" in assistant.ask(question).text
        assistant.grounded = GroundedGenerator(inventing)
        fallback = assistant.ask(question)
        assert "3%" not in fallback.text and "万分之五" in fallback.text
    finally:
        assistant.grounded = None


def test_each_row_of_a_table_asked_for_respectively(assistant: Assistant) -> None:
    answer = assistant.ask("云联网白金、金、银三个等级的可用性分别是多少？")
    assert answer.route == "answer"
    for figure in ("99.99%", "99.95%", "99.50%"):
        assert figure in answer.text


def test_a_duration_question_is_not_led_by_a_payment(assistant: Assistant) -> None:
    from assistant.composer import ExtractiveComposer
    from assistant.conversation import resolve

    resolved = resolve("SLA 赔的代金券有效期是多久？", [], assistant.products, date(2026, 11, 26))
    row = "服务可用性 赔偿代金券金额 服务有效期超时 服务费的10%"
    assert ExtractiveComposer._figures(resolved, row) == []  # it asks a duration, not a share
    paid = resolve("CVM 可用性低于95%赔多少？", [], assistant.products, date(2026, 11, 26))
    assert ExtractiveComposer._figures(paid, "低于95% 月度服务费的100%") == ["100%"]


@pytest.mark.parametrize(("pieces", "kept"), [
    (("按欠费金额的万分之五", "每天收取违约金[1]。"), True),  # faithful: the model's words stay
    (("违约金是欠费的 3%", "[1]。"), False),              # a figure no clause holds: rejected
])
def test_stream_shows_the_models_words_then_the_checked_answer(
        assistant: Assistant, pieces: tuple[str, ...], kept: bool) -> None:
    from assistant.grounded import GroundedGenerator
    from tests.assistant.test_generator import ScriptedGenerator

    assistant.grounded = GroundedGenerator(ScriptedGenerator(*pieces))
    try:
        events = list(assistant.stream("腾讯云服务协议里，欠费的违约金怎么算？"))
    finally:
        assistant.grounded = None
    assert events[:-1] == list(pieces)
    final = events[-1]
    assert isinstance(final, Answer) and final.route == "answer" and final.citations
    assert final.text.startswith("按欠费金额的万分之五每天收取违约金[1]。") == kept
    assert "万分之五" in final.text and "3%" not in final.text
    assert "generate" in final.stages_ms


def test_downtime_longer_than_the_month_asks_to_check_the_downtime(assistant: Assistant) -> None:
    answer = assistant.ask("CVM 2024年3月断了1000000分钟，月费2000元，赔多少？")
    assert answer.route == "clarify" and answer.missing == ("downtime",)
    assert "比整个服务周期（44640 分钟）还长" in answer.text and "period" not in answer.text


def test_a_long_history_is_bounded_before_it_is_read() -> None:
    """One 100k-character turn, or hundreds of turns, cost what a short history does: the
    last turns are kept, each cut to a length no question or answer needs."""
    from assistant.conversation import Turn
    from assistant.pipeline import MAX_HISTORY_TURNS, MAX_TURN_CHARS, bounded

    history = [Turn("user" if i % 2 == 0 else "assistant", f"{i} " + "长" * 100_000)
               for i in range(300)]
    kept = bounded(history)
    assert len(kept) == MAX_HISTORY_TURNS and kept[-1].content.startswith("299 ")
    assert all(len(t.content) <= MAX_TURN_CHARS for t in kept)


def test_an_amount_asked_with_no_fee_gives_the_share_and_asks_the_fee(assistant: Assistant
                                                                      ) -> None:
    answer = assistant.ask("CVM 单实例 2025年8月 连续 3 个小时连不上，能赔多少钱？")
    assert answer.route == "clarify" and answer.missing == ("monthly_fee",)
    assert "实付金额" in answer.text and "10%" in answer.text and answer.citations
    share = assistant.ask("CVM 单实例 2025年8月 连续 3 个小时连不上，按协议能赔百分之几？")
    assert share.route == "calculator"  # a share asked for is answered as it is
    unbilled = assistant.ask("CVM single instance, 2025-10, down for 40 minutes in total. No "
                             "billing info yet — does it meet the SLA threshold and what % credit?")
    assert unbilled.route == "calculator"


def test_which_amount_is_the_fee_is_not_asked_when_no_credit_is_due(assistant: Assistant) -> None:
    moot = assistant.ask("CVM 2024年3月断了 10 分钟，有两笔钱：1200 元和 1500 元，不知道哪个是月费，能赔吗？")
    assert moot.route == "calculator" and moot.calculation is not None
    assert moot.calculation["eligible"] is False and "用不到月费" in moot.text
    due = assistant.ask("CVM 2024年3月断了 100 分钟，有两笔钱：1200 元和 1500 元，不知道哪个是月费，能赔吗？")
    assert due.route == "clarify"  # then the fee decides the amount: asked


def test_an_edition_the_agreement_does_not_have_is_refused_with_the_nearest_clause(
        assistant: Assistant) -> None:
    answer = assistant.ask("What availability does the CVM Professional edition guarantee "
                           "compared to the standard edition?")
    assert answer.route == "refusal" and answer.reason == "not_stated"
    assert "the Professional edition or the standard edition" in answer.text
    assert "云服务器服务等级协议" in answer.text


def test_an_attribute_stated_only_for_the_other_product_compared_is_refused(
        assistant: Assistant) -> None:
    """COS's clause says how long something is kept; CVM's quotes do not: no answer for CVM."""
    answer = assistant.ask("CVM 的数据保存多少天？跟 COS 一样吗")
    assert answer.route == "refusal" and answer.reason == "not_stated"


def test_a_figure_left_unsaid_is_refused_quoting_and_citing_the_nearest_clause(
        assistant: Assistant) -> None:
    answer = assistant.ask("What RPO does the cloud-native etcd SLA guarantee for backups?")
    assert answer.route == "refusal" and answer.text.startswith("The agreements do not state")
    quoted = re.findall(r"\d+(?:\.\d+)?%", answer.text)
    assert answer.citations and all(f in answer.citations[0].quote for f in quoted)


def test_a_heading_that_is_itself_a_question_is_never_quoted(assistant: Assistant) -> None:
    answer = assistant.ask("腾讯会议第三方应用的名字最长可以多长？", [])
    assert not any(c.quote.rstrip().endswith(("？", "?")) for c in answer.citations)
    assert "要多长？" not in answer.text


def test_an_asked_rate_the_best_quotes_leave_out_is_quoted_from_the_clauses_found(
        assistant: Assistant) -> None:
    # the commitments answer the first half; CODING's error rate (1.2, 错误率大于 0.05%) is in
    # a clause retrieved but not quoted: added, not refused
    answer = assistant.ask("CODING 和云原生构建（CNB）的可用性承诺分别是多少？5分钟错误率超过多少才算进去")
    assert answer.route == "answer"
    assert "0.05%" in answer.text and "99.8%" in answer.text


def test_a_figure_said_of_a_product_named_inside_anothers_agreement_answers_for_it(
        assistant: Assistant) -> None:
    # COS is named as a storage type of the Serverless SLA, whose list gives its durability
    answer = assistant.ask("What durability figure does the TKE Serverless SLA give for object "
                           "storage?", [])
    assert answer.route == "answer" and "99.9999999999%" in answer.text


def test_a_figure_asked_of_a_deployment_the_clauses_do_not_state_is_refused(
        assistant: Assistant) -> None:
    answer = assistant.ask("向量数据库高可用版如果只部署在单可用区，可用性承诺是多少？")
    assert answer.route == "refusal" and "99.99%" not in answer.text.split("最相关")[0]


def test_a_response_time_sla_asks_for_the_request_and_response_times(assistant: Assistant
                                                                    ) -> None:
    """应急响应 measures how long the team took to respond: asked for that, with an example
    of its own kind — never for an availability or outage minutes."""
    answer = assistant.ask("应急响应服务，这个月我们被入侵了，团队响应太慢，能赔多少？订单实付 2 万")
    assert answer.route == "clarify"
    assert "响应的时间" in answer.text and "可用性" not in answer.text
    assert "CVM" not in answer.text


def test_the_claim_window_alone_is_computed_without_asking_for_the_fee(
        assistant: Assistant) -> None:
    answer = assistant.ask("Agent here. Customer on CVM had a full outage on Oct 22 — 95 "
                           "minutes. I don't need the amount yet, just the claim window: "
                           "earliest date they can file and the last day.")
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["claim_window"]["deadline"] == "2026-12-30"
    assert answer.calculation["credit_amount"] is None  # no fee given, none asked for


def test_a_product_named_only_in_words_no_agreement_has_is_not_answered(
        assistant: Assistant) -> None:
    answer = assistant.ask("What's the monthly availability SLA for Tencent Cloud's cloud phone "
                           "(云手机) service?")
    assert answer.route == "refusal" and "云手机" in answer.text


def test_the_side_of_the_claim_window_asked_leads(assistant: Assistant) -> None:
    last = assistant.ask("CVM 赔偿最晚什么时候申请？")
    assert last.text.startswith("答：") and "60" in last.text.splitlines()[0]
    first = assistant.ask("CVM 最早哪天能提赔偿申请？")
    assert "5" in first.text.splitlines()[0] and "60" not in first.text.splitlines()[0]


def test_what_an_sla_without_a_compensation_clause_pays_is_not_stated(
        assistant: Assistant) -> None:
    answer = assistant.ask("注册集群没达到99.9%的话，赔偿比例是多少？按代金券赔吗")
    assert answer.route == "refusal" and answer.reason == "not_stated"
    assert "没有赔偿条款" in answer.text and answer.citations  # the clause that commits the level
    commitment = assistant.ask("注册集群的可用性承诺是多少？")
    assert commitment.route == "answer" and "99.9%" in commitment.text



def test_a_claim_filed_on_a_day_is_told_whether_it_is_in_the_window(assistant: Assistant
                                                                    ) -> None:
    """The day a claim was filed is no month of its own: the earlier turns' month and figures
    stay, and the answer says whether that day is in the claim window."""
    history = [Turn("user", "CVM 8月断了 3 小时，月费 2000。"), Turn("assistant", "收到。")]
    answer = assistant.ask("能赔多少？工单是10月30号才提交的，那还算数吗？", history)
    assert answer.route == "calculator" and answer.calculation is not None
    assert answer.calculation["credit_amount"] == 200
    assert "2026-10-30 提交在申请期内" in answer.text
    late = assistant.ask("能赔多少？我们11月2号才提的申请，还来得及吗？", history)
    assert "2026-11-02 提交已过申请期（最晚 2026-10-30）" in late.text
    early = assistant.ask("We filed the claim on Sep 1. Too early?", history)
    assert "a claim filed on 2026-09-01 is too early: claims open on 2026-09-08" in early.text


def test_a_clause_that_introduces_a_list_is_quoted_with_its_items(assistant: Assistant) -> None:
    # 3.1 "…将产生包括但不限于以下后果：" ends at its colon; 3.1.1 to 3.1.5 are clauses of their own
    answer = assistant.ask("腾讯云账号注销协议：账号完成注销流程后会产生哪些后果？")
    assert answer.route == "answer"
    sections = [c.section for c in answer.citations]
    assert "3.1" in sections and {"3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5"} <= set(sections)
    assert sections.index("3.1") < sections.index("3.1.1") < sections.index("3.1.5")
