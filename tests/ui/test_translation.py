"""Every string a clerk reads goes through Qt's translation: checked with a pseudo-locale.

How: lupdate collects every wrapped string of desktop/ into a catalogue made now (not
the committed one, so this checks the code as it is), each translation is set to the
source in brackets (`⟦Sign in⟧`), lrelease compiles it, and it is installed as the
application's English catalogue. Then the real application is driven against the
reference portal: the first-launch privacy policy, the sign-in screen, registration,
and after sign-in every workspace screen (claims, account, payments, batch status,
worklist), a claim search with results and a claim opened, then the lock screen. On each, every visible widget's static text is read: window titles,
label and button texts, tooltips, placeholders, group box titles, tab texts, table and
tree header labels, combo box items, menu and action texts, accessible names and
descriptions. A text that is not all bracketed never went through `tr()`/`translate()`
and would stay English in a translated build.

What counts as data, not static text (the rule): after the bracketed parts are taken
out, what is left is data when it has no letters at all (amounts, dates, counts,
`***-**-1234`) once codes (capitals with a digit: A1, CO-45, N435) are taken out, or when it is one of the synthetic values this test put into the
portal (the user's name, username, organisation, e-mail, the portal's host) or that the
portal sends (the policy's title and version, the support contact; for the claim
opened, the claim and the code tables and playbook its words come from), or a month
or weekday name (a date written out). Qt's own words (standard dialog buttons, the calendar) are Qt's
catalogue's business and are skipped. Nothing else is excused: a data label the rule
does not cover is to be composed through `translate("Ctx", "Paid {amount}")`, or its
value must come from the portal.

A failure lists each leftover as `screen: Class#objectName (nearest named ancestor)
property: 'text'`, with the source file where the literal appears, and says when the
same words are in the catalogue (wrapped in another place, or wrapped here under a
context that differs at run time: a context that is not a literal, a constant
translated at import before the catalogue loads).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from desktop.portal.claims import ClaimSearch
from desktop.ui.common import i18n
from desktop.ui.common.formats import display_locale
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    User,
    current_policy_version,
    demo_contract,
    register,
    sign_in_accepted,
)
from tests.ui.shell_helpers import WAIT_MS, start, submit_sign_in

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}.*?{CLOSE}", re.S)
_LETTER = re.compile(r"[^\W\d_]")
#: Codes are data: capitals with at least one digit (A1, F2, CO-45, N435, PR-2, 99213).
_CODE = re.compile(r"\b(?=[A-Z0-9-]*\d)[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})?\b")
FIRST, LAST, EMAIL = "Testa", "Fictional", "testa.fictional@example.com"
#: Screens walked after sign-in, in the order a clerk meets them.
SCREENS = ("claims", "account", "payments", "batch", "worklist")


def calendar_words() -> re.Pattern[str]:
    """Month and weekday names of the display locale (and English): dates are data."""
    names: set[str] = set()
    for locale in (display_locale(), QLocale(QLocale.Language.English)):
        for form in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            names |= {locale.monthName(m, form) for m in range(1, 13)}
            names |= {locale.standaloneMonthName(m, form) for m in range(1, 13)}
            names |= {locale.dayName(d, form) for d in range(1, 8)}
        names |= {locale.amText(), locale.pmText()}
    alternatives = "|".join(sorted((re.escape(n) for n in names if n), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b\.?")


_CALENDAR_WORDS = calendar_words()


def portal_words(sb: Sandbox) -> list[str]:
    """Every string the portal sends before sign-in (the policy's title and version, the
    support contact), and each of their lines: shown as the portal wrote them."""
    found: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str) and len(value) < 400:  # not the policy's body
            found.extend([value, *value.splitlines()])
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for path in ("/policy", "/support"):
        response = Client(sb).get(path)
        assert response.status_code == 200, f"GET {path}: {response.status_code}"
        collect(response.json())
    return [w.strip() for w in found if w.strip()]


def strings_in(value: object, found: list[str]) -> list[str]:
    """Every string of a JSON document (and each line of it): what the portal wrote."""
    if isinstance(value, str):
        found.extend([value, *value.splitlines()])
    elif isinstance(value, dict):
        for item in value.values():
            strings_in(item, found)
    elif isinstance(value, list):
        for item in value:
            strings_in(item, found)
    return found


def claim_words(sb: Sandbox, user: User, claim_number: str) -> list[str]:
    """What the portal sends about one claim: the claim itself and the code tables and
    playbook its words come from (statuses, adjustment and remark codes, next steps)."""
    client = sign_in_accepted(sb, user.username, user.password)
    found: list[str] = []
    page = client.post("/claims/search", json={**ClaimSearch(
        claim_number=claim_number).to_json(), "limit": 5}).json()
    for item in page.get("items", []):
        strings_in(item, found)
        strings_in(client.get(f"/claims/{item['claim_id']}").json(), found)
    for table in ("claim-status", "carc", "rarc", "playbook"):
        strings_in(client.get(f"/codes/{table}").json(), found)
    return [w.strip() for w in found if len(w.strip()) > 2]


def catalogue_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "catalogue", ROOT / "resources" / "i18n" / "catalogue.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pseudo_catalogue(folder: Path) -> set[str]:
    """The pseudo-locale as `claims_desktop_en.qm` in `folder`; the sources it holds."""
    tool = catalogue_tool()
    ts_file = folder / "claims_desktop_en.ts"
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                       '<TS version="2.1" language="en" sourcelanguage="en">\n</TS>\n',
                       encoding="utf-8")
    tool.lupdate([ts_file], tool.python_sources())
    text = tool.without_notes(ts_file.read_text(encoding="utf-8"))

    def mark(match: re.Match[str]) -> str:
        source = match.group("source")
        body = match.group("body")
        if "<numerusform>" in body:
            body = body.replace("<numerusform></numerusform>",
                                f"<numerusform>{OPEN}{source}{CLOSE}</numerusform>")
        else:
            body = f"{OPEN}{source}{CLOSE}"
        return f"{match.group('head')}<translation>{body}</translation>"

    text = re.sub(r'(?P<head><source>(?P<source>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)'
                  r'<translation type="unfinished">(?P<body>.*?)</translation>', mark, text,
                  flags=re.S)
    left = text.count('type="unfinished"')
    assert not left, f"{left} messages of the catalogue could not be pseudo-translated"
    ts_file.write_text(text, encoding="utf-8")
    tool.lrelease(ts_file, ts_file.with_suffix(".qm"))
    return {unescape(s) for s in re.findall(r"<source>([^<]*)</source>", text)}


def unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


@pytest.fixture
def pseudo_locale(qapp: QApplication, tmp_path: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """The pseudo catalogue installed; wherever the app looks for its catalogues, it finds
    it. Every translator made during the test is removed afterwards."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    sources = pseudo_catalogue(folder)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    before = set(qapp.findChildren(QTranslator))
    i18n.install_translator(qapp, QLocale(QLocale.Language.English))
    try:
        yield sources
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()


