"""Follow-up resolution and routing on real product names (the product table is real)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.conversation import Turn, language, resolve
from assistant.router import decide
from index.parser import Agreements
from index.products import ProductTable

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def table(agreements: Agreements) -> ProductTable:
    return ProductTable.from_documents(agreements.documents)


@pytest.fixture(scope="module")
def sla_products(agreements: Agreements, table: ProductTable) -> set[str]:
    return {p.key for p in table.products
            if any(agreements.document(d).kind == "sla" for d in p.doc_ids)}


def route(question: str, table: ProductTable, sla: set[str], history: list[Turn] | None = None
          ) -> str:
    return decide(resolve(question, history or [], table, TODAY), sla).route


@pytest.mark.parametrize(("question", "expected"), [
    ("CVM 实例三月份断了 90 分钟，月费 2000 元，能赔多少，最晚哪天申请？", "calculator"),
    ("COS 标准存储上个月可用性只有 99.2%，赔多少？", "calculator"),
    ("Our CLB was down 2 hours in March 2024, fee 3,000 CNY. How much credit?", "calculator"),
    ("CVM 断了 90 分钟，能赔多少？", "clarify"),           # which month?
    ("云服务器宕机了，能赔多少？", "clarify"),               # month and downtime
    ("客户反映主动型云蜜罐 10 月“经常连不上”，月费 2,000，要求按 SLA 赔付", "clarify"),  # how long?
    ("AI Code Assistant was unusable the whole afternoon on Oct 21. ¥6,000/month. How much credit?",
     "clarify"),                                          # how long is "the whole afternoon"?
    ("音速达直播音乐版权引擎 可用性掉到94% 能陪多少", "calculator"),  # 陪 for 赔: the tier, no fee
    ("家医助手10月接口和控制台一起挂了10个小时，能退我们多少钱？", "calculator"),  # 退多少钱: a credit
    ("终端性能监控 Pro 可用性在95%到98%之间赔多少", "answer"),  # a range: the row spanning it
    ("NAT 网关 10/12 丢包率在 30%~100% 之间波动，月费 1200，能赔多少", "clarify"),  # a rate measured
    ("图像创作（人像变换那个接口）上个月错误率有 3%，月费 2 万，能赔多少？", "clarify"),  # measured how?
    ("断了 90 分钟，2024年3月，能赔多少？", "clarify"),      # which product?
    ("云服务器的可用性承诺是多少？", "answer"),
    ("CVM 可用性低于 99% 赔多少？", "answer"),              # a rule question, answered from 3.1
    ("阿里云 ECS 的 SLA 是多少？", "refusal"),
    ("Is Tencent's TRTC SLA better than Agora's 99.99% uptime guarantee?", "refusal"),
    ("how much is a Tencent Cloud CA digital certificate per year?", "refusal"),
    ("How much advance notice does Tencent have to give before raising the price of the Smart "
     "Retail Growth Platform Lite service?", "answer"),  # what the terms say of a price change
    ("What service credit does Alibaba Cloud's WAF SLA give below 99.95%?", "refusal"),
    ("云服务器多少钱一个月？", "refusal"),
    ("云服务器的价格是多少？", "refusal"),
    ("自动建出来的云服务器怎么收费？出问题按哪个SLA？", "answer"),  # the SLA part is answerable
    ("Which region has the cheapest CVM instances?", "refusal"),
    ("Can Tencent raise the price of 云服务器 while I'm using it? How much notice do they give?",
     "answer"),                                           # what the terms say of a price change
    ("云服务器涨价会提前多久通知？", "answer"),
    ("CVM couldn't be reached for 2 hours today. What evidence should I save now for the "
     "compensation claim?", "answer"),                    # the claim's evidence, not its amount
    ("CVM missed its SLA last month — how is compensation given, cash, vouchers or something else?",
     "answer"),
    ("云服务器 2024年3月断了 90 分钟，月费 2000，怎么申请？能赔多少？", "calculator"),  # both: computed
    ("自动续费是按买的时候的价格还是续费时的价格扣钱？", "answer"),  # a billing rule
    ("腾讯云不赔我可以起诉吗？", "refusal"),
    ("和腾讯云打官司的话去哪个法院？", "answer"),          # the jurisdiction clause says
    ("起了纠纷 最后去哪里打官司 适用哪的法律", "answer"),
    ("怎么才能打赢跟腾讯云的官司？", "refusal"),            # how to win: legal advice
    ("Is the penalty clause in that agreement enforceable? Should we sign it?", "refusal"),
    ("客户要跟我们打官司，主机安全服务条款里争议在哪解决？我回复时该引用哪几条", "answer"),  # the clause
    ("安全托管服务 2024年11月有效期超时，服务费 8 万元，赔多少？", "calculator"),  # an event
    ("安全托管服务响应超时怎么赔？", "answer"),            # no case given: the rule
    ("短信服务 2024年6月可用性不达标，月费 2 万元，能补多少条？", "clarify"),  # by how much?
    ("CFS 和 CBS 可用性都是99.95%吗？没达标在99%~99.95%之间各赔多少？", "answer"),  # compares
    ("our CLB kept dropping last month, super annoying. fee 800/mo, how much credit?",
     "clarify"),                                          # how long was it down?
    ("云硬盘上个月老是掉线，月费 500，能赔多少？", "clarify"),
    ("CFS 和 CBS 2024年3月都断了 2 小时，月费各 500，分别赔多少？", "answer"),  # both asked
    ("IGTM 旗舰版 2025年3月 DNS 解析中断 78 分钟，月费 5000，赔多少？", "clarify"),  # which one?
    ("TCCC, Jan 2026: 260 minutes down (a Tencent-side issue), fee ¥18,500. Credit?",
     "calculator"),                                       # "issue" is not "sue"
    ("CODING, June 2024: the server error rate was 100% for 150 minutes, fee ¥1,200. Credit?",
     "calculator"),                                       # "the server" is no product
    ("一个账号最多能开多少台CVM？配额怎么提？", "refusal"),
    # whether a failure caused by hitting a quota is claimable: the SLA's exclusions say
    ("CloudBase Run (云托管) customer's service failed because they'd hit their VPC quota. Is "
     "that claimable under the SLA?", "answer"),
    ("四力选品智能推荐上个月 22 号 13:00 到 21:00 拿不到结果，能补几天服务期？", "calculator"),   # a quota: the console's, not an agreement's
    ("We only use Image Understanding within the free quota. Does the SLA still apply to us?",
     "answer"),                                           # whether it applies is an exclusion
    ("Agent here. Customer on CVM had a full outage on Oct 22 — 95 minutes. I don't need the "
     "amount yet, just the claim window: earliest date they can file and the last day.",
     "calculator"),                                       # a measured outage, its window asked
    ("Media Processing Service (MPS) missed its SLA in March. What's the earliest point I can "
     "file the compensation claim?", "answer"),           # no figures: the claim clause's rule
    ("Captcha (验证码) missed its SLA last month. Do I get vouchers like other products, or "
     "something else?", "answer"),                        # the form of compensation
    ("What availability will the upcoming KeeWiDB serverless edition commit to when it "
     "launches?", "refusal"),                             # not launched: no agreement yet
    ("TI-ONE 之後會推出嘅 fine-tuning 服務，SLA 會唔會保證 99.99%？", "refusal"),
    ("2025年5月那次故障：一台CVM重启、一块云硬盘IO卡住、公网IP全丢包。CVM和云硬盘先不管，我就问公网IP：累计"
     "丢了8小时05分，月费660。能赔多少？", "calculator"),  # the products set aside are not asked
])
def test_routes(table: ProductTable, sla_products: set[str], question: str, expected: str) -> None:
    assert route(question, table, sla_products) == expected


def test_follow_up_carries_product_and_figures(table: ProductTable, sla_products: set[str]
                                               ) -> None:
    history = [Turn("user", "CVM 2024年3月断了 90 分钟"), Turn("assistant", "请提供月费。")]
    resolved = resolve("月费 2000 元的话能赔多少？", history, table, TODAY)
    assert resolved.is_follow_up and resolved.carried_product
    assert resolved.products[0].key == "云服务器"
    assert resolved.query.month == "2024-03" and resolved.query.incidents_seconds == (5400,)
    assert decide(resolved, sla_products).route == "calculator"
    assert resolved.search_text.startswith("云服务器")


def test_and_for_another_product_switches_product(table: ProductTable) -> None:
    history = [Turn("user", "CVM 的可用性承诺是多少？"), Turn("assistant", "99.975% [1]")]
    resolved = resolve("and for COS?", history, table, TODAY)
    assert resolved.is_follow_up and not resolved.carried_product
    assert resolved.products[0].key == "对象存储"


def test_assistant_turns_do_not_steer(table: ProductTable) -> None:
    history = [Turn("user", "代金券能转让吗？"),
               Turn("assistant", "云服务器、对象存储的协议都规定…")]
    assert resolve("那能折现吗？", history, table, TODAY).products == ()


def test_language() -> None:
    assert language("CVM 断了多久能赔？") == "zh"
    assert language("How much credit for CVM downtime?") == "en"
    assert language("What is 腾讯云 SLA for COS?") == "en"


def test_below_a_threshold_follow_up_asks_about_the_tier(table: ProductTable,
                                                         sla_products: set[str]) -> None:
    history = [Turn("user", "云服务器单实例可用性99.5%能赔多少？"), Turn("assistant", "10% [1]")]
    resolved = resolve("那要是低于95%呢？", history, table, TODAY)
    assert resolved.query.availability_pct is None  # not 99.5 carried, not 95 "measured"
    assert decide(resolved, sla_products).route == "answer"
    assert "云服务器" in resolved.search_text and "低于95%" in resolved.search_text


def test_a_bare_figure_follow_up_replaces_the_measurement(table: ProductTable) -> None:
    history = [Turn("user", "COS standard storage availability was 94% this month, credit?")]
    resolved = resolve("And if it were 99.5% instead?", history, table, TODAY)
    assert resolved.query.availability_pct == Decimal("99.5")


def test_a_follow_up_drops_every_name_of_the_earlier_product(table: ProductTable) -> None:
    history = [Turn("user", "云服务器CVM单实例可用性承诺多少？")]
    resolved = resolve("那轻量应用服务器呢？", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["轻量应用服务器"]
    assert "CVM" not in resolved.search_text and "云服务器CVM" not in resolved.search_text
    assert "单实例可用性承诺" in resolved.search_text


def test_a_month_without_a_year_in_a_follow_up_restates_the_earlier_one(
        table: ProductTable) -> None:
    history = [Turn("user", "视频内容安全 2025年10月 故障不可用 30 分钟，月费 8,000，赔多少？"),
               Turn("assistant", "请提供 10 月有有效请求的总分钟数。")]
    resolved = resolve("查了控制台，10月份有有效请求的分钟数是 18,000。", history, table, TODAY)
    assert resolved.query.month == "2025-10"
    assert resolved.query.request_minutes == Decimal(18000)


def test_a_count_answering_a_question_about_late_responses(table: ProductTable,
                                                           sla_products: set[str]) -> None:
    history = [Turn("user", "暴露面管理 上个月超时响应了好几次，月费 8000，能赔多少？"),
               Turn("assistant", "请问上个月具体超时响应了几次？")]
    resolved = resolve("查了，一共 7 次", history, table, TODAY)
    assert resolved.query.event_count == 7
    assert decide(resolved, sla_products).route == "calculator"


def test_a_breach_named_in_a_follow_up_is_computed(table: ProductTable,
                                                   sla_products: set[str]) -> None:
    history = [Turn("user", "渗透测试超时了，服务费 6 万，赔多少？"),
               Turn("assistant", "请问是服务有效期超时还是服务响应时长超时？")]
    assert route("是报告没按合同约定时间交付，属于服务有效期超时。", table, sla_products,
                 history) == "calculator"


def test_a_detail_about_the_same_product_continues_the_credit_question(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "专线接入 2026年9月 丢包累计 9 小时，月费 2 万，赔多少？"),
               Turn("assistant", "赔偿取决于接入架构：双线双接入点还是双线单接入点？")]
    resolved = resolve("我们是两条物理专线接到同一个专线接入点。", history, table, TODAY)
    assert resolved.is_follow_up and resolved.query.monthly_fee == 20000
    assert decide(resolved, sla_products).route == "calculator"


def test_a_question_of_its_own_about_the_same_product_is_not_a_detail(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "云数据库 MySQL 三节点多可用区没达到 99.99% 能赔多少？"),
               Turn("assistant", "低于99.99%但不低于99%时，赔偿月度服务费用15%的代金券。")]
    resolved = resolve("MySQL 的赔偿申请最晚多久提？", history, table, TODAY)
    assert not resolved.is_follow_up and decide(resolved, sla_products).route == "answer"


def test_the_same_month_as_before_is_carried_to_another_product(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "云开发 2025年12月 有 95 分钟错误率超过 5%，月费 699，赔多少？"),
               Turn("assistant", "可用性 99.787%，赔 10%。")]
    resolved = resolve("云托管那边同一个月也出了事：全部失败 95 分钟，月费 1,200，这个又怎么算？",
                       history, table, TODAY)
    assert resolved.products[0].key == "云托管" and resolved.query.month == "2025-12"
    assert decide(resolved, sla_products).route == "calculator"


def test_a_word_inside_another_named_product_is_that_product(table: ProductTable) -> None:
    resolved = resolve("云开发短信 2025年11月：发到有效号码的短信 200,000 条，失败 14,000 条，"
                       "月费 8000，能补多少条？", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["云开发短信"]


def test_more_on_top_of_an_earlier_outage_adds_to_it(table: ProductTable) -> None:
    history = [Turn("user", "医疗报告分类 SaaS 2026年9月推送全部失败累计 9 个小时，月费 3000，赔多少？"),
               Turn("assistant", "可用性 98.75%，赔 10%。")]
    resolved = resolve("那医疗报告结构化呢？同一时段也挂了，不过结构化那边又多挂了 6 个小时，月费 4000。",
                       history, table, TODAY)
    assert resolved.query.incidents_seconds == (32400, 21600) and not resolved.query.unclear


def test_another_products_fee_is_not_carried(table: ProductTable) -> None:
    """"那 iOA 呢？同一晚…时间一样" after a 容器安全 credit: the outage carries, the fee was
    容器安全's and does not — unless the user says it is the same."""
    history = [Turn("user", "容器安全 10/14 晚上 22:30 到 10/15 早上 6:00 全挂了，月费实付 3000，赔多少？"),
               Turn("assistant", "按《容器安全服务服务等级协议》……")]
    switched = resolve("那 iOA 呢？同一晚 iOA 管理平台也全部返回 500，时间一样。", history, table, TODAY)
    assert switched.query.monthly_fee is None and switched.query.incidents_seconds == (27000,)
    same_fee = resolve("那 iOA 呢？同一晚也全挂了，月费一样。", history, table, TODAY)
    assert same_fee.query.monthly_fee == 3000


