/// Why a data line was rejected (SPEC §5: rejected, counted and reported, never guessed).
public enum RejectReason: Error, Equatable, Sendable, CustomStringConvertible {
    case quoting(String)
    case invalidUTF8
    case fieldCount(found: Int, expected: Int)
    /// A raw queue_log line with fewer than its five fixed fields (a line cut
    /// short); it has no header to state an expected count.
    case tooFewFields(found: Int)
    case field(column: String, problem: FieldProblem)
    case lineTooLong(limit: Int)
    /// A switch log's field that cannot be read (a queue_log time that is no Unix time).
    case switchField(name: String, detail: String)
    /// A queue_log call that never reached a final event, or a final event without its `ENTERQUEUE`.
    case incompleteCall(String)
    /// A line that repeats, byte for byte, a line of the same call.
    case duplicateLine(String)

    /// A switch log's time whose instant or local day is outside the
    /// calendar's years (``MetricsAccumulator/reportableInstants``).
    static func unreportableSwitchTime(name: String) -> RejectReason {
        .switchField(name: name, detail: "out of range: \(reportableDays)")
    }

    private static let reportableDays = "its local day must be 0001-01-01 to 9999-12-31"

    public var description: String {
        switch self {
        case .quoting(let detail): detail
        case .invalidUTF8: "invalid UTF-8"
        case .fieldCount(let found, let expected): "wrong field count (\(found), header has \(expected))"
        case .tooFewFields(let found): "too few fields (\(found))"
        case .lineTooLong(let limit): "line longer than \(limit) bytes, skipped"
        case .switchField(let name, let detail): "bad \(name) (\(detail))"
        case .incompleteCall(let detail): "incomplete call: \(detail)"
        case .duplicateLine(let detail): "duplicate line: \(detail)"
        case .field(let column, let problem):
            switch problem {
            case .empty: "empty \(column)"
            case .negative: "negative \(column)"
            case .notAnInteger(let detail): "not an integer \(column) (\(detail))"
            case .unknownValue: "unknown \(column)"
            case .outOfRange: "bad \(column) (must be 1, 2 or 3)"
            case .timestampOutOfRange: "\(column) out of range (\(Self.reportableDays))"
            case .timestamp(let error): "bad timestamp \(column) (\(error))"
            }
        }
    }
}