@dataclass(frozen=True)
class Leftover:
    screen: str
    widget: str
    prop: str
    text: str


def describe_widget(widget: QWidget) -> str:
    """`Class#objectName`, with the nearest named ancestor when it has no name."""
    own = f"{type(widget).__name__}#{widget.objectName()}" if widget.objectName() else (
        type(widget).__name__)
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return own if widget.objectName() or parent is None else f"{own} in #{parent.objectName()}"


def qt_own(widget: QWidget) -> bool:
    """Qt's own widgets and words: translated by Qt's catalogue, not ours."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QCalendarWidget | QMessageBox):
            return True
        parent = parent.parentWidget()
    box = widget.parentWidget()
    return (isinstance(widget, QAbstractButton) and isinstance(box, QDialogButtonBox)
            and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton)


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(property, text) of every static text `widget` shows or gives a screen reader."""
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    yield "toolTip", widget.toolTip()
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QLineEdit):
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield "placeholderText", widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QComboBox):
        yield "placeholderText", widget.placeholderText()
        for i in range(widget.count()):
            yield f"item {i}", widget.itemText(i)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"tab {i}", widget.tabText(i)
            yield f"tab {i} toolTip", widget.tabToolTip(i)
    elif isinstance(widget, QTabBar) and not isinstance(widget.parentWidget(), QTabWidget):
        for i in range(widget.count()):
            yield f"tab {i}", widget.tabText(i)
    if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        model = widget.model()
        for column in range(model.columnCount(QModelIndex())):
            for role, what in ((Qt.ItemDataRole.DisplayRole, "header"),
                               (Qt.ItemDataRole.ToolTipRole, "header toolTip")):
                value = model.headerData(column, Qt.Orientation.Horizontal, role)
                if isinstance(value, str):
                    yield f"{what} {column}", value
    for action in widget.actions():
        yield f"action {action.objectName() or '?'}", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def menu_texts(menu: object) -> Iterator[tuple[str, str]]:
    if not isinstance(menu, QMenu):
        return
    yield f"menu {menu.objectName() or '?'}", menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"action {action.objectName() or '?'}", action.text()
        if action.menu() is not None:
            yield from menu_texts(action.menu())