def test_a_word_of_one_earlier_product_picks_it_and_its_fee_stays_behind(
        table: ProductTable) -> None:
    """Two products named before, one computed; "那分类这个赔多少？" picks the other by the word
    only its name has, and the fee said for the first is not carried to it."""
    history = [Turn("user", "客户同时用医疗报告结构化 SaaS 和医疗报告分类 SaaS。10 月 9 日结构化 SaaS "
                            "全部失败 4 小时，结构化单独月费 4,000，帮算下。"),
               Turn("assistant", "按《医疗报告结构化 SaaS 服务等级协议》：可用性 99.4624%，赔 400 元。")]
    resolved = resolve("客户说同一时间分类 SaaS 也挂了 4 小时，那分类这个赔多少？", history, table, TODAY)
    assert [p.key for p in resolved.products] == ["医疗报告分类 SaaS"]
    assert resolved.query.monthly_fee is None and resolved.query.incidents_seconds == (14400,)
    again = resolve("那结构化的呢，如果是 5 小时？", history, table, TODAY)
    assert [p.key for p in again.products] == ["医疗报告结构化 SaaS"]
    assert again.query.monthly_fee == 4000


def test_a_disputed_figure_is_computed_again_from_the_earlier_turn(
        table: ProductTable, sla_products: set[str]) -> None:
    """"Are you sure? …under 99.95% gets 25%. Shouldn't it be ¥1,000?": the tier and the amount
    are the user's claim, not a what-if tier nor a fee; the outage and fee carry."""
    history = [Turn("user", "Tencent Cloud Mesh: about 50 minutes down on Jul 22 2025. "
                            "Monthly fee 4000 CNY. Credit?"),
               Turn("assistant", "50 minutes → 99.888%, tier 10%: 400 CNY.")]
    question = "Are you sure? I read that anything under 99.95% gets 25%. Shouldn't it be ¥1,000?"
    resolved = resolve(question, history, table, TODAY)
    assert resolved.query.monthly_fee == 4000 and resolved.query.incidents_seconds == (3000,)
    assert route(question, table, sla_products, history) == "calculator"


