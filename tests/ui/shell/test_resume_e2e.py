"""A session left in the credential store resumes behind the lock (issue 14).

Real sandbox over TLS and the real Secret Service (run under .ci/with-keyring.sh): a
window signed in is abandoned as a crash would leave it (the token stays stored); the
next window must show the lock screen, build no claims screen and open the workspace
only with that user's password, or sign the old session out on "Sign in as someone else".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from PySide6.QtCore import Qt

from desktop.app import origin_of
from desktop.tokenstore import SERVICE
from desktop.ui.shell.main_window import RESUMED, MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import User, private_sandbox
from tests.security.leakscan import secret_service_secrets
from tests.ui.shell_helpers import WAIT_MS, fresh_user_signed_in, start

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def resume_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def token_answers(sb: Sandbox, token: str) -> int:
    s = requests.Session()
    s.trust_env = False
    resp = s.get(f"{sb.url}/account", verify=sb.ca_bundle, timeout=10,
                 headers={"Authorization": f"Bearer {token}"})
    return resp.status_code


def stored_tokens(sb: Sandbox) -> list[str]:
    """The secrets the real Secret Service holds for this sandbox's origin."""
    found = secret_service_secrets(origin_of(sb.url), SERVICE)
    assert found is not None, "no Secret Service: run under .ci/with-keyring.sh"
    return found


def crashed_then_restarted(sb: Sandbox, tmp_path, qtbot,
                           windows: list[MainWindow]) -> tuple[MainWindow, User, str]:
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, windows)
    assert w.session.token_persistent, "no OS keyring: run under .ci/with-keyring.sh"
    token = w.session.client.token
    assert token
    w.abandon(keep_token=True)  # a crash: the token stays in the credential store
    w2 = start(sb, tmp_path, qtbot, windows)
    qtbot.waitUntil(lambda: w2.state == "locked", timeout=WAIT_MS)
    return w2, user, token


def test_a_left_over_token_opens_the_lock_not_the_claims(resume_sandbox, tmp_path, qtbot,
                                                         open_windows):
    sb = resume_sandbox
    w, user, old = crashed_then_restarted(sb, tmp_path, qtbot, open_windows)
    assert w.root.currentWidget() is w.lock and w.lock.stored
    assert w.lock.reason.text() == RESUMED
    assert "someone else" in w.lock.sign_out.text()
    assert w.screens == {}, "no workspace screen may be built before the password"
    assert not w.session.is_signed_in and w.session.client.token is None
    assert not w.act_lock.isEnabled() and not any(a.isEnabled() for a in w.screen_actions)
    # A wrong password counts like a wrong unlock.
    w.lock.password.setText("not the right password at all")
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.lock.error.isVisible() and w.lock.unlock.isEnabled(),
                    timeout=WAIT_MS)
    assert "4 tries left" in w.lock.error.text() and w.state == "locked"
    w.lock.password.setText(user.password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert "claims" in w.screens
    new = w.session.client.token
    assert new and new != old
    assert token_answers(sb, old) == 401, "the crashed session's token must be revoked"
    assert stored_tokens(sb) == [new]
    w.session.sign_out("test")


def test_sign_in_as_someone_else_revokes_the_left_over_token(resume_sandbox, tmp_path, qtbot,
                                                             open_windows):
    sb = resume_sandbox
    w, _user, old = crashed_then_restarted(sb, tmp_path, qtbot, open_windows)
    qtbot.mouseClick(w.lock.sign_out, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert w.root.currentWidget() is w.login
    assert "previous session was signed out" in w.login.error.text()
    assert token_answers(sb, old) == 401
    assert stored_tokens(sb) == []


def test_five_wrong_passwords_sign_the_left_over_session_out(resume_sandbox, tmp_path,
                                                             qtbot, open_windows):
    sb = resume_sandbox
    w, _user, old = crashed_then_restarted(sb, tmp_path, qtbot, open_windows)
    for _ in range(5):
        w.lock.password.setText("not the right password at all")
        qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: w.lock.unlock.isEnabled() or w.state != "locked",
                        timeout=WAIT_MS)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert token_answers(sb, old) == 401
    assert stored_tokens(sb) == []


def test_a_token_of_a_deactivated_user_is_dropped(resume_sandbox, tmp_path, qtbot,
                                                  open_windows):
    sb = resume_sandbox
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    token = w.session.client.token
    assert token
    w.abandon(keep_token=True)
    s = requests.Session()
    s.trust_env = False
    resp = s.post(f"{sb.url}/account/deactivation", verify=sb.ca_bundle, timeout=10,
                  json={"password": user.password},
                  headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 204, resp.text[:200]
    w2 = start(sb, tmp_path, qtbot, open_windows)
    qtbot.waitUntil(lambda: w2.state == "signed_out" and not w2.session.has_stored_session
                    and stored_tokens(sb) == [], timeout=WAIT_MS)
    assert w2.root.currentWidget() is w2.login and w2.screens == {}