class Walker:
    """Collects the unmarked static texts of the windows it is shown."""

    def __init__(self, data: list[str]) -> None:
        # Longest first, so "Testa Fictional" goes before "Testa".
        self._data = sorted({d for d in data if d}, key=len, reverse=True)
        self.leftovers: dict[tuple[str, str], Leftover] = {}
        self.walked: list[str] = []

    def add_data(self, values: list[str]) -> None:
        self._data = sorted({*self._data, *(v for v in values if v)}, key=len, reverse=True)

    def unmarked(self, text: str) -> bool:
        rest = _MARKED.sub(" ", text.replace("&&", "&"))
        for value in self._data:
            rest = rest.replace(value, " ")
        rest = _CODE.sub(" ", _CALENDAR_WORDS.sub(" ", rest))
        return bool(_LETTER.search(rest))

    def walk(self, screen: str, root: QWidget) -> None:
        self.walked.append(screen)
        widgets = [root, *root.findChildren(QWidget)]
        if isinstance(root, QMainWindow) and root.menuBar() is not None:
            for action in root.menuBar().actions():
                for prop, text in [("menu", action.text()), *menu_texts(action.menu())]:
                    self._check(screen, "menuBar", prop, text)
        for widget in widgets:
            if widget is not root and not widget.isVisibleTo(root):
                continue
            if qt_own(widget):
                continue
            for prop, text in texts_of(widget):
                self._check(screen, describe_widget(widget), prop, text)

    def _check(self, screen: str, widget: str, prop: str, text: str) -> None:
        if text and self.unmarked(text):
            # An action shows in the menu bar, its menu and the window: listed once.
            key = ("action", text) if prop.startswith(("action", "menu")) else (widget, text)
            self.leftovers.setdefault(key, Leftover(screen, widget, prop, text))


def source_files() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted((ROOT / "desktop").rglob("*.py"))}


def where_written(text: str, files: dict[Path, str]) -> str:
    """Where the literal of `text` is (up to three places): a whole quoted literal first,
    then a literal that starts with its longest plain piece, then the piece anywhere,
    then a literal that starts as the piece does."""
    pieces = sorted((p.strip() for p in re.split(r"[⟦⟧\n{}]", text)), key=len, reverse=True)
    piece = pieces[0] if pieces else ""
    if len(piece.replace("&", "")) < 3:
        return "source not found"
    # Long literals are split over lines, and data is formatted into some: their starts.
    wanted = [f'"{text}"', f"'{text}'", f'"{piece}', f"'{piece}", piece,
              piece.replace("&", ""), f'"{piece[:30]}', f'"{piece[:14]}']
    for needle in wanted:
        places = [f"{path.relative_to(ROOT)}:{number}"
                  for path, content in files.items()
                  for number, line in enumerate(content.splitlines(), 1)
                  if needle in line and not line.lstrip().startswith("#")]
        if places:
            return ", ".join(places[:3]) + (" …" if len(places) > 3 else "")
    return "source not found (built from parts, or from the portal?)"


def report(walker: Walker, sources: set[str]) -> str:
    files = source_files()
    lines = []
    for item in sorted(walker.leftovers.values(), key=lambda i: (i.screen, i.widget, i.prop)):
        plain = item.text.replace("&", "")
        note = (" [these words are in the catalogue: wrapped elsewhere, or wrapped here "
                "under a context lupdate sees differently]"
                if item.text in sources or plain in sources else "")
        lines.append(f"{item.screen}: {item.widget} {item.prop}: {item.text!r}  "
                     f"({where_written(item.text, files)}){note}")
    return (f"{len(lines)} untranslated text(s) on {', '.join(walker.walked)}:\n  "
            + "\n  ".join(lines))


def settle(qtbot, ms: int = 600) -> None:
    """Let a screen's first loads arrive (their data is excused by the rule above)."""
    qtbot.wait(ms)


def walk_claim_detail(qtbot, sb: Sandbox, user: User, w: MainWindow, walker: Walker) -> None:
    """Claims: the default search, the first claim opened; its detail walked, with what
    the portal says about that claim counted as data."""
    from PySide6.QtTest import QTest

    w.show_screen("claims")
    table = next((t for t in w.findChildren(QTableView, "claimsTable") if t.isVisible()), None)
    search = next((b for b in w.findChildren(QAbstractButton, "searchButton")
                   if b.isVisible()), None)
    if table is None or search is None:
        walker.walked.append("claim detail (no claimsTable or searchButton!)")
        return
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=WAIT_MS)
    number = str(table.model().index(0, 0).data())
    walker.add_data(claim_words(sb, user, number))
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in w.findChildren(QWidget, "claimDetail")),
                    timeout=WAIT_MS)
    settle(qtbot, 1500)  # the detail and its code words arrive
    walker.walk("claims with results and a claim open", w)