def test_where_does_it_say_that_reads_the_last_answer(table: ProductTable) -> None:
    """"where does it say that?" asks for the clause behind what was said: the last answer's
    words are what to look for, and naming the product again keeps it a follow-up."""
    history = [Turn("user", "What do I need to include when I file a TBaaS SLA compensation claim?"),
               Turn("assistant", "At minimum your TBaaS account and the name of the blockchain "
                                 "network.\nSources: [1] …")]
    resolved = resolve("where does it say that? which section of the TBaaS SLA", history, table,
                       TODAY)
    assert resolved.is_follow_up and "blockchain network" in resolved.intent_text
    assert "Sources" not in resolved.intent_text
    plain = resolve("TBaaS 的赔偿申请要提供什么？", history, table, TODAY)
    assert "blockchain network" not in plain.intent_text


def test_a_product_corrected_keeps_the_bill(table: ProductTable) -> None:
    history = [Turn("user", "终端性能监控 2 月份接口挂了 3 小时 20 分钟。月费 800，能赔多少？"),
               Turn("assistant", "按《腾讯云终端性能监控服务等级协议》：……")]
    resolved = resolve("哦，我们买的其实是终端性能监控 Pro 版，那这样呢？", history, table, TODAY)
    assert resolved.query.monthly_fee == 800 and resolved.query.incidents_seconds == (12000,)


