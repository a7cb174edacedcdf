"""Product linking: the names users give products point at the right agreements."""

from __future__ import annotations

import pytest

from index.parser import Agreements
from index.products import ProductTable, family_key, product_key


@pytest.fixture(scope="module")
def table(agreements: Agreements) -> ProductTable:
    return ProductTable.from_documents(agreements.documents)


@pytest.mark.parametrize(("question", "doc_id"), [
    ("CVM 实例三月份断了 90 分钟，月费 2000 元，能赔多少？", "cvm-sla"),
    ("云主机的可用性承诺是多少", "cvm-sla"),
    ("COS 标准存储的赔偿比例", "cos-sla"),
    ("对象存储低频存储可用性", "cos-sla"),
    ("What does the load balancer SLA promise?", "clb-sla"),
    ("MySQL 三节点多可用区赔多少", "cdb-mysql-sla"),
    ("TRTC 的服务可用性", "trtc-sla"),
    ("轻量应用服务器断网怎么赔", "lighthouse-sla"),
    ("四力选品的服务延期申请最晚什么时候提？", "si-li-xuan-pin-zhi-neng-tui-jian-sla"),
    ("If Tencent Cloud terminates the TencentDB service terms", "tencentdb-terms"),
])
def test_detects_the_product_a_question_names(table: ProductTable, question: str,
                                              doc_id: str) -> None:
    matches = table.detect(question)
    assert matches, question
    assert doc_id in matches[0].product.doc_ids


def test_longest_name_wins(table: ProductTable) -> None:
    keys = [m.product.key for m in table.detect("轻量应用服务器和云服务器有什么区别")]
    assert keys == ["轻量应用服务器", "云服务器"]


def test_short_abbreviations_need_capitals(table: ProductTable) -> None:
    assert table.detect("IM 的赔偿标准")[0].product.key == "即时通信 IM"
    assert table.detect("i'm asking about refunds") == []


@pytest.mark.parametrize(("text", "key"), [
    ("SCF2024年5月有 30 个统计周期不可用", "云函数"),      # a Latin name glued to a year
    ("CMQ2025年10月份断了3次", "消息队列 CMQ 版"),
    ("2025-02TDSQL-C for MySQL 读写实例", "TDSQL-C MySQL 版"),  # glued to a date before it
    ("cos桶挂了", "对象存储"),                            # a short code in lower case by Chinese
    ("我们的 clb 断了", "负载均衡"),
    ("im挂了", "即时通信 IM"),
    ("tsf注册中心上月挂了50分钟", "腾讯微服务平台"),       # names users give (curated aliases)
    ("同传 2025年2月 可用性只有 94%", "腾讯同传"),
    ("Video content moderation, Nov 2025", "视频内容安全"),
    ("那视频创作引擎呢？", "大模型视频创作引擎"),            # the 大模型 users leave out
    ("物联网智能视频（行业版）9 月挂了", "物联网智能视频服务（行业版）"),  # and the 服务
    ("物联网智能视频服务行业版 10 月可用性 99.87%", "物联网智能视频服务（行业版）"),  # or the brackets
    ("MongoDB 副本集上周断了", "云数据库"),  # the engines the TencentDB SLA covers
])
def test_names_users_type(table: ProductTable, text: str, key: str) -> None:
    assert table.detect(text)[0].product.key == key


@pytest.mark.parametrize(("text", "keys"), [
    ("用的是 TDMQ 的 CMQ 版（队列那个）", ["消息队列 CMQ 版"]),
    ("TSE Elastic Microservice apps failed", ["微服务引擎-弹性微服务"]),  # one family's Chinese name
    ("CVM 的 COS 桶", ["云服务器", "对象存储"]),  # no family: both named
    ("GME voice messages keep audio how long?", ["游戏多媒体引擎 GME", "语音消息"]),  # GME kept
    ("the industrial-energy RTC edition (实时互动-工业能源版)", ["实时互动-工业能源版"]),
])
def test_a_family_name_before_a_member_is_the_member(table: ProductTable, text: str,
                                                      keys: list[str]) -> None:
    assert [m.product.key for m in table.detect(text)] == keys


def test_a_name_several_products_share_is_the_one_whose_own_key_it_is(table: ProductTable
                                                                        ) -> None:
    # "CA" is in 《CA 数字证书服务合同》 and 《CA 数字身份…》 too; the product named CA has it
    assert table.detect("CA 2025年4月 不可用 170 分钟")[0].product.key == "CA"


def test_a_short_code_inside_a_word_is_not_a_name(table: ProductTable) -> None:
    assert all(m.product.key != "即时通信 IM" for m in table.detect("Image processing is down"))


def test_a_question_naming_no_product_finds_none(table: ProductTable) -> None:
    assert table.detect("代金券可以转让给别人吗") == []


def test_one_product_groups_its_sla_and_terms(table: ProductTable) -> None:
    sms = table.resolve("短信")[0]
    assert set(sms.doc_ids) == {"sms-sla", "sms-terms"}


