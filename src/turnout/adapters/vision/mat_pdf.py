"""The mat as a five-page vector PDF, written by hand: exact sizes, no PDF library needed.

Page 1 is the guide (how to put the mat together); pages 2 to 5 are the sheets A to D.
"""

from __future__ import annotations

from turnout.adapters.vision.mat_layout import (
    BACK_MM,
    MARKER_MM,
    QUIET_MM,
    MatLayout,
    Paper,
    layout,
    page_to_floor_offset,
    sheet_name,
)
from turnout.adapters.vision.mat_pdf_font import embedded
from turnout.adapters.vision.mat_print_canvas import (
    PT_PER_MM,
    TEXT_PT,
    PdfCanvas,
    SheetCanvas,
    document,
    wrap,
)
from turnout.adapters.vision.mat_print_guide import guide_page
from turnout.adapters.vision.mat_print_marks import PRINT_ORDER, SHEET_LETTERS, draw_marks
from turnout.adapters.vision.mat_stripes import draw_stripes
from turnout.domain.geometry import Point
from turnout.i18n import _

__all__ = ["PT_PER_MM", "TEXT_PT", "SheetCanvas", "draw_sheet", "marker_bits", "mat_pdf"]
BAR_Y = -70.0  # the 100 mm check bar, behind the band where the heels stand
TEXT_FROM, TEXT_TO = 52.0, 112.0  # the back sheets' small print, mm from the middle line
# The back sheets' small print, under the sheet's name: 7 pt, shrunk (its rows closer) until a
# long translation fits above the check bar; the reminder to print at 100 % wraps in a
# narrower column when two rows of it do.
SMALL_PT, SMALLER_PT = 7.0, (6.5, 6.0, 5.5, 5.0)
REMINDER_MM = 40.0
# The name's baseline; the lowest row's, clear of the bar's label under it (at BAR_Y - 2).
NAME_Y, LAST_Y = -BACK_MM + 8.0, -76.5


def mat_pdf(paper: Paper) -> bytes:
    """The guide page, then the four sheets of the mat for this paper, one per page, their
    words in the current language (the request's or the command's)."""
    mat = layout(paper)
    pages = [guide_page(mat)] + [_page_content(mat, sheet) for sheet in PRINT_ORDER]
    return document(pages, mat.page_width * PT_PER_MM, mat.page_height * PT_PER_MM)


def marker_bits(marker_id: int) -> list[list[bool]]:
    """The 6 x 6 modules of a marker (border included), True where black."""
    import cv2  # the only use of OpenCV here; `turnout --help` must not load it

    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    image = dictionary.generateImageMarker(marker_id, 6)
    return [[int(v) < 128 for v in row] for row in image]


def _page_content(mat: MatLayout, sheet: str) -> str:
    canvas = PdfCanvas(page_to_floor_offset(mat, sheet), mat.page_height)
    draw_sheet(canvas, mat, sheet)
    return canvas.content()


def draw_sheet(canvas: SheetCanvas, mat: MatLayout, sheet: str) -> None:
    """Everything printed on one sheet (greys: 0 black, 1 white; dashes in points)."""
    sign = 1.0 if sheet.endswith("L") else -1.0
    reach, back_row = mat.half_width, sheet.startswith("B")
    draw_stripes(canvas, mat, sheet)
    for marker in (m for m in mat.markers if m.sheet == sheet):
        _draw_marker(canvas, marker.corners[0], marker.id)
    # The seams: where the R sheets are cut and laid (x = 0), and where the rows meet.
    near, far = (-BACK_MM, mat.seam) if back_row else (mat.seam, mat.front)
    canvas.line(Point(0, near), Point(0, far), 0.3, 0.4, dash="6 6")
    canvas.line(Point(0, mat.seam), Point(sign * reach, mat.seam), 0.3, 0.4, dash="6 6")
    if back_row:
        canvas.line(Point(0, 0), Point(sign * reach, 0), 1.2, 0.65)  # the heel line
        canvas.line(Point(sign * 1.5, -12), Point(sign * 1.5, -2), 1.0, 0.3)  # heel mark
        _back_text(canvas, mat, sheet, sign)
    else:
        _front_text(canvas, mat, sheet, sign)
    draw_marks(canvas, mat, sheet)


