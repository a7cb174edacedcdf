"""The attribute check: an answer's quotes must state the kind of value asked (pure)."""

from __future__ import annotations

import pytest

from assistant.answerability import (
    edition_unknown,
    editions_named,
    flat,
    unknown_names,
    unsaid,
    unstated,
)

AVAILABILITY = ["腾讯云提供的本服务可用性不低于99.9%", "服务月度的服务可用性 赔偿代金券金额"]


@pytest.mark.parametrize(("question", "missing"), [
    ("语音合成SLA承诺的P99合成延迟是多少毫秒", ["latency"]),
    ("What data durability (how many nines) does the GooseFS SLA guarantee?", ["durability"]),
    ("邮件推送SES每天最多能发多少封邮件", ["rate_limit"]),
    ("What's the per-device QPS limit on IoT Explorer?", ["rate_limit"]),
    ("CVM 的价格是多少？", ["price"]),
    ("What's the max number of concurrent OrcaTerm terminal sessions per account?", ["limit"]),
    ("iOA零信任 一个授权最多能接入多少台终端", ["limit"]),
    ("腾讯云智绘包年买有几折 有没有新客优惠", ["price"]),
    ("How many days of dashboard and query history does managed Grafana keep under its SLA?",
     ["retention", "period"]),
    ("What response latency in milliseconds does the oral evaluation SLA guarantee?", ["latency"]),
    ("APM 上报的链路数据保存多少天？", ["retention", "period"]),
    ("DDoS 高防 IP 承诺攻击开始后几秒内开始清洗？", ["seconds"]),
    ("Which region or data center stores the medical data we upload?", ["location"]),
    ("文本内容安全接口的响应时间有SLA吗，比如保证200ms以内返回？", ["latency"]),
    ("云拨测承诺全球至少有多少个拨测点可用？", ["count"]),      # the thing counted is never named
    ("负载均衡的 SLA 对新建连接速率有什么保证吗？", ["measure"]),   # a measure the SLA never names
    ("主机安全对勒索病毒的检出率承诺是多少？", ["measure"]),
    ("CoDesign 账号多久没登录会被收回？具体几天", ["length"]),      # 长期不登录: no number of days
    ("What per-minute unit price converts the voice-message credit into minutes?", ["price"]),
    ("注销以后依法保留的那部分数据要保存几年？", ["period"]),  # 保留 said, no period
    # a response-time promise asked of an SLA that makes none: not its availability figure
    ("Does the 安全验证 SLA commit to a response time for service requests?", ["turnaround"]),
    ("How many end users can one instance hold before we hit the capacity limit?", ["limit"]),
    ("Which encryption algorithm and key length does the device use?", ["crypto"]),
    ("What revenue share does Tencent take from apps sold in the marketplace?", ["price"]),
    ("How much does a HAI GPU instance cost per hour?", ["price"]),
    ("同传实时会议按分钟怎么收费？开一小时大概多少钱？", ["price"]),
    ("客户问专线一个端口每月多少钱，具体是多少", ["price"]),
    ("does the cloud functions SLA guarantee any p99 invocation latency?", ["latency"]),  # yes/no
    ("What late fee applies if I'm overdue paying for the honeypot?", ["overdue"]),
    ("移动推送的SLA对消息到达率承诺是多少？", ["delivery"]),  # a rate other than availability
    ("GooseFSx 单实例承诺的 IOPS 性能是多少？", ["iops"]),
    ("私有域解析改了记录以后，最长多久才能全部生效？", ["take_effect"]),  # a time of that action
    ("If an SSL cert gets revoked, within how many hours does the SLA require Tencent to reissue"
     " it?", ["length", "issue"]),  # (hours asked: a length too)
    ("How many free tokens a month does Hunyuan give you?", ["rate_limit"]),
    ("Does WeData have a separate SLA tier for its private-cloud deployment?",
     ["private_deployment"]),
    ("After a CLS SLA claim is approved, how many business days until the voucher shows up in "
     "our account?", ["voucher"]),  # no SLA times a voucher's arrival
    ("If the trainer cancels, how much cash compensation does the training agreement give us?",
     ["cash"]),  # credits are vouchers; cash only where a clause says so
])
def test_a_value_the_quotes_do_not_state_is_unstated(question: str, missing: list[str]) -> None:
    assert unstated(question, AVAILABILITY) == missing