def test_resolve_by_alias_and_close_spelling(table: ProductTable) -> None:
    assert table.resolve("cvm")[0].key == "云服务器"
    assert table.resolve("云服物器")[0].key == "云服务器"
    assert table.resolve("zzzz-nothing") == []


def test_product_key() -> None:
    assert product_key("腾讯云短信服务等级协议") == "短信"
    assert product_key("云数据库 MySQL 服务等级协议") == "云数据库 MySQL"


def test_a_products_sla_and_terms_form_one_family(table: ProductTable) -> None:
    assert family_key("语音识别公有云") == family_key("语音识别") == "语音识别"
    assert family_key("消息队列 CMQ 版") == family_key("消息队列 CMQ")
    asr = table.detect("语音识别的服务条款怎么说")[0].product
    kinds = {doc_id.rsplit("-", 1)[-1] for doc_id in asr.doc_ids}
    assert {"sla", "terms"} <= kinds and asr.key == "语音识别公有云"  # named by its SLA


def test_an_umbrella_products_terms_cover_its_members(table: ProductTable) -> None:
    mysql = table.detect("MySQL 的服务条款")[0].product
    scope = table.scope(mysql)
    assert "cdb-mysql-sla" in scope and "tencentdb-terms" in scope
    assert table.scope(table.resolve("cvm")[0]) == table.resolve("cvm")[0].doc_ids


def test_a_products_name_and_a_word_more_are_its_own_rules(table: ProductTable) -> None:
    market = table.resolve("腾讯会议应用市场")[0]
    assert "teng-xun-hui-yi-ying-yong-shi-chang-yun-ying-terms" in table.scope(market)  # 运营规范
    assert "wei-da-di-dai-ma-duan-xin-terms" in table.scope(table.resolve("微搭低代码")[0])
    cloudbase = table.scope(table.resolve("云开发")[0])
    assert "yun-kai-fa-duan-xin-terms" in cloudbase
    assert "yun-kai-fa-wang-guan-sla" not in cloudbase  # another product's SLA stays its own


def test_a_resource_id_is_not_a_product_name(table: ProductTable) -> None:
    said = table.detect("TKE 托管集群 cls-7h2kq9x1 的 API Server 连不上")
    assert [m.product.key for m in said] == ["容器服务"]  # cls-… is a TKE cluster's id, not CLS
    assert [m.product.key for m in table.detect("CLS 日志投递失败")] == ["日志服务"]


def test_latin_names_match_with_a_hyphen_or_a_space_between_words(table: ProductTable) -> None:
    said = table.detect("the search box from our WeDa website-builder resource pack broke")
    assert [m.product.key for m in said] == ["微搭建站资源包"]  # not WeDa (微搭低代码) alone
    assert [m.product.key for m in table.detect("CODING-DevOps was down")] == ["CODING"]


def test_a_name_in_brackets_after_another_explains_it(table: ProductTable) -> None:
    found = table.detect("our webify site (CloudBase web hosting) was down 70 minutes")
    assert [m.product.key for m in found] == ["Web 应用托管"]
    # unless the name before was only part of what the brackets name: "APM" of "Mobile APM Pro"
    found = table.detect("Mobile APM Pro (终端性能监控 Pro) fell to 97%")
    assert [m.product.key for m in found] == ["终端性能监控 Pro"]
    # or when the name in brackets is a longer one of which the name before is a part
    found = table.detect("the LLM image creation engine (大模型图像创作引擎) SLA")
    assert [m.product.key for m in found] == ["大模型图像创作引擎"]
    # or when a word of the same name stands before the name matched: "Enterprise cloud disk"
    found = table.detect("Enterprise cloud disk (企业网盘) was at 94% availability in May")
    assert [m.product.key for m in found] == ["企业网盘"]
    found = table.detect("the CLS (log service) SLA")  # "the" is no part of a name
    assert [m.product.key for m in found] == ["日志服务"]


def test_a_products_scope_holds_the_terms_of_the_products_its_name_starts(
        table: ProductTable) -> None:
    """"the Tencent Cloud CA contract" names CA, whose own document is an SLA; the contract
    is the terms of CA 数字证书, searched too (a question naming a contract reads only terms)."""
    ca = next(m.product for m in table.detect("Tencent Cloud CA contract"))
    assert "ca-sla" in table.scope(ca) and "ca-terms" in table.scope(ca)


def test_a_product_is_placed_where_it_is_first_named_not_at_a_longer_name_in_brackets(
        table: ProductTable) -> None:
    """"the CLS (log service) SLA" names 日志服务 at CLS; its English name in brackets explains
    it and must not make it read as an explanation of the product before (CFS)."""
    found = table.detect("what would the CFS SLA and the CLS (log service) SLA each pay?")
    assert [m.product.key for m in found] == ["文件存储", "日志服务"]


