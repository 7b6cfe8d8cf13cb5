"""The second-factor field of the sign-in and lock screens: hidden until asked for, and a
refused code keeps the password (it was right) so nothing typed is lost."""

from __future__ import annotations

from desktop.ui.common.errors import WRONG_CREDENTIALS
from desktop.ui.shell.lock_screen import LockScreen
from desktop.ui.shell.login_screen import LoginScreen


def test_sign_in_asks_for_the_code_and_keeps_the_password(qtbot) -> None:
    screen = LoginScreen("portal.example.test")
    qtbot.addWidget(screen)
    plain: list[tuple[str, str]] = []
    coded: list[tuple[str, str, str]] = []
    screen.sign_in_requested.connect(lambda u, p: plain.append((u, p)))
    screen.sign_in_with_code_requested.connect(lambda u, p, c: coded.append((u, p, c)))
    assert not screen.otp.asked
    screen.fill("testa.clerk", "a long fictional password")
    screen.sign_in.click()
    assert plain == [("testa.clerk", "a long fictional password")] and coded == []
    screen.ask_for_code("Enter the 6-digit code from your authenticator app.")
    assert screen.otp.asked and screen.password.text() == "a long fictional password"
    screen.sign_in.click()
    assert coded == [] and "6-digit code" in screen.error.text()
    screen.otp.setText(" 123456 ")
    screen.sign_in.click()
    assert coded == [("testa.clerk", "a long fictional password", "123456")]
    screen.show_error(WRONG_CREDENTIALS)
    assert "code is not right" in screen.error.text()
    assert screen.otp.text() == "" and screen.password.text() == "a long fictional password"
    screen.reset()
    assert not screen.otp.asked and screen.password.text() == ""


def test_unlock_asks_for_the_code_only_after_the_session_ended(qtbot) -> None:
    lock = LockScreen()
    qtbot.addWidget(lock)
    plain: list[str] = []
    coded: list[tuple[str, str]] = []
    lock.unlock_requested.connect(plain.append)
    lock.unlock_with_code_requested.connect(lambda p, c: coded.append((p, c)))
    lock.prepare("Testa Fictional", "Locked.")
    lock.password.setText("a long fictional password")
    lock.unlock.click()
    assert plain == ["a long fictional password"] and not lock.otp.asked
    lock.ask_for_code("Your session on the portal ended, so the portal asks for your code.")
    lock.password.setText("a long fictional password")
    lock.otp.setText("recov-erycd")
    lock.unlock.click()
    assert coded == [("a long fictional password", "recov-erycd")]
    lock.refused(3)
    assert "code is not right" in lock.error.text() and "3 tries left" in lock.error.text()
    assert lock.otp.text() == "" and lock.password.text() == "a long fictional password"
    lock.prepare("Testa Fictional", "Locked again.")
    assert not lock.otp.asked and lock.password.text() == ""
