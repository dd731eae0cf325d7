import pytest

from council.domain.spreadsheet import spreadsheet_safe


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\nx"])
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Call back", "", "a=b", "e-mail", -3, 2.5, None])
def test_other_text_and_numbers_stay_as_they_are(cell: object) -> None:
    assert spreadsheet_safe(cell) == cell