@pytest.mark.parametrize(("said", "key"), [
    ("What does the medical content platform SLA pay below 90%?", "医疗内容平台"),
    ("Does Qidian marketing training include a recording?", "腾讯企点营销产品培训"),
    ("Is the WeiLing open platform SLA counted per calendar month?", "微瓴同业开放平台"),
])
def test_products_are_linked_by_their_english_names(table: ProductTable, said: str,
                                                    key: str) -> None:
    assert [m.product.key for m in table.detect(said)] == [key]


def test_a_product_knows_whether_one_of_its_documents_is_an_sla(table: ProductTable) -> None:
    cos, account = table.product_of("cos-sla"), table.product_of("account-terms")
    assert cos is not None and cos.has_sla
    assert account is not None and not account.has_sla


@pytest.mark.parametrize(("text", "key"), [
    ("our waf instance got thrown into the sandbox", "Web 应用防火墙"),  # three letters, no word
    ("the cvm in ap-guangzhou went down", "云服务器"),
])
def test_three_letter_names_that_are_no_words_match_in_lower_case(table: ProductTable, text: str,
                                                                   key: str) -> None:
    assert table.detect(text)[0].product.key == key


def test_three_letter_names_that_are_words_still_need_capitals(table: ProductTable) -> None:
    assert table.detect("the cat sat on an ace of spades") == []


def test_a_chinese_name_typed_with_a_character_read_the_same_is_respelt(
        table: ProductTable) -> None:
    """A pinyin input slip (按/安, 漏/露, 鸡/机) in a name of five characters or more."""
    said = table.respelt("容器按全服务这个月出问题了，我们 3 个 TKE 集群全受影响")
    assert said.startswith("容器安全服务") and table.detect(said)[0].product.key == "容器安全服务"
    assert table.respelt("暴漏面管理服务我们每个月 16,000").startswith("暴露面管理服务")
    for text in ("CVM 在云服务期间断了 90 分钟", "容器服务这个月断了 2 小时",  # already a name
                 "我们的服务器这个月挂了"):  # no name of five characters one slip away
        assert table.respelt(text) == text


def test_the_edition_of_a_product_said_first_is_read_as_its_name(table: ProductTable) -> None:
    said = table.respelt("and for the industry edition of IoT Video?")
    assert [m.product.key for m in table.detect(said)] == ["物联网智能视频服务（行业版）"]
    assert table.respelt("the latest version of the SDK") == "the latest version of the SDK"


def test_a_product_name_one_letter_off_is_respelt(table: ProductTable) -> None:
    assert table.respelt("cloud firewal SLA: when is a minute unavailable?").startswith(
        "cloud firewall")
    assert "lightweight" in table.respelt("What does the lightwieght server SLA promise?")
    for text in ("How do I recover my account?", "what if my services are suspended",
                 "CVM 断了 90 分钟"):  # names no product once respelt either, or one already
        assert table.respelt(text) == text


def test_an_account_said_as_a_plain_word_is_not_the_account_terms(table: ProductTable) -> None:
    assert [m.product.key for m in table.detect("旗舰版赔偿是按整个账号算吗")] == []
    assert [m.product.key for m in table.detect("子账号能申请赔偿吗")] == []
    assert [m.product.key for m in table.detect("注册腾讯云账号有什么要求")] == ["账号"]


def test_a_ddos_attack_is_an_event_not_the_ddos_product(table: ProductTable) -> None:
    said = "Our CFS file system broke while our own app was under a DDoS attack"
    assert "DDoS 防护" not in [m.product.key for m in table.detect(said)]
    assert "DDoS 防护" not in [m.product.key for m in table.detect("我们的应用被DDoS攻击了")]
    assert [m.product.key for m in table.detect("DDoS 防护的 SLA 承诺多少")] == ["DDoS 防护"]


@pytest.mark.parametrize(("text", "key"), [
    ("健康药箱 10 月 20 号用不了", "腾讯健康药箱"),        # 腾讯 left off
    ("企点营销通 SLA 没达标赔什么", "腾讯企点营销通"),
    ("物联网开发平台 9 月断了 2 小时", "公有云物联网开发平台"),  # 公有云 left off
])
def test_a_name_without_the_company_prefix_users_leave_off(table: ProductTable, text: str,
                                                           key: str) -> None:
    assert [m.product.key for m in table.detect(text)] == [key]


def test_a_prefix_is_not_dropped_where_what_is_left_names_something_else(
        table: ProductTable) -> None:
    assert all(m.product.key != "腾讯云服务协议" for m in table.detect("这个服务协议里怎么说"))
    aliases = {a for p in table.products for a in p.aliases}
    assert "服务协议" not in aliases and "会议开放平台应用合规审核" not in aliases


def test_a_clause_in_brackets_after_a_name_keeps_the_name(table: ProductTable) -> None:
    # the bracket holds a clause (广州，账号下一共 10 个机位), not another name of the product
    found = table.detect("客户是云托付物理服务器 CHC（广州，账号下一共 10 个机位）")
    assert [m.product.key for m in found] == ["云托付物理服务器"]