def test_a_product_named_as_a_yardstick_in_a_dispute_is_not_the_subject(
        table: ProductTable) -> None:
    history = [Turn("user", "轻量数据库 10 月控制台显示可用性 99.95%，实例月费 99，能赔吗？"),
               Turn("assistant", "按《轻量数据库服务等级协议》……99 × 15% = 14.85 元代金券。")]
    resolved = resolve("不对吧，我看 MySQL 那些都是 99.95% 就算达标不赔的，你是不是搞错了？", history, table,
                       TODAY)
    assert [p.key for p in resolved.products] == ["轻量数据库"] and resolved.is_follow_up
    assert resolved.query.monthly_fee == 99
    switched = resolve("那 MySQL 呢？", history, table, TODAY)
    assert [p.key for p in switched.products] == ["云数据库 MySQL"]


def test_a_product_named_in_a_bracketed_aside_is_not_the_one_that_failed(
        table: ProductTable, sla_products: set[str]) -> None:
    said = ("云防火墙 10 月出了 2 次问题，所有规则都不生效：一次 40 分钟，一次 1 小时（防火墙后面是一台 CVM，"
            "端口 443）。月费 3,000，赔多少？")
    resolved = resolve(said, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["云防火墙"]
    assert decide(resolved, sla_products).route == "calculator"


def test_a_bracket_holding_only_a_name_is_that_name_not_an_aside(table: ProductTable) -> None:
    said = ("If RUM (前端性能监控) and Mobile APM Pro (终端性能监控 Pro) both fell to 97% in the "
            "same month, what does each SLA pay?")
    assert [p.key for p in resolve(said, [], table, TODAY).products] == [
        "前端性能监控", "终端性能监控 Pro"]


def test_both_products_said_down_in_one_outage_are_asked_about_not_compared(
        table: ProductTable, sla_products: set[str]) -> None:
    assert route("CVM 和 CBS 10月都挂了 90 分钟，月费 100，赔多少？", table, sla_products) == "clarify"
    assert route("CFS 和 CBS 各赔多少？", table, sla_products) == "answer"


def test_how_much_do_we_get_asks_for_a_credit(table: ProductTable, sla_products: set[str]) -> None:
    assert route("CVM was down 90 minutes in March 2026. How much do we get?", table,
                 sla_products) in ("calculator", "clarify")  # a credit asked, never a quote


def test_the_customers_staff_are_no_question_about_the_company(table: ProductTable,
                                                               sla_products: set[str]) -> None:
    assert route("我们员工在家网络抖动连不上云桌面，这段时间算不可用吗", table, sla_products) == "answer"
    assert route("腾讯云有多少员工？", table, sla_products) == "refusal"


def test_a_product_said_not_to_be_the_one_is_not_asked_about(table: ProductTable,
                                                            sla_products: set[str]) -> None:
    said = ("等下，我看错了，那次挂的其实是 CMQ 版的集群，不是 RabbitMQ。时长一样 35 分钟，CMQ 版上个月的费用"
            "也正好是 2,600。那 CMQ 版按它自己的协议怎么算？")
    resolved = resolve(said, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["消息队列 CMQ 版"]
    assert decide(resolved, sla_products).route == "calculator"


def test_the_fee_asked_for_with_its_claim_window_adds_to_the_turn_before(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "Our CLS had a bad September — the console's availability view for "
                            "the month shows 99.62%. Does that qualify for anything?"),
               Turn("assistant", "Yes: 99.62% pays 15% of that month's fee. If you tell me "
                                 "September's CLS fee I can work out the amount.")]
    resolved = resolve("CLS was ¥7,340 for September. And today's the 29th — am I still in "
                       "time?", history, table, TODAY)
    assert resolved.is_follow_up and resolved.query.availability_pct == Decimal("99.62")
    assert decide(resolved, sla_products).route == "calculator"
    alone = resolve("MySQL 的赔偿申请最晚多久提？", [Turn("user", "云数据库MySQL没达到99.99%能赔多少？"),
                                               Turn("assistant", "赔偿月度服务费用15%的代金券。")],
                    table, TODAY)
    assert decide(alone, sla_products).route == "answer"  # a question of its own, no figure


def test_an_outage_said_open_ends_at_the_time_said_in_the_next_turn(table: ProductTable,
                                                                   sla_products: set[str]) -> None:
    history = [Turn("user", "轻量服务器又连不上了！！！从 10:20 开始 ssh 和网站全挂，现在还没好，这种能赔吗？"),
               Turn("assistant", "恢复后请告诉我恢复时间、是哪个月，以及这台实例的月费，我帮你算。")]
    resolved = resolve("好了，监控上 11:47:30 才通。就是这个月 9 号的事，套餐 60 块一个月，能赔多少？",
                       history, table, TODAY)
    assert resolved.query.incidents_seconds == (5250,)  # 10:20 to 11:47:30
    assert resolved.query.monthly_fee == Decimal(60)
    assert decide(resolved, sla_products).route == "calculator"


def test_an_availability_the_user_computed_from_the_outage_before_is_recomputed(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "今年2月医疗报告结构化SaaS故障累计7小时，月费7,500，给了10%的代金券。"),
               Turn("assistant", "请确认这7小时内是否所有调用都失败。")]
    resolved = resolve("都是全量失败。客户自己按30天算的可用性是99.03%，所以10%没问题吧？", history,
                       table, TODAY)
    assert resolved.query.availability_pct is None and resolved.query.downtime_minutes is not None \
        or resolved.query.incidents_seconds  # February has 28 days: the 7 hours, read again
    alone = resolve("我算了一下可用性是 97.25%，CVM 3 月，月费 2000", [], table, TODAY)
    assert alone.query.availability_pct == Decimal("97.25")  # nothing else measured: it stands


