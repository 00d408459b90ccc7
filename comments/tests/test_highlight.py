from comments.highlight import highlight


def test_spans_are_marked_and_everything_else_escaped():
    html = highlight("<b>siktir</b> git", [(3, 9)])
    assert html == '&lt;b&gt;<mark class="evidence">siktir</mark>&lt;/b&gt; git'


def test_overlapping_and_out_of_range_spans_are_merged_and_clipped():
    assert highlight("abcdef", [(1, 3), (2, 4), (5, 99), (-3, 0)]) == (
        'a<mark class="evidence">bcd</mark>e<mark class="evidence">f</mark>'
    )