def test_every_static_text_is_translated(sandbox: Sandbox, tmp_path: Path, qtbot,
                                         open_windows: list[MainWindow],
                                         pseudo_locale: set[str]) -> None:
    # On demo user 0's TIN, so that the claims search finds claims to open.
    user = register(sandbox, demo_contract(sandbox, 0), first_name=FIRST, last_name=LAST,
                    email=EMAIL)
    host = sandbox.url.split("//", 1)[1].split("/", 1)[0]
    walker = Walker([user.username, user.organization_name, user.tin, user.npi, FIRST, LAST,
                     f"{FIRST} {LAST}", f"{LAST}, {FIRST}", EMAIL, host, host.split(":")[0],
                     current_policy_version(sandbox), *portal_words(sandbox)])
    w = start(sandbox, tmp_path, qtbot, open_windows)

    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    dialog = w.gate.dialog
    assert dialog is not None
    settle(qtbot)
    walker.walk("policy dialog (first launch)", dialog)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out", timeout=WAIT_MS)
    walker.walk("sign-in", w)

    qtbot.mouseClick(w.login.register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(w, "registration_dialog", None) is not None
                    and w.registration_dialog.isVisible(), timeout=WAIT_MS)
    registration = w.registration_dialog
    settle(qtbot)
    walker.walk("registration", registration)
    registration.reject()
    qtbot.waitUntil(lambda: not registration.isVisible(), timeout=WAIT_MS)

    submit_sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    w.show_screen("claims")  # walked before any search: the empty state's texts
    for key in SCREENS:
        if key not in w.workspace.screens:
            walker.walked.append(f"{key} (no such screen!)")
            continue
        w.show_screen(key)
        settle(qtbot)
        walker.walk(key, w)
    walk_claim_detail(qtbot, sandbox, user, w, walker)
    w.lock_now()
    qtbot.waitUntil(lambda: w.state == "locked", timeout=WAIT_MS)
    walker.walk("lock screen", w)

    assert all("no such screen" not in s for s in walker.walked), walker.walked
    if walker.leftovers:
        pytest.fail(report(walker, pseudo_locale), pytrace=False)


def test_pseudo_locale_marks_what_is_wrapped_and_the_rule_excuses_only_data(
        pseudo_locale: set[str]) -> None:
    """The checker itself: a wrapped string comes back bracketed, a bare one is caught,
    and only data (no letters, the test's values, dates) is excused."""
    assert "Claims Desktop" in pseudo_locale  # desktop/ui/operations.py wraps it
    assert i18n.translate("Operations", "Claims Desktop") == f"{OPEN}Claims Desktop{CLOSE}"
    walker = Walker(["Testa Fictional"])
    assert walker.unmarked("Sign in")
    assert walker.unmarked(f"{OPEN}Signed in as{CLOSE} Testa Fictional Jr")
    assert not walker.unmarked(f"{OPEN}Signed in as{CLOSE} Testa Fictional")
    assert not walker.unmarked(f"{OPEN}&Sign in{CLOSE}")
    assert not walker.unmarked("$1,234.56 · 12/01/2026 · ***-**-1234")
    assert not walker.unmarked("December 1, 2026")
    assert not walker.unmarked(f"A1 {OPEN}Received{CLOSE} (CO-45, N435)")
    assert walker.unmarked("A1 Received")


def test_launch_installs_the_shipped_catalogues(sandbox: Sandbox, tmp_path: Path, qtbot,
                                                open_windows: list[MainWindow], qapp,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.launch` loads the catalogues (`i18n.install_translator`): without them a clerk
    reads "2 marked field(s)" even in English, and no translation would ever show."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    tool = catalogue_tool()
    (folder / "claims_desktop_en.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="en" sourcelanguage="en">\n<context>\n'
        "    <name>Operations</name>\n    <message>\n"
        "        <source>Claims Desktop</source>\n"
        "        <translation>Claims Desktop (catalogue loaded)</translation>\n"
        "    </message>\n</context>\n</TS>\n", encoding="utf-8")
    tool.lrelease(folder / "claims_desktop_en.ts", folder / "claims_desktop_en.qm")
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    before = set(qapp.findChildren(QTranslator))
    try:
        start(sandbox, tmp_path, qtbot, open_windows)
        assert i18n.translate("Operations", "Claims Desktop") == (
            "Claims Desktop (catalogue loaded)"), "app.launch installs no translator"
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
