"""Readable, stable document ids: ``云服务器服务等级协议`` -> ``cvm-sla``.

The product part is the English name or abbreviation where the product has a well-known
one, the Latin words of the title where it has some, and pinyin otherwise. The kind
suffix tells SLAs, terms, privacy rules and guides apart. Ids are assigned in corpus
order, so a second document with the same title gets ``-2``.
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from index.domain import DocKind

# whole titles whose product part would be empty or ambiguous
TITLE_IDS = {
    "腾讯云服务协议": "tencent-cloud-terms",
    "腾讯云账号协议": "account-terms",
    "腾讯云账号注销协议": "account-cancellation-terms",
    "实名认证主体变更协议": "real-name-change-terms",
    "接受实名认证主体变更协议": "real-name-change-accept-terms",
    "腾讯云客户数据常见问题": "customer-data-faq",
    "个人信息保护规则": "personal-information-privacy",
    "隐私政策": "privacy-policy",
    "合规使用指南": "compliance-guide",
}

# well-known English names of products, longest match first
EN_NAMES = {
    "云服务器": "cvm", "裸金属云服务器": "bm", "轻量应用服务器": "lighthouse",
    "云托付物理服务器": "cpm", "高性能计算集群": "thpc", "高性能计算平台服务": "thpc-platform",
    "批量计算服务": "batch", "容器服务": "tke", "Serverless 容器服务": "eks",
    "容器镜像服务": "tcr", "注册集群": "tke-register", "云函数": "scf", "对象存储": "cos",
    "文件存储": "cfs", "云硬盘": "cbs", "日志服务": "cls", "存储网关": "csg",
    "数据万象": "ci", "云数据迁移": "cdm", "腾讯云云数据库": "tencentdb",
    "腾讯云向量数据库": "vectordb", "云数据库 MySQL": "cdb-mysql",
    "云数据库 SQL Server": "sqlserver", "轻量数据库": "lighthouse-db", "弹性缓存": "redis",
    "数据传输服务": "dts", "数据库专家服务": "db-expert", "腾讯云数据库备份服务": "dbs",
    "云数据库": "tencentdb", "负载均衡": "clb", "弹性公网 IP": "eip", "公网 IP": "public-ip",
    "私有连接": "privatelink", "专线接入": "dc", "云联网": "ccn", "对等连接": "peering",
    "全球应用加速": "gaap", "内容分发网络": "cdn", "全站加速网络": "ecdn",
    "边缘计算机器": "ecm", "边缘可用区": "edge-zone", "云直播": "css", "腾讯云点播": "vod",
    "云游戏": "gs", "腾讯云媒体处理": "mps", "云桌面": "cloud-desktop", "应用云渲染": "car",
    "实时音视频": "trtc", "验证码": "captcha", "云防火墙": "cfw", "云安全中心": "csc",
    "腾讯云云安全中心": "csc", "主机安全": "cwp", "漏洞扫描服务": "vss",
    "密钥管理系统": "kms", "运维安全中心（堡垒机）": "bh", "数据安全审计": "dsa",
    "机密计算平台": "confidential-computing", "弹性 MapReduce": "emr",
    "流计算 Oceanus": "oceanus", "数据湖计算 DLC": "dlc", "人脸识别": "iai",
    "人脸融合": "facefusion", "腾讯云文字识别": "ocr", "语音合成": "tts",
    "语音合成公有云": "tts", "语音识别": "asr", "语音识别公有云": "asr", "机器翻译": "tmt",
    "腾讯云短信": "sms", "腾讯云即时通信 IM": "im", "腾讯云语音消息": "vms",
    "腾讯云邮件推送": "ses", "云解析 DNS": "dnspod", "智能全局流量管理": "igtm",
    "SSL 证书": "ssl", "企业网盘": "smh", "腾讯会议 SaaS 版": "meeting",
    "腾讯电子签": "ess", "云开发": "tcb", "云托管": "cloudrun", "云拨测": "cat",
    "应用性能监控": "apm", "前端性能监控": "rum", "云压测": "pts", "事件总线": "eb",
    "腾讯混元大模型": "hunyuan", "腾讯云慧眼人脸核身": "faceid", "云顾问": "advisor",
    "腾讯云品牌经营管家企业经营": "brand-manager", "腾讯云微服务引擎-弹性微服务": "tem",
    "腾讯微服务平台": "tsf", "服务网格": "tcm", "API 网关": "apigw", "图片内容安全": "ims",
    "文本内容安全": "tms", "音频内容安全": "ams", "视频内容安全": "vm",
    "内容安全": "content-security", "互动白板": "tiw", "智聆口语评测": "soe",
    "腾讯云物联使能": "iot-enable",
}

# Latin words too common to name a product on their own
GENERIC_LATIN = {"sdk", "ai", "saas", "web", "js", "app", "lite", "pro", "ide", "api", "ios",
                 "android", "nfc", "ocr", "v5", "x", "p2p"}

KIND_SUFFIX = {"sla": "sla", "terms": "terms", "privacy": "privacy", "guide": "guide",
               "other": "doc"}

KIND_WORDS = re.compile(
    r"(服务等级协议|服务条款|服务协议|服务合同|用户协议|隐私保护指引|隐私保护协议|隐私政策声明|隐私政策|"
    r"隐私协议|个人信息保护规则|合规使用指南|合规指南|数据处理协议|购买协议|开发者协议|合作协议|"
    r"常见问题|服务规则|协议|条款|合同|规范|规则|指南)"
)


def product_part(title: str) -> str:
    """The product named by a title: the title without its kind words."""
    name = KIND_WORDS.sub("", title)
    name = re.sub(r"（在线签署版）|（不包括体验版）", "", name)
    return re.sub(r"\s+", " ", name).strip(" ·-")


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def product_slug(product: str) -> str:
    """English name, Latin words of the name, or pinyin: ``消息队列 CKafka`` -> ``ckafka``."""
    bare = product.removeprefix("腾讯云").strip()
    for name in (product, bare):
        if name in EN_NAMES:
            return EN_NAMES[name]
    for name in sorted(EN_NAMES, key=len, reverse=True):
        if bare.startswith(name) and len(name) >= 2:
            rest = bare[len(name):].strip()
            tail = _ascii_slug(" ".join(re.findall(r"[A-Za-z0-9]+", rest)))
            if not rest or tail:
                return _dedupe("-".join(p for p in (EN_NAMES[name], tail) if p))
    latin = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9.+-]*", bare)]
    if any(w.lower() not in GENERIC_LATIN for w in latin):
        return _dedupe(_ascii_slug(" ".join(latin)))
    chinese = re.sub(r"[^\u4e00-\u9fff]+", " ", bare)
    return _dedupe(_ascii_slug(" ".join([*lazy_pinyin(chinese), *latin]))) or "doc"


def _dedupe(slug: str) -> str:
    """``trtc-trtc-sdk`` -> ``trtc-sdk``: a word repeated right after itself is dropped."""
    words: list[str] = []
    for word in slug.split("-"):
        if not words or word != words[-1]:
            words.append(word)
    return "-".join(words)


def base_id(title: str, kind: DocKind) -> str:
    if title in TITLE_IDS:
        return TITLE_IDS[title]
    return f"{product_slug(product_part(title))}-{KIND_SUFFIX[kind]}"


def assign_ids(titles_and_kinds: list[tuple[str, DocKind]]) -> list[str]:
    """Ids for documents in corpus order; repeats get ``-2``, ``-3``…"""
    seen: dict[str, int] = {}
    ids = []
    for title, kind in titles_and_kinds:
        base = base_id(title, kind)
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids
