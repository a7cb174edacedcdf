"""Deployments in customers' words, and answers quoting another deployment than the one asked."""

from __future__ import annotations

from assistant.deployments import concepts, deployment_unsaid, deployment_words


def test_a_deployment_asked_that_the_quotes_do_not_state_is_found() -> None:
    asked, stated = deployment_unsaid("Vector DB HA edition in a single AZ: what availability?",
                                      ["腾讯云提供的三可用区部署的高可用版向量数据库服务可用性不低于99.99%。"])
    assert asked == {"single_az"} and stated == {"multi_az"}
    assert deployment_words(asked, "zh") == "单可用区部署"


def test_quotes_stating_the_deployment_asked_or_none_at_all_pass() -> None:
    assert deployment_unsaid("单可用区的可用性是多少？", ["单可用区部署的可用性不低于 99.95%"]) == (set(), set())
    assert deployment_unsaid("单可用区的可用性是多少？", ["本服务可用性不低于 99.95%"]) == (set(), set())


def test_a_number_of_zones_said_before_deploying_is_multi_az() -> None:
    assert concepts("三可用区部署的高可用版") == {"multi_az"}
    assert concepts("实例部署在广州两个可用区") == {"multi_az"}


def test_a_number_of_zones_said_alone_is_a_multi_zone_deployment() -> None:
    assert concepts("三个可用区，一主两副本") == {"multi_az"}
    assert concepts("我们在三个可用区中的一个部署") == set()  # one of them: not said which
