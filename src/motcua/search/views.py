from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.utils.formats import get_format

from motcua.core.ratelimit import RateLimit, limit_by_ip
from motcua.search import selectors
from motcua.search.forms import SearchForm

PER_PAGE = 10
SEARCH_RATE = RateLimit("search", limit=120, window=60)


class _Counted:
    """A sequence of known length for the paginator, without fetching every result."""

    def __init__(self, total: int):
        self.total = total

    def __len__(self):
        return self.total

    def count(self):
        return self.total


@limit_by_ip(SEARCH_RATE, methods=("GET",))
def search(request):
    """One box over every public content type, accent-insensitive, with filters."""
    form = SearchForm(request.GET or None)
    results, page = None, None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        data = form.cleaned_data
        number = _page_number(request.GET.get("page"))

        def run(number):
            return selectors.search(
                data["q"],
                kinds=tuple(data["loai"]),
                date_from=data["tu"],
                date_to=data["den"],
                offset=(number - 1) * PER_PAGE,
                limit=PER_PAGE,
            )

        results = run(number)
        paginator = Paginator(_Counted(results.total), PER_PAGE)
        if results.total and not results.hits and number > paginator.num_pages:
            number = paginator.num_pages
            results = run(number)
        if results.total:
            page = Page(results.hits, number, paginator)
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "results": results,
            "page": page,
            "total_label": _grouped(results.total) if results else "",
            "query_string": query_string.urlencode(),
            "search_query": request.GET.get("q", ""),
        },
    )


def _page_number(raw) -> int:
    try:
        return max(1, min(int(raw), 1000))
    except (TypeError, ValueError):
        return 1


def _grouped(number: int) -> str:
    """1000 -> "1.000" in Vietnamese, "1,000" in English (Django's number_format does not
    group for Vietnamese: its NUMBER_GROUPING is 0)."""
    return f"{number:,}".replace(",", get_format("THOUSAND_SEPARATOR"))
