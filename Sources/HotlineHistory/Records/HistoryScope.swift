/// Which scope of a night a stored metric value belongs to: the `scope` and
/// `scope_key` columns of `metric_value`.
public enum HistoryScope: Hashable, Sendable {
    /// The whole day.
    case overall
    /// One queue of the day, by name.
    case queue(String)
    /// One local hour of the day, `00` to `23`.
    case hour(String)

    /// The `scope` column: `overall`, `queue` or `hour`.
    public var kind: String {
        switch self {
        case .overall: "overall"
        case .queue: "queue"
        case .hour: "hour"
        }
    }

    /// The `scope_key` column: empty for `overall`, else the queue name or the hour.
    public var key: String {
        switch self {
        case .overall: ""
        case .queue(let name), .hour(let name): name
        }
    }

    /// The scope stored as `kind` and `key`, or nil for a kind this version does not know.
    public init?(kind: String, key: String) {
        switch kind {
        case "overall": self = .overall
        case "queue": self = .queue(key)
        case "hour": self = .hour(key)
        default: return nil
        }
    }

    /// Overall first, then queues, then hours: the order of the report's sections.
    var rank: Int {
        switch self {
        case .overall: 0
        case .queue: 1
        case .hour: 2
        }
    }
}