def test_one_more_outage_said_in_a_follow_up_is_added_to_the_first(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "CA数字身份10月14号大概有6个小时完全用不了，月费6,800，能赔多少？"),
               Turn("assistant", "360分钟不可用时可用性约为99.1935%，赔偿月度服务费的10%，即680元代金券。")]
    resolved = resolve("等下，我漏了，10月27号晚上还有一次，50分钟全部功能都用不了。加上这个会不会掉到下一档？",
                       history, table, TODAY)
    assert sorted(resolved.query.incidents_seconds) == [3000, 21600]


@pytest.mark.parametrize("question", [
    "ok and the flagship plan of that global traffic manager thing?",
    "媒体智能标签那边也是千分之一吗？",
])
def test_a_question_that_leans_on_the_answer_before_follows_it_up(table: ProductTable,
                                                                  question: str) -> None:
    history = [Turn("user", "云压测服务条款里逾期付款的违约金怎么算？"),
               Turn("assistant", "每逾期一天按所欠费用的 1‰ 支付违约金。")]
    assert resolve(question, history, table, TODAY).is_follow_up


def test_a_hypothetical_tier_is_answered_from_the_table(table: ProductTable,
                                                        sla_products: set[str]) -> None:
    """"if it drops to 98%" with no month and no fee: the tier row of that availability is
    the answer, no outage to ask for."""
    question = "and how much do I get back if it drops to 98%?"
    history = [Turn("user", "What's the availability target in the Tencent Meeting SaaS SLA?"),
               Turn("assistant", "At least 99.9% per service month.")]
    assert route(question, table, sla_products, history) == "answer"
    assert route("腾讯会议 SaaS 版 10 月断了 3 小时，如果按 98% 算能赔多少？", table, sla_products) != "answer"
    assert route("and if it drops to like 98%, how much do i get back?", table, sla_products,
                 history) == "answer"  # a hedge before the figure


