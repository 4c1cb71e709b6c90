"""pum 1.8's pum.report_generator: a ComparisonReport as text, JSON or HTML, rendered by the
native reports of `pum check -f text|json|html` (docs/check.md)."""

from . import _core


def _native_report(report):
    native = getattr(report, "_native", None)
    if native is not None:
        return native
    # A report built or changed by the caller: rebuilt from its fields.
    results = [
        {
            "key": result.key,
            "differences": [
                (getattr(item.type, "value", item.type), item.content)
                for item in result.differences
            ],
        }
        for result in report.check_results
    ]
    timestamp = report.timestamp
    timestamp = timestamp.isoformat() if hasattr(timestamp, "isoformat") else str(timestamp)
    return _core.call(
        lambda n: n.check_report,
        str(report.pg_connection1),
        str(report.pg_connection2),
        timestamp,
        results,
    )


class ReportGenerator:
    """Renders a pum.checker.ComparisonReport (pum 1.8 API)."""

    @staticmethod
    def generate_text(report) -> str:
        return _native_report(report).render("text")

    @staticmethod
    def generate_json(report) -> str:
        return _native_report(report).render("json")

    @staticmethod
    def generate_html(report) -> str:
        return _native_report(report).render("html")
