"""The dashboards' background work: a report leaders asked for, rendered off the web workers."""

from django_tasks import task

from motcua.core.pdf import stored_pdf, stored_pdf_name


@task()
def render_report(html: str) -> str:
    """Render the report's HTML to PDF and keep it (``core.pdf.stored_pdf``); returns the
    stored name. The HTML, not the unit and period, is what the leader asked for: figures
    that change meanwhile make another report, not this one. Running it twice renders once."""
    stored_pdf(html)
    return stored_pdf_name(html)
