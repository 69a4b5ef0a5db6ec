from django.urls import reverse


def search(request):
    """Turn on the layout's search box (it appears when ``search_url`` is set)."""
    return {
        "search_url": reverse("search:search"),
        "search_query": request.GET.get("q", "") if request.path.startswith("/tim-kiem/") else "",
    }