@pytest.mark.parametrize(("question", "quotes"), [
    ("买了腾讯云的带宽和IP，能拿来在国内做IDC转售吗？", AVAILABILITY),  # names bandwidth, asks no value
    ("该服务的可用性承诺是多少？", AVAILABILITY),                       # an attribute not on the list
    ("接口的 QPS 上限是多少？", ["单个账号调用频率上限为 100 QPS"]),      # stated: answerable
    ("日志保存多久？", ["日志数据保留 30 天，到期后删除"]),
    ("数据存在哪个地域？", ["您的数据存储在中国境内的数据中心"]),
    ("一共有几个可用区？", ["该地域共有 3 个可用区"]),              # the thing counted is named
    ("音频文件保存多少天？", ["上传的音频数据会为您暂存90天，90天后彻底删除。"]),
    ("服务到期后数据保留多久？", ["到期后腾讯云将保留您的数据一段合理时间，之后删除"]),  # no figure asked
    ("对检出率有什么承诺？", ["木马检出率不低于 95%"]),
    ("数据缓冲期是几天？", ["保留期限以产品文档所示为准，届满后自动删除"]),  # said by reference
    ("一次付了好几个月的钱，月度服务费怎么算？", AVAILABILITY),     # 好几个月 asks no figure
    ("可用性 99% 的话能赔多少钱？", AVAILABILITY),                    # a credit, not a price
    ("按量付费的，媒体处理具体多少钱我也说不上来。", AVAILABILITY),    # a fee not known, not asked
    ("申请要在几个工作日内提出？", ["次月的第五（5）个工作日后提出申请"]),
    ("欠费了会怎么样？", ["欠费后腾讯云将暂停服务"]),
    ("退款申请通过后多久到账？", ["退款审核通过后3个工作日内退还至您的账户"]),  # its time stated
    ("开通后几天内可以无理由全额退款？",  # the action's word 30 characters from its time
     ["在您开通企业级产品服务7 个自然日内，您有权要求终止合作并要求腾讯将当次缴纳的费用全额无息退还"]),
    ("CA 证书签发相关的信息要保存多久？", ["证书签发相关信息保存五年"]),  # how long kept, not issued
    ("The outage was resolved at 15:01:29. How many minutes of downtime does the SLA count?",
     ["服务不可用时间为61分钟"]),  # resolved: no time of handling asked
    ("If the promised response time is blown, which pays out a bigger voucher?",
     ["赔偿以腾讯云发放代金券的形式实现"]),  # a response time said as the case, not asked
])
def test_nothing_is_unstated_when_no_value_is_asked_or_the_quotes_state_it(
        question: str, quotes: list[str]) -> None:
    assert unstated(question, quotes) == []


def test_an_edition_the_figures_are_not_for_is_unstated() -> None:
    quotes = ["腾讯云提供三种版本的腾讯云 BI 服务：个人版、高级版、专业版。本服务高级版和专业版可用性不低于99.90%，"
              "如未达到上述可用性标准，您可以根据本协议第3条约定获得赔偿。"]
    assert "edition" in unstated("腾讯云BI个人版的SLA可用性承诺是多少？", quotes)
    assert "edition" not in unstated("腾讯云BI专业版的SLA可用性承诺是多少？", quotes)
    assert "edition" not in unstated("CVM 可用性承诺是多少？", quotes)  # no edition asked


def test_an_availability_asked_of_quotes_without_a_percentage_is_unstated() -> None:
    preamble = ["为使用腾讯云数据库专家服务，您应当阅读并遵守《数据库专家服务服务等级协议》。"]
    assert unstated("What availability % does the Database Expert Service SLA commit to?",
                    preamble) == ["availability"]
    assert unstated("What availability does the CVM SLA commit to?", AVAILABILITY) == []
    assert unstated("We missed the availability target: what's the claim deadline?", []) == []