def sheet_lines(mat: MatLayout, sheet: str) -> tuple[list[str], float]:
    """The small print on a sheet, in our own words: which sheet it is, where the guide is;
    and the size of the rows after the name (a back sheet's may shrink to fit)."""
    paper, page = mat.paper.value.upper(), PRINT_ORDER.index(sheet) + 2
    # Translators: {letter} is the sheet's letter (A to D), {name} where it lies ("back left"),
    # {sheet} its code (BL, BR, FL, FR: back or front, left or right).
    name = _("Sheet {letter}: {name} ({sheet})")
    name = name.format(letter=SHEET_LETTERS[sheet], name=sheet_name(sheet), sheet=sheet)
    if sheet.startswith("F"):
        # Translators: {paper} is A4 or LETTER; {page} the page's number, of the 5 printed.
        footer = _("turnout floor mat, {paper}, page {page} of 5")
        return [name, footer.format(paper=paper, page=page)], TEXT_PT
    # Translators: {paper} is A4 or LETTER; {page} the page's number, of the 5 printed.
    title = _("turnout floor mat, {paper}: page {page} of 5.").format(paper=paper, page=page)
    guide = _("Put it together as page 1 shows.")
    reminder = _("Print at 100 % (Actual size), not fit to page: the bar is 100 mm.")
    rows, size = _small_print([title, guide], reminder)
    return [name, *rows], size


def _small_print(paragraphs: list[str], reminder: str) -> tuple[list[str], float]:
    width, narrow = TEXT_TO - TEXT_FROM, wrap(reminder, REMINDER_MM, SMALL_PT)
    for size in (SMALL_PT, *SMALLER_PT):
        rows = [row for text in paragraphs for row in wrap(text, width, size)]
        rows += narrow if size == SMALL_PT and len(narrow) <= 2 else wrap(reminder, width, size)
        if len(rows) * _pitch(size) <= LAST_Y - NAME_Y:
            break
    return rows, size


def _pitch(size: float) -> float:
    """The distance between two rows of the back sheets' small print, in mm."""
    return 4.5 * size / SMALL_PT


def _back_text(canvas: SheetCanvas, mat: MatLayout, sheet: str, sign: float) -> None:
    """The sheet's name and a reminder, and the 100 mm check bar, behind the markers' band."""
    left = TEXT_FROM if sign > 0 else -TEXT_TO
    lines, size = sheet_lines(mat, sheet)
    for row, line in enumerate(lines):
        y = NAME_Y + _pitch(size) * row
        canvas.text(Point(left, y), line, 8.5 if row == 0 else size)
    bar_left = TEXT_TO - 100.0 if sign > 0 else -TEXT_TO
    canvas.rect(Point(bar_left, BAR_Y), 100.0, 1.5)  # the 100 mm scale check bar
    canvas.text(Point(bar_left, BAR_Y - 2.0), _("100 mm: check it with a ruler"), 7.0)


def _front_text(canvas: SheetCanvas, mat: MatLayout, sheet: str, sign: float) -> None:
    """The sheet's name near its front edge, beside its markers, off the feet's paper."""
    inner = _inner_edge(mat, sheet) - QUIET_MM - 2.0
    for row, line in enumerate(sheet_lines(mat, sheet)[0]):
        size = TEXT_PT + 2 * (row == 0)
        width = embedded().width_pt(line, size) / PT_PER_MM
        x = inner - width if sign > 0 else -inner
        canvas.text(Point(x, mat.front - 8.0 + row * 4.0), line, size)


def _inner_edge(mat: MatLayout, sheet: str) -> float:
    """How close to the middle line (x = 0) the sheet's markers come."""
    return min(abs(c.x) for m in mat.markers if m.sheet == sheet for c in m.corners)


def _draw_marker(canvas: SheetCanvas, top_left: Point, marker_id: int) -> None:
    module = MARKER_MM / 6
    for row, bits in enumerate(marker_bits(marker_id)):
        for col, black in enumerate(bits):
            if black:
                corner = Point(top_left.x + col * module, top_left.y + row * module)
                # A hair of overlap so no white seams show between touching modules.
                canvas.rect(corner, module + 0.05, module + 0.05)
