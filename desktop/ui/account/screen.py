"""Account settings: details and contact preferences, password, deactivation, "Your data".

Edits are saved with `If-Match`; a 412 opens the conflict dialog with both versions.
Unsaved edits are the user's work: they survive leaving the screen, the idle lock
and a re-sign-in (the screen is hidden, never rebuilt, and never reloads over them),
and only `clear()` (sign-out) drops them. Dialogs opened from here are hidden while
the screen is hidden (the idle lock must not leave account data on top of it).
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import PortalError, PreconditionFailed, ValidationFailed
from desktop.portal.models import Acceptance, SupportInfo, VersionedAccount
from desktop.ui.account.conflict import ConflictDialog
from desktop.ui.account.data import YourDataPanel
from desktop.ui.account.deactivate import DeactivateDialog
from desktop.ui.account.form import AccountForm, EditableValues
from desktop.ui.account.office_users import OfficeUsersSection
from desktop.ui.account.password import PasswordDialog
from desktop.ui.account.two_step import TwoStepSection
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.dialogs import UnsavedChoice, ask_unsaved
from desktop.ui.common.errors import describe
from desktop.ui.common.fields import ErrorSummary
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import heading, plain, plain_label
from desktop.ui.context import ScreenContext
from desktop.ui.screen import Screen

DEACTIVATED_REASON = str(QT_TRANSLATE_NOOP(
    "AccountScreen",
    "Your account has been deactivated and you are signed out. To use the portal again, "
    "contact provider support (Help > Support contact)."))
CHANGED_NOTICE = str(QT_TRANSLATE_NOOP(
    "AccountScreen",
    "Your password was changed. Any other computer signed in as you was signed out; you "
    "stay signed in here."))
INTERRUPTED_SAVE = str(QT_TRANSLATE_NOOP(
    "AccountScreen",
    "Your changes are not saved yet: the portal needs you to sign in again or accept its "
    "privacy policy first. They are kept and will be saved right after."))


class _Op(Enum):
    """The screen's operations; LOAD and SAVE are also what `resume()` does again."""

    LOAD = auto()
    HISTORY = auto()
    SUPPORT = auto()
    SAVE = auto()


