import HotlineCore

/// Writes a ``HistoryTrend`` as JSON, numbers spelled as in `hotline report
/// --format json` (exact integers, shortest round-tripping reals, `null`):
///
///     {"db": …, "scope": {"kind": "queue", "key": "billing"}, "from": …, "to": …,
///      "days": [{"day": "2026-11-20", "metrics": {"offered": 412, …}}]}
public enum HistoryJSONWriter {
    public static func render(_ trend: HistoryTrend) -> String {
        let document = JSONValue.object([
            ("db", .string(trend.database)),
            ("scope", .object([("kind", .string(trend.scope.kind)), ("key", .string(trend.scope.key))])),
            ("from", trend.from.map(JSONValue.string) ?? .null),
            ("to", trend.to.map(JSONValue.string) ?? .null),
            ("days", .list(trend.days.map { day in
                .object([
                    ("day", .string(day.day)),
                    ("metrics", .object(trend.metrics.map { ($0.key, .metric(day[$0])) })),
                ])
            })),
        ])
        return document.rendered() + "\n"
    }
}
