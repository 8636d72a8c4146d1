"""Text on the annotated picture reads in every language: OpenCV's fonts draw ASCII only, so
any other text is drawn with the DejaVu Sans the printed mat embeds."""

from __future__ import annotations

import cv2
import numpy as np

from turnout.adapters.vision.captions import FONT, put_text, text_width


def test_ascii_is_drawn_by_opencv_exactly_as_before() -> None:
    ours, theirs = np.zeros((40, 300, 3), np.uint8), np.zeros((40, 300, 3), np.uint8)
    put_text(ours, "Hold the phone closer.", (10, 25), 0.5, (255, 255, 255))
    cv2.putText(
        theirs, "Hold the phone closer.", (10, 25), FONT, 0.5, (255, 255, 255), 1, cv2.LINE_AA
    )
    assert np.array_equal(ours, theirs)
    assert text_width("Hold", 0.5) == cv2.getTextSize("Hold", FONT, 0.5, 1)[0][0]


def test_accents_and_cyrillic_are_drawn_as_letters_not_question_marks() -> None:
    for text in ("Tenez le téléphone plus près.", "Держите телефон ближе."):
        image = np.zeros((40, 400, 3), np.uint8)
        put_text(image, text, (10, 25), 0.5, (255, 255, 255))
        inked = np.argwhere(image[:, :, 0] > 128)
        assert len(inked) > 100
        assert inked[:, 0].max() <= 30 and inked[:, 0].min() >= 8  # on the line, not above it
        width = text_width(text, 0.5)
        assert width > 0.6 * text_width("x" * len(text), 0.5)
        assert inked[:, 1].max() <= 10 + width + 2
