"""Registration of a new office account, opened from the sign-in screen.

The main window opens this only after the current privacy policy was accepted in
this launch and hands in that version, which goes with the request. Should the
portal publish a newer one while the form is open (409 on the version), the dialog
shows the policy gate itself and sends again once it is accepted.

Nothing of the form is written anywhere: the password lives in the widgets and in
the one request, and the widgets are wiped once the portal has answered 201.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import Conflict, PortalError, ValidationFailed
from desktop.portal.models import RegistrationResult, SupportInfo
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import ErrorSummary, error_label, show_error
from desktop.ui.common.text import message, plain_label
from desktop.ui.context import ScreenContext
from desktop.ui.registration.form import RegistrationForm
from desktop.ui.registration.outcome import RegistrationOutcome
from desktop.ui.shell.policy_gate import PolicyGate


class _Op(Enum):
    REGISTER = auto()
    SUPPORT = auto()


class RegistrationDialog(QDialog):
    #: username, status (`REGISTRATION_STATUSES`) after a successful registration
    registered = Signal(str, str)
    #: The first user of an office wants to enter the office's code now (the username).
    verify_requested = Signal(str)

    def __init__(self, ctx: ScreenContext, policy_version: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationDialog")
        self.setWindowTitle(self.tr("Register a new office account"))
        self.setModal(True)
        self.resize(940, 640)
        self._ops_root = ctx.ops
        self._ops = ctx.ops.scope(self)
        self._policy_version = policy_version
        self._sending = False
        self._discard_confirmed = False
        self.discard_box: QMessageBox | None = None
        #: Made when first needed: only a policy published while the form is open needs it.
        self.gate: PolicyGate | None = None

        layout = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages)

        self.form_page = QWidget(self.pages)
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        intro = plain_label(self.tr(
            "Register once for your office. Every field is required. The details are sent "
            "to the claims portal when you press Register and are not kept on this "
            "computer."), self.form_page)
        intro.setObjectName("regIntro")
        page.addWidget(intro)
        self.form = RegistrationForm()
        scroll = QScrollArea(self.form_page)
        scroll.setObjectName("regScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not an invisible Tab stop
        scroll.setWidget(self.form)
        page.addWidget(scroll, 1)
        self.error = error_label(self.form_page, "regFormError", self.tr("Registration problem"))
        page.addWidget(self.error)
        self.summary = ErrorSummary(self.error, self.form.fields, self.form.problem_count)
        self.form.problems_changed.connect(self.summary.refresh)
        row = QHBoxLayout()
        self.cancel = QPushButton(self.tr("Cancel"), self.form_page)
        self.cancel.setObjectName("regCancel")
        self.cancel.setAccessibleName(self.tr("Cancel the registration"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.submit = QPushButton(self.tr("&Register"), self.form_page)
        self.submit.setObjectName("regSubmit")
        self.submit.setAccessibleName(self.tr("Register the account"))
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._submit)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.submit)
        page.addLayout(row)
        self.pages.addWidget(self.form_page)

        self.outcome = RegistrationOutcome(self.pages)
        self.outcome.done.clicked.connect(self.accept)
        self.outcome.enter_code.clicked.connect(self._enter_code)
        self.pages.addWidget(self.outcome)
        self.submit.setDefault(True)  # Enter anywhere in the form registers
        self.form.first_name.edit.setFocus()

    @property
    def policy_version(self) -> str:
        return self._policy_version

    @property
    def sending(self) -> bool:
        return self._sending

    # --- sending ---------------------------------------------------------------------

    def submit_form(self) -> None:
        """Send the registration, as the Register button does."""
        self._submit()

    def _submit(self) -> None:
        if self._sending or self.pages.currentWidget() is not self.form_page:
            return  # a second click or Enter while the first request is out
        registration = self.form.build(self._policy_version)
        if registration is None:
            self.summary.show_marked()
            return
        self._show_error("")
        self._set_sending(True)
        self._ops.public(_Op.REGISTER, lambda api: api.register(registration),
                         on_success=self._registered, on_failure=self._failed)

    def _set_sending(self, sending: bool) -> None:
        self._sending = sending
        self.form.set_sending(sending)
        self.submit.setEnabled(not sending)
        self.submit.setText(self.tr("Registering…") if sending else self.tr("&Register"))

    def _registered(self, result: RegistrationResult) -> None:
        self._set_sending(False)
        self.form.wipe()
        self.outcome.show_result(result.username, result.status)
        self.pages.setCurrentWidget(self.outcome)
        self.resize(min(self.width(), 720), min(self.height(), 460))
        self.outcome.done.setDefault(True)
        self.outcome.done.setFocus()
        if result.pending:
            self._ops.public(_Op.SUPPORT, lambda api: api.get_support(),
                             on_success=self._support,
                             on_failure=lambda _e: self.outcome.support_failed())
        self.registered.emit(result.username, result.status)

    def _enter_code(self) -> None:
        username = self.outcome.username
        self.accept()
        self.verify_requested.emit(username)

    def _support(self, info: SupportInfo) -> None:
        self.outcome.show_support(info)

    def _failed(self, exc: PortalError) -> None:
        self._set_sending(False)
        if isinstance(exc, Conflict) and "username" not in exc.fields:
            # The only other 409: the policy changed since it was accepted.
            self._policy_changed()
            return
        if isinstance(exc, ValidationFailed | Conflict) and exc.fields:
            leftover = self.form.show_server_errors(exc.fields)
            self.summary.show_marked(server=True, leftover=leftover)
            return
        # Timeouts, a lost connection, a busy portal: nothing typed is lost.
        self._show_error(describe(exc) + self.tr(" What you typed is kept; you can try "
                                                 "again."))

    def _show_error(self, text: str) -> None:
        """Show (and announce) a problem; "" hides it."""
        show_error(self.error, text)

    # --- a policy published while the form was open ------------------------------------

    def _policy_changed(self) -> None:
        self._show_error(self.tr("The privacy policy changed while you were filling in the "
                                 "form. Please read and accept it; your registration is then "
                                 "sent again."))
        if self.gate is None:
            self.gate = PolicyGate(self._ops_root, self)
        self.gate.require(previous_version=self._policy_version, record=self._adopt_policy,
                           on_accepted=self._submit, on_declined=self._declined,
                           on_error=self._show_error)

    def _adopt_policy(self, version: str) -> None:
        # Runs on a worker thread (the gate's `record`); a str assignment is atomic.
        self._policy_version = version

    def _declined(self) -> None:
        self._show_error(self.tr("You need to accept the current privacy policy to register. "
                                 "What you typed is still here."))

    # --- closing ---------------------------------------------------------------------

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing away a half-filled form."""
        on_form = self.pages.currentWidget() is self.form_page
        if self._discard_confirmed or not on_form or not self.form.has_input():
            self._close_rejected()
            return
        if self.discard_box is not None:
            return
        box = message(self, QMessageBox.Icon.Question, self.tr("Cancel the registration"),
                      self.tr("Close the registration and discard what you typed?"))
        box.setObjectName("regDiscardConfirm")
        discard = box.addButton(self.tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("regDiscardYes")
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("regDiscardNo")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.discard_box = box

        def answered(_result: int) -> None:
            self.discard_box = None
            box.deleteLater()
            if box.clickedButton() is discard:
                self._discard_confirmed = True
                self._close_rejected()

        box.finished.connect(answered)
        box.open()

    def _close_rejected(self) -> None:
        self.form.wipe()
        self.outcome.wipe()
        super().reject()

    def accept(self) -> None:
        self.form.wipe()
        self.outcome.wipe()
        super().accept()


def make_registration_dialog(ctx: ScreenContext, policy_version: str,
                             parent: QWidget | None = None) -> RegistrationDialog:
    return RegistrationDialog(ctx, policy_version, parent)
