from motcua.search.text import exact_token, folded_terms, highlight, parse_query, snippet


def test_folded_terms_fold_d_with_stroke_and_drop_marks():
    assert folded_terms("Đảng ủy phường Bình Thạnh") == "dang uy phuong binh thanh"


def test_exact_tokens_tell_accented_words_apart_but_keep_plain_words():
    assert exact_token("Đảng") == exact_token("đảng")
    assert exact_token("Đảng") != exact_token("đang")
    assert exact_token("Đảng").startswith("dangx")
    assert exact_token("UBND") == "ubnd"


def test_a_query_without_diacritics_has_no_exact_terms():
    assert parse_query("cai cach").exact == ()
    assert parse_query("cải cách").exact == (exact_token("cải"), exact_token("cách"))


def test_a_query_of_punctuation_only_is_empty():
    assert not parse_query(" --- !!! ")


def test_highlight_marks_accented_words_matching_a_folded_query():
    html = highlight("Cải cách hành chính của Đảng", ("cai", "cach", "dang"))
    assert html == "<mark>Cải</mark> <mark>cách</mark> hành chính của <mark>Đảng</mark>"


def test_snippets_are_escaped_against_script_injection():
    html = snippet('<script>alert("x")</script> cải cách', ("cai",))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>cải</mark>" in html


def test_snippet_shows_the_passage_with_the_matches():
    text = "Mở đầu. " * 80 + "Người dân tra cứu thủ tục hành chính. " + "Kết thúc. " * 80
    html = snippet(text, ("thu", "tuc"))
    assert "<mark>thủ</mark> <mark>tục</mark>" in html
    assert html.startswith("… ")
    assert len(html) < 400