def test_a_follow_up_asking_to_recompute_goes_back_to_the_calculator(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "CVM 10月 10/10 09:00–11:30，10/22 14:00–14:20 都挂了，月费3,500，赔多少？"),
               Turn("assistant", "两次合计170分钟，10月可用性约99.6192%，对应10%档，即350元代金券。")]
    assert route("等下，10/22 那次其实是我们自己的问题，重新算一下。", table, sla_products,
                 history) == "calculator"


def test_the_claim_window_asked_after_a_what_if_tier_is_the_rule_not_a_month_asked(
        table: ProductTable, sla_products: set[str]) -> None:
    history = [Turn("user", "腾讯问卷SLA承诺可用性多少？"), Turn("assistant", "不低于99.9%。"),
               Turn("user", "如果某个月只有98%呢，赔多少？"),
               Turn("assistant", "低于99%但不低于95%，赔当月服务费的20%。")]
    assert route("最晚啥时候得提申请？", table, sla_products, history) == "answer"
    said = [Turn("user", "腾讯问卷 2026年10月 可用性 98%，赔多少？"), Turn("assistant", "20% [1]")]
    assert route("最晚啥时候得提申请？", table, sla_products, said) == "calculator"  # its month's


def test_the_intent_model_overrules_the_rules_only_when_sure(table: ProductTable,
                                                             sla_products: set[str]) -> None:
    """A rule asked with figures goes to the clauses when the model is sure no credit is
    asked for; a case with its facts goes to the calculator when it is sure one is; in
    between, or without a model (None), the rules decide."""
    rule = resolve("ECDN (全站加速) — we have 20 domains and only one of them missed 99.9% last "
                   "month. Is the credit calculated on the fees for all our domains?", [], table,
                   TODAY)
    assert decide(rule, sla_products).route in ("calculator", "clarify")
    assert decide(rule, sla_products, lambda: 0.5).route in ("calculator", "clarify")
    assert decide(rule, sla_products, lambda: None).route in ("calculator", "clarify")
    assert decide(rule, sla_products, lambda: 0.001).route == "answer"
    case = resolve("CVM 2025年3月断了 90 分钟，这种情况协议上怎么处理？", [], table, TODAY)
    assert decide(case, sla_products).route == "answer"
    assert decide(case, sla_products, lambda: 0.999).route in ("calculator", "clarify")