class AccountScreen(Screen):
    title = str(QT_TRANSLATE_NOOP("Screens", "Account"))

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountScreen")
        self._ctx = ctx
        self._ops = ctx.ops.scope(self)
        self._account: VersionedAccount | None = None
        self._base: EditableValues | None = None
        self._saving = False
        self._pending: _Op | None = None
        #: The message describes the form as it was ("saved", "nothing to save"): the
        #: next edit makes it untrue, so it goes then.
        self._about_the_form = False
        self._support_loaded = False
        self._dialogs: list[QDialog] = []
        self.conflict_dialog: ConflictDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self.deactivate_dialog: DeactivateDialog | None = None
        self._build()
        self._set_loaded(False)

    # --- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(heading(self.tr("Your account"), self))
        self.message = message_label(self, "accountMessage", self.tr("Account status message"))
        self.message.hide()
        outer.addWidget(self.message)

        content = QWidget()
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        left = QVBoxLayout()
        self.form = AccountForm(content)
        left.addWidget(self.form)
        row = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("&Undo my changes"), content)
        self.discard_button.setObjectName("accountDiscard")
        self.discard_button.setAccessibleName(self.tr("Undo my unsaved changes"))
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("&Save changes"), content)
        self.save_button.setObjectName("accountSave")
        self.save_button.setAccessibleName(self.tr("Save changes to your account"))
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        left.addLayout(row)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._security_box(content))
        self.two_step = TwoStepSection(self._ctx.ops, self._ctx.require_mfa, content)
        right.addWidget(self.two_step)
        self.office_users = OfficeUsersSection(self._ctx.ops, content)
        right.addWidget(self.office_users)
        self.data_panel = YourDataPanel(content)
        right.addWidget(self.data_panel, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("accountScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own: it took the screen's first focus, showing nothing.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        outer.addWidget(scroll, 1)
        self.summary = ErrorSummary(self.message, self.form.fields, self.form.problem_count)
        self.form.edited.connect(self._update_buttons)
        self.form.edited.connect(self.summary.refresh)
        self.form.edited.connect(self._form_edited)
        for field in self.form.fields:
            field.edit.returnPressed.connect(self.save)

    def _security_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Password and account"), parent)
        layout = QVBoxLayout(box)
        layout.addWidget(plain_label(self.tr(
            "Changing the password signs out any other computer signed in as you."), box))
        self.password_button = QPushButton(self.tr("Change pass&word…"), box)
        self.password_button.setObjectName("changePasswordButton")
        self.password_button.setAccessibleName(self.tr("Change your password"))
        self.password_button.clicked.connect(self.open_password_dialog)
        layout.addWidget(self.password_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(plain_label(self.tr(
            "Deactivating ends your access for good: you are signed out and cannot sign "
            "in with this account again."), box))
        self.deactivate_button = QPushButton(self.tr("&Deactivate account…"), box)
        self.deactivate_button.setObjectName("deactivateButton")
        self.deactivate_button.setAccessibleName(self.tr("Deactivate your account"))
        self.deactivate_button.clicked.connect(self.open_deactivate_dialog)
        layout.addWidget(self.deactivate_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # --- Screen hooks ----------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self._base is not None and bool(self.form.raw_values().differing(self._base))

    def activate(self) -> None:
        self._focus_first()
        if self._loading or self._saving or self.has_unsaved_changes():
            return  # never reload over the user's edits
        self.load()

    def _focus_first(self) -> None:
        """Coming to the screen starts at its first field, not on an invisible stop."""
        focus = self.focusWidget()
        inside = focus is not None and self.isAncestorOf(focus) and focus.hasFocus()
        first = self.form.first_name.edit
        if not inside and first.isEnabled() and self.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def resume(self) -> None:
        pending, self._pending = self._pending, None
        if pending is _Op.SAVE:
            self.save()
        elif pending is _Op.LOAD or self._base is None:
            self.load()

    def can_leave(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        choice = ask_unsaved(
            self.window(), self.tr("Your account changes are not saved yet. If you leave, "
                                   "they stay here until you save or undo them, or sign out."),
            save=self.tr("&Save now"), go_on=self.tr("&Leave for now"),
            stay=self.tr("S&tay here"))
        if choice is UnsavedChoice.SAVE:
            self.save()
            return False
        return choice is UnsavedChoice.GO_ON

    def clear(self) -> None:
        """Sign-out: drop every bit of account data, edits and open dialogs included."""
        self._ops.cancel_all()
        for dialog in list(self._dialogs):
            self._forget_dialog(dialog)
            dialog.close()
            dialog.deleteLater()
        self.conflict_dialog = self.password_dialog = self.deactivate_dialog = None
        self._account = None
        self._base = None
        self._saving = False
        self._pending = None
        self._support_loaded = False
        self.form.wipe()
        self.data_panel.wipe()
        self.two_step.clear()
        self.office_users.clear()
        self._hide_message()
        self._set_loaded(False)

    # --- loading ---------------------------------------------------------------------

    @property
    def _loading(self) -> bool:
        return self._ops.running(_Op.LOAD)

    @property
    def loading(self) -> bool:
        """The account is being fetched."""
        return self._loading

    @property
    def saving(self) -> bool:
        """Edits are on their way to the portal (the form is read-only meanwhile)."""
        return self._saving

    @property
    def account(self) -> VersionedAccount | None:
        """The account as last loaded or saved (None before the first load, after sign-out)."""
        return self._account

    def load(self) -> None:
        if self._loading:
            return
        if self._base is None:
            self._info(self.tr("Loading your account…"))
        self._ops.portal(_Op.LOAD, lambda api: api.get_account(), on_success=self._loaded,
                         on_failure=self._load_failed, on_interrupted=self._load_interrupted)
        self._ops.portal(_Op.HISTORY, lambda api: api.list_acceptances(),
                         on_success=self._history_loaded, on_failure=self._history_failed)
        if not self._support_loaded:
            self._ops.public(_Op.SUPPORT, lambda api: api.get_support(),
                             on_success=self._support,
                             on_failure=lambda _e: self.data_panel.support_failed())

    def _loaded(self, versioned: VersionedAccount) -> None:
        if self.has_unsaved_changes():
            return  # typed while loading: keep it; a stale ETag leads to the conflict dialog
        first = self._base is None
        self._apply(versioned)
        if first:
            self._hide_message()
            self._focus_first()

    def _apply(self, versioned: VersionedAccount) -> None:
        self._account = versioned
        self._base = EditableValues.from_account(versioned.account)
        self.form.show_account(versioned.account)
        self.two_step.show_state(versioned.account.mfa_enabled)
        self.office_users.show_for(versioned.account.office_admin)
        self._set_loaded(True)

    def _load_interrupted(self, _exc: PortalError) -> None:
        self._pending = self._pending or _Op.LOAD

    def _load_failed(self, exc: PortalError) -> None:
        again = self.tr(" Press Account again to retry.") if self._base is None else ""
        self._error(describe(exc) + again)

    def _history_loaded(self, acceptances: list[Acceptance]) -> None:
        self.data_panel.show_acceptances(acceptances)

    def _history_failed(self, exc: PortalError) -> None:
        self.data_panel.history_failed(describe(exc))

    def _support(self, info: SupportInfo) -> None:
        self._support_loaded = True
        self.data_panel.show_support(info)

    # --- saving ----------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or self._account is None or self._base is None:
            return
        values = self.form.checked_values()
        if values is None:
            self.summary.show_marked()
            return
        changes = values.changes_from(self._base)
        if changes.empty:
            self._info(self.tr("There is nothing to save; your account already has these "
                               "details."))
            self._about_the_form = True
            return
        self._set_saving(True)
        self._info(self.tr("Saving…"))
        etag = self._account.etag
        self._ops.portal(_Op.SAVE, lambda api: api.update_account(changes, etag),
                         on_success=self._saved,
                         on_failure=lambda exc: self._save_failed(exc, values),
                         on_interrupted=self._save_interrupted)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.form.set_editable(not saving)
        self._update_buttons()

    def _saved(self, versioned: VersionedAccount) -> None:
        self._set_saving(False)
        self._apply(versioned)
        self._success(self.tr("Your changes are saved."))
        self._about_the_form = True

    def _save_interrupted(self, _exc: PortalError) -> None:
        self._set_saving(False)
        self._pending = _Op.SAVE
        self._info(translate("AccountScreen", INTERRUPTED_SAVE))

    def _save_failed(self, exc: PortalError, mine: EditableValues) -> None:
        if isinstance(exc, PreconditionFailed):
            self._info(self.tr("Your account was changed on the portal while you were "
                               "editing; loading its version so you can compare…"))
            self._ops.portal(_Op.SAVE, lambda api: api.get_account(),
                             on_success=lambda theirs: self._show_conflict(mine, theirs),
                             on_failure=lambda e: self._save_failed(e, mine),
                             on_interrupted=self._save_interrupted)
            return
        self._set_saving(False)
        if isinstance(exc, ValidationFailed) and exc.fields:
            leftover = self.form.show_server_errors(exc.fields)
            self.summary.show_marked(server=True, leftover=leftover)
        else:
            self._error(describe(exc) + self.tr(" Your changes are kept; press Save to try "
                                                "again."))

    def _show_conflict(self, mine: EditableValues, theirs: VersionedAccount) -> None:
        self._set_saving(False)
        base = self._base
        if base is None:
            return
        dialog = ConflictDialog(base, mine, EditableValues.from_account(theirs.account),
                                self.window())
        self.conflict_dialog = dialog
        self._track(dialog)

        def finished(result: int) -> None:
            if dialog in self._dialogs:  # not after a sign-out closed it
                self._conflict_done(dialog, result, theirs)

        dialog.finished.connect(finished)
        self._info(self.tr("Your account was changed on the portal while you were editing. "
                           "Choose which values to keep."))
        dialog.open()

    def _conflict_done(self, dialog: ConflictDialog, result: int,
                       theirs: VersionedAccount) -> None:
        self._forget_dialog(dialog)
        dialog.deleteLater()
        if self.conflict_dialog is dialog:
            self.conflict_dialog = None
        if result != QDialog.DialogCode.Accepted.value or self._account is None:
            self._info(self.tr("Nothing was saved. Your changes are still here; when you "
                               "save, you will be asked again."))
            return
        chosen = dialog.resolved()
        self._apply(theirs)
        self.form.set_values(chosen)
        if chosen.differing(self._base or chosen):
            self.save()
        else:
            self._info(self.tr("Your account now has the portal's values; there was nothing "
                               "more to save."))
            self._about_the_form = True

    def discard(self) -> None:
        if self._account is not None and not self._saving:
            self.form.show_account(self._account.account)
            self._hide_message()

    # --- password and deactivation ---------------------------------------------------

    def _username(self) -> str:
        return self._account.account.username if self._account else ""

    def open_password_dialog(self) -> None:
        if self._account is None or self.password_dialog is not None:
            return
        dialog = PasswordDialog(self._ctx.ops, self._username(), self.window())
        self.password_dialog = dialog
        dialog.changed.connect(
            lambda: self._success(translate("AccountScreen", CHANGED_NOTICE)))
        self._open_secret_dialog(dialog)

    def open_deactivate_dialog(self) -> None:
        if self._account is None or self.deactivate_dialog is not None:
            return
        dialog = DeactivateDialog(self._ctx.ops, self._username(), self.window())
        self.deactivate_dialog = dialog
        dialog.deactivated.connect(self._deactivated)
        self._open_secret_dialog(dialog)

    def _open_secret_dialog(self, dialog: PasswordDialog | DeactivateDialog) -> None:
        """Open a dialog with password fields; when it closes, what was typed goes."""
        self._track(dialog)

        def finished(_result: int) -> None:
            self._forget_dialog(dialog)
            dialog.wipe()
            dialog.deleteLater()
            if self.password_dialog is dialog:
                self.password_dialog = None
            if self.deactivate_dialog is dialog:
                self.deactivate_dialog = None

        dialog.finished.connect(finished)
        dialog.open()

    def _deactivated(self) -> None:
        # The portal revoked every session; sign-out deletes the stored token and the main
        # window, on the session's signed_out signal, clears the screens and shows why.
        self._ctx.sign_out(translate("AccountScreen", DEACTIVATED_REASON))

    # --- dialogs ---------------------------------------------------------------------
    # The idle lock hides them (and wipes typed passwords) through the shell's one
    # mechanism, `desktop.ui.common.dialogs.DialogShelf`; sign-out closes them here.

    def _track(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)

    def _forget_dialog(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)

    # --- small things ----------------------------------------------------------------

    def _set_loaded(self, loaded: bool) -> None:
        self.form.setEnabled(loaded)
        self.password_button.setEnabled(loaded)
        self.deactivate_button.setEnabled(loaded)
        self._update_buttons()

    def _update_buttons(self) -> None:
        # Save only when something differs from what was loaded (and not when the user
        # typed it back): an enabled Save with nothing changed looked like unsaved work.
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty and not self._saving)
        self.discard_button.setEnabled(dirty and not self._saving)

    def _form_edited(self) -> None:
        if self._about_the_form and self.has_unsaved_changes():
            self._hide_message()

    def _say(self, text: str, role: Role | None, urgency: Urgency) -> None:
        self._about_the_form = False
        mark(self.message, role)
        set_message(self.message, plain(text, 600, multiline=True), urgency)

    def _info(self, text: str) -> None:
        self._say(text, None, Urgency.POLITE)

    def _success(self, text: str) -> None:
        """Something the user did worked: shown (and announced) as a success, not as text."""
        self._say(text, Role.SUCCESS, Urgency.POLITE)

    def _error(self, text: str) -> None:
        self._say(text, Role.ERROR, Urgency.ASSERTIVE)

    def _hide_message(self) -> None:
        self._say("", None, Urgency.POLITE)

    @property
    def message_role(self) -> str:
        """How the message is shown (`Role` value, "" for plain information)."""
        return str(self.message.property("role") or "")

    @property
    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""


def make_account_screen(ctx: ScreenContext) -> Screen:
    return AccountScreen(ctx)
