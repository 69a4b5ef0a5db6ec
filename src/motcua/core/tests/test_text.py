import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from motcua.core.text import fold, slugify_vi

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cải cách hành chính", "cai cach hanh chinh"),
        ("Đảng", "dang"),
        ("ĐẢNG CỘNG SẢN", "dang cong san"),
        ("Phường Bình Thạnh", "phuong binh thanh"),
        ("Ủy ban Mặt trận Tổ quốc", "uy ban mat tran to quoc"),
        ("Thủ Đức", "thu duc"),
        ("hello", "hello"),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_fold_treats_decomposed_and_precomposed_input_alike():
    precomposed = "Trường"
    decomposed = unicodedata.normalize("NFD", precomposed)
    assert precomposed != decomposed
    assert fold(decomposed) == fold(precomposed) == "truong"


@pytest.mark.parametrize("letter", sorted(set(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper())))
def test_every_vietnamese_letter_folds_to_a_lowercase_ascii_letter(letter):
    folded = fold(letter)
    assert len(folded) == 1
    assert folded.isascii()
    assert folded.islower()


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " "))
def test_folded_vietnamese_text_is_ascii_and_keeps_its_length(text):
    folded = fold(text)
    assert folded.isascii()
    assert len(folded) == len(text)


def test_slug():
    assert slugify_vi("Phường Bình Thạnh") == "phuong-binh-thanh"
    assert slugify_vi("  Sở Nội vụ / TP.HCM ") == "so-noi-vu-tp-hcm"