@pytest.mark.parametrize(("question", "expected"), [
    ("COS rules: we're an overseas company, which laws apply to us?", "answer"),  # "laws" ≠ AWS
    ("Is Tencent planning to raise the COS commitment next year?", "refusal"),
    ("腾讯云有没有计划提高 CVM 的可用性承诺？", "refusal"),
    ("If you are going to compensate us for CVM, when do vouchers arrive?", "answer"),
])
def test_other_clouds_by_whole_name_and_future_plans(table: ProductTable, sla_products: set[str],
                                                      question: str, expected: str) -> None:
    assert route(question, table, sla_products) == expected


def test_a_product_on_another_is_what_failed_when_billed_on_its_own(table: ProductTable) -> None:
    resolved = resolve("我云服务器上的公网IP 9月断了 5 个小时。这个公网IP每月 60 块，能赔多少？", [],
                       table, TODAY)
    assert [p.key for p in resolved.products] == ["公网 IP"]
    resolved = resolve("我们 EMR 上的 HBase 上个月可用性只有 98.5%，月费 12,000。能赔多少？", [],
                       table, TODAY)
    assert len(resolved.products) == 2  # which agreement: asked, never picked


@pytest.mark.parametrize("unsure", ["不知道", "不记得"])
def test_two_products_the_customer_cannot_tell_apart_are_both_kept(unsure: str,
                                                                    table: ProductTable) -> None:
    resolved = resolve(f"客户说转码 8 月挂了 2 小时，费用 3000，但{unsure}是云点播的转码还是媒体处理。", [],
                       table, TODAY)
    assert {p.key for p in resolved.products} == {"点播", "媒体处理"}