def test_an_edition_the_documents_never_name_is_not_answered_with_the_service_figure() -> None:
    assert editions_named("EventBridge Professional edition vs the 标准版") == {"专业", "标准"}
    question = "What availability does the EventBridge Professional edition guarantee?"
    assert edition_unknown(question, frozenset()) == ["Professional edition"]
    assert not edition_unknown(question, frozenset({"专业"}))
    assert edition_unknown("腾讯会议企业版和商业版的赔偿比例有区别吗，企业版是不是赔得多", frozenset()) == [
        "企业版", "商业版"]
    assert not edition_unknown("Is the free personal edition of TCR covered by the SLA?",
                               frozenset({"企业"}))  # whether it is covered, no figure asked


AVAILABILITY = "腾讯云提供的本服务可用性不低于99.9%，如未达到上述可用性标准，您可以根据本协议第3条约定获得赔偿。"


@pytest.mark.parametrize(("question", "missing"), [
    ("互动白板 SLA 里对录制成功率的承诺是多少？", ["rate"]),          # a rate, answered with availability
    ("What accuracy does the OCR SLA guarantee?", ["rate"]),
    ("customer wants the hotline number. What number is it?", ["contact"]),
    ("互动白板 SLA 的可用性承诺是多少？", []),
])
def test_a_rate_or_a_contact_asked_must_be_what_the_quotes_state(question: str,
                                                                 missing: list[str]) -> None:
    assert unstated(question, [AVAILABILITY]) == missing


def test_a_rate_the_quotes_state_is_answered() -> None:
    assert unstated("语音识别的识别成功率承诺是多少？", ["服务成功率不低于99.5%。"]) == []


def test_a_tier_or_deployment_the_agreements_never_state_is_unknown() -> None:
    assert editions_named("白金 99.95%，金 99.90%，单地域多可用区服务可用性") >= {"白金", "多可用区"}
    assert edition_unknown("对等连接的钻石级可用性承诺是多少", frozenset({"白金"})) == ["钻石级"]
    assert edition_unknown("What is the multi-AZ availability commitment?", frozenset()) == [
        "multi-AZ"]
    assert not edition_unknown("单地域多可用区的可用性承诺是多少", frozenset({"多可用区"}))


def test_a_deployment_or_hardware_type_the_agreements_never_state_is_unknown() -> None:
    assert edition_unknown("Is there an on-premises edition SLA? What availability does it "
                           "commit to?", frozenset()) == ["on-premises"]
    assert edition_unknown("GPU 型实例有没有更高的可用性承诺？", frozenset()) == ["GPU 型"]
    assert not edition_unknown("GPU 型实例的可用性承诺是多少？", frozenset({"GPU"}))


def test_what_fills_an_unstated_attribute_names_it_with_its_figure() -> None:
    question = "CODING 的可用性承诺是多少？5分钟错误率超过多少才算进去"
    wanted = [u.statement for u in unsaid(question, ["CODING 服务可用性不低于 99.8%。"])]
    assert len(wanted) == 1
    assert wanted[0].search("错误率大于 0.05%（不含本数），视为该单位时间服务不可用。")
    assert not wanted[0].search("服务可用性 =（1 - 服务不可用时间 / 服务月度内总时间）")  # no figure
    limit = [u.statement for u in unsaid("What's the default QPS limit of the API?",
                                         ["可用性不低于 99.9%。"])]
    assert not limit[0].search("腾讯云所承担的违约赔偿总额不超过过往12个月所支付的服务费用")  # a cap


def test_a_failure_rate_asked_is_stated_by_a_failure_or_error_rate() -> None:
    question = "Under the Video Content Security SLA, what per-minute failure rate makes it unavailable?"
    assert unstated(question, ["本协议自【2025】年【06】月【30】日生效。"]) == ["rate"]
    assert unstated(question, ["服务在1分钟内的失败率大于0.01%的，计为该分钟内服务不可用"]) == []


