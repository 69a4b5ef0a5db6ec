from motcua.core.ratelimit import RateLimit


def test_rate_limit_allows_up_to_the_limit_then_refuses():
    rate = RateLimit("test", limit=3, window=60)
    assert [rate.hit("1.2.3.4") for _ in range(5)] == [True, True, True, False, False]
    assert rate.exceeded("1.2.3.4")
    assert not rate.exceeded("5.6.7.8"), "another address has its own counter"


def test_rate_limit_reset_clears_the_counter():
    rate = RateLimit("test", limit=1, window=60)
    rate.hit("x")
    assert rate.exceeded("x")
    rate.reset("x")
    assert not rate.exceeded("x")