def test_same_question_of_another_product_is_a_follow_up(table: ProductTable) -> None:
    history = [Turn("user", "Hunyuan SLA claim: what must the claim include?"),
               Turn("assistant", "Your AppID and UIN, and the time window to the minute.")]
    resolved = resolve("we also use Tencent NLP — same requirements there?", history, table, TODAY)
    assert resolved.is_follow_up and [p.key for p in resolved.products] == ["NLP 技术"]
    assert "claim" in resolved.intent_text



def test_the_product_whose_agreement_is_named_is_the_one_asked(table: ProductTable) -> None:
    said = "TI-ONE 上训练任务失败，原因是底下用的 COS 出问题了，这个能按 TI-ONE 的 SLA 赔吗？"
    resolved = resolve(said, [], table, TODAY)
    assert [p.key for p in resolved.products] == ["TI-ONE 训练平台"]
    assert "COS" not in resolved.search_text  # the cause, not what is asked about
    assert len(resolve("CVM和COS的SLA是多少", [], table, TODAY).products) == 2  # listed together
    both = "how much notice do the CHDFS (cloud HDFS) and GooseFSx SLAs require?"
    assert len(resolve(both, [], table, TODAY).products) == 2


def test_one_more_inside_a_list_of_this_turn_s_outages_is_no_extra(table: ProductTable) -> None:
    history = [Turn("user", "代码分析TCA的不可用时间怎么算？"),
               Turn("assistant", "连续超过 5 分钟所有请求都失败才算一次不可用。")]
    resolved = resolve("8月记了三次：6分钟、1小时零5分、还有一次正好10分钟。8月消耗3600元。", history, table,
                       TODAY)
    assert resolved.query.incidents_seconds == (360, 3900, 600) and not resolved.query.unclear


def test_a_product_named_as_the_attack_or_the_cause_is_not_the_one_asked_about(table: ProductTable) -> None:
    resolved = resolve("客户的 EIP 10月份两次不通。第一次被 DDoS 打进黑洞，断了 2小时10分；第二次出口网关故障 95 分钟。"
                       "年费 3600 元，赔多少？", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["弹性公网 IP"]
    caused = resolve("GooseFS 集群 10 月 22 日连不上 3 小时，事后查是底层一台 CVM 节点宕机导致的。月费 6,000",
                     [], table, TODAY)
    assert [p.key for p in caused.products] == ["数据加速器 GooseFS"]  # what it caused
    assert [p.key for p in caused.caused_by] == ["云服务器"]  # whether it counts is asked


def test_a_threshold_the_user_says_was_crossed_is_no_tier_asked(table: ProductTable) -> None:
    history = [Turn("user", "WeData 10月9号 14:05、14:10、14:15、14:20 四个 5 分钟桶全部失败"),
               Turn("assistant", "明白了。月度费用是多少？")]
    resolved = resolve("8,800。25 分钟除以 44640 已经低于 99.95% 了，肯定要赔吧？", history, table, TODAY)
    assert resolved.query.error_windows == ((4, Decimal(100), 5),)  # carried, not a tier asked
    assert resolved.query.monthly_fee == 8800


def test_a_product_named_only_as_what_could_not_be_reached_is_not_the_one_asked(
        table: ProductTable) -> None:
    resolved = resolve("我们的运维安全中心（就是云堡垒机）上个月：管理界面登不上 38 分钟；运维账号能登录，但 SSH 代理连不上 "
                       "CVM 52 分钟。月费 1,380，能赔多少？", [], table, TODAY)
    assert [p.key for p in resolved.products] == ["运维安全中心（堡垒机）"]