def test_a_region_the_agreements_never_name_is_unknown() -> None:
    assert edition_unknown("智能导诊 SLA 对新加坡区域部署有没有单独的可用性承诺？", frozenset()) == ["新加坡"]
    assert not edition_unknown("新加坡地域的可用性承诺是多少", editions_named("中国大陆以外的地域…"))


def test_asking_whether_there_is_a_value_asks_for_it() -> None:
    assert unstated("Do we get any RPO/RTO commitment for Tencent Meeting recordings?",
                    AVAILABILITY) == ["recovery"]
    assert unstated("How fast does Tencent Cloud CA commit to issuing a certificate?",
                    AVAILABILITY) == ["turnaround"]
    assert unstated("一级故障多久响应？", ["一级故障 2 小时内响应，4 小时内到达现场"]) == []


def test_a_cross_region_deployment_the_agreements_never_state_is_unknown() -> None:
    assert edition_unknown("Tendis 跨地域容灾部署的可用性承诺是多少？", frozenset({"多可用区"})) == ["跨地域"]
    assert not edition_unknown("Tendis 跨地域部署的可用性承诺是多少？", frozenset({"跨地域"}))


def test_a_figure_asked_is_stated_only_by_that_figure_not_by_its_word() -> None:
    exclusion = ["4.8 由您自身原因引起的消息投递延迟，包括但不限于您消费处理慢导致的消息堆积情况。"]
    assert unstated("消息端到端投递延迟承诺多少毫秒？", exclusion) == ["latency"]
    assert unstated("消息端到端投递延迟承诺多少毫秒？", ["消息投递延迟不超过 200 毫秒。"]) == []


def test_a_name_in_brackets_no_agreement_mentions_is_unknown() -> None:
    corpus = flat("腾讯云 Elasticsearch Service 服务等级协议 … 云服务器 CVM 可用性 …")
    assert unknown_names("What's the SLA for Tencent Cloud's cloud phone (云手机) service?",
                         corpus) == ["云手机"]
    assert unknown_names("腾讯位置服务（地图API）的可用性SLA是多少？", corpus) == ["地图API"]
    assert unknown_names("云服务器（CVM）的可用性是多少？", corpus) == []      # in the agreements
    assert unknown_names("TDMQ (the Pulsar one) backlog, can we claim?", corpus) == []  # a phrase
    assert unknown_names("TKE 集群（cls-7f3k）挂了 30 分钟", corpus) == []       # an id


def test_a_question_word_before_ban_names_no_edition() -> None:
    quotes = ["本服务基础版、高级版可用性不低于99.90%，如未达到上述可用性标准，您可以获得赔偿。"]
    assert unstated("RayData Web 哪些版本有可用性承诺？承诺多少？", quotes) == []
    assert not edition_unknown("腾讯云BI有几个版本？哪些版本有可用性承诺，承诺多少？", frozenset({"高级"}))
    assert editions_named("个人版和专业版") == {"个人", "专业"}


def test_how_long_something_must_keep_failing_asks_no_retention() -> None:
    quotes = ["当三（3）分钟内，所有试图与指定本服务集群建立连接的尝试均失败，则该三（3）分钟时间定义为服务不可用。"]
    assert unstated("How long do all connection attempts to an Oceanus cluster have to keep "
                    "failing before it counts as unavailable?", quotes) == []
    assert unstated("How long do you keep the logs?", quotes) == ["retention"]


def test_a_head_count_or_a_free_quota_asked_must_be_stated() -> None:
    quotes = ["2.4 腾讯云派驻现场的技术支持服务人员，需经您审核通过后方可进入。"]
    assert unstated("驻场技术支持一个订单默认派几个工程师过来？", quotes) == ["headcount"]
    assert unstated("驻场技术支持一个订单默认派几个工程师过来？", ["每个订单派驻 2 名工程师。"]) == []
    assert unstated("OCR 每个月送多少次免费调用额度？", ["免费期间暂不支持开通后付费。"]) == ["rate_limit"]


def test_acronyms_glued_to_chinese_are_still_asked() -> None:
    assert unstated("电子签如果机房出故障，RTO和RPO分别承诺多少？", AVAILABILITY) == ["recovery"]


