"""The load script refuses anything but loopback targets."""

import pytest

from eval.load import loopback_only


@pytest.mark.parametrize("url", ["http://127.0.0.1:7860", "http://localhost:7860", "http://[::1]:7860"])
def test_loopback_targets_are_allowed(url: str) -> None:
    assert loopback_only(url) == url


@pytest.mark.parametrize("url", ["http://10.0.0.5:7860", "http://example.org", "http://192.168.1.2"])
def test_other_targets_are_refused(url: str) -> None:
    with pytest.raises(SystemExit, match="loopback"):
        loopback_only(url)