def test_which_editions_have_one_is_answered_by_the_clause_naming_them() -> None:
    quotes = ["本服务高级版和专业版可用性不低于99.90%，如未达到上述可用性标准，您可以获得赔偿。"]
    assert unstated("腾讯云 BI 个人版有可用性承诺吗？哪些版本有？", quotes) == []
    assert unstated("腾讯云BI个人版的SLA可用性承诺是多少？", quotes) == ["edition"]


def test_a_limit_named_without_its_figure_is_unstated() -> None:
    """``超出 QPS 上限的请求不计入`` names the limit and never says it; a clause number beside it
    (``4.8``) or a 12-month liability cap is no figure of it."""
    asked = "物联使能单个设备的 QPS 上限具体是多少？"
    assert unstated(asked, ["4.8 设备上报消息太频繁触发限流引起的，如单个设备的 QPS 超过上限而丢弃的消息。"]) == [
        "rate_limit"]
    assert unstated(asked, ["赔偿总额不超过损害发生前12个月的费用"]) == ["rate_limit"]
    cap = "腾讯云的赔偿总额不超过您已经支付的服务费总额的50%"  # a cap on compensation: no rate
    assert unstated("邮件推送出了问题，腾讯云赔偿总额上限是多少？", [cap]) == []
    flows = ["在某一分钟内，如果通过管理台页面或者API的所有访问均失败，则该周期计入服务月度不可用分钟数。",
             "因为请求限流、身份认证鉴权失败等导致的请求失败不计算在内。"]  # does it count? no limit asked
    assert unstated("集成流有几分钟报错，是我们触发了 API 限流，这些时间算不算不可用分钟？", flows) == []
    assert unstated(asked, ["单个设备 QPS 上限为 100 次/秒"]) == []


def test_the_governing_law_clause_names_no_region_served() -> None:
    law = "本协议适用中华人民共和国法律，不适用中国香港、中国澳门、中国台湾地区法律。"
    assert "境外" not in editions_named(law)
    assert "境外" in editions_named("本服务在中国香港地域提供")
    assert edition_unknown("What's the SLA for Tencent E-Sign in the Singapore region?",
                           editions_named(law)) == ["Singapore"]
    assert edition_unknown("Can we claim under the TCA SLA? our self-hosted node is down",
                           frozenset()) == []  # a claim under the SLA asks no edition's figure


def test_a_few_days_ago_asks_no_value() -> None:
    """``前几天挂了半天`` says when, it asks no number: the quotes need not state a free quota."""
    assert unstated("我一直用的免费额度，前几天挂了半天，能按SLA申请赔偿吗？", AVAILABILITY) == []
    assert unstated("OCR 每个月送多少次免费调用额度？", AVAILABILITY) == ["rate_limit"]


@pytest.mark.parametrize(("question", "missing"), [
    ("CoDesign 一个团队最多能拉多少个成员进来？", ["limit", "count"]),  # any verb between 最多 and 多少
    ("SD-WAN 的 Edge 硬件设备保修期是多久？", ["warranty"]),
    ("What's the scheduled maintenance window for EMR clusters (day/time)?", ["window"]),
    ("账号风控平台 SLA 里承诺的人工客服首次响应时间是多久？", ["turnaround"]),
    ("智能导诊出了故障，腾讯云客服承诺多少分钟内响应？", ["turnaround", "length"]),
])
def test_more_attributes_the_quotes_must_state(question: str, missing: list[str]) -> None:
    assert unstated(question, AVAILABILITY) == missing
    assert unstated("EMR 的维护窗口是哪天？", ["维护窗口为每周二 02:00-06:00"]) == []
    assert unstated("do planned maintenance windows count against that? how much notice do they "
                    "have to give?", ["4.1 本服务至少提前七（7）天通知用户后进行的系统维护"]) == []


def test_the_most_a_month_pays_is_no_limit() -> None:
    assert unstated("云游戏和云桌面如果月可用性掉到95%以下，最多各赔多少？", ["低于95% 月度服务费的20%"]) == []
