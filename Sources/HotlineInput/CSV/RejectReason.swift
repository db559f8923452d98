/// Why a data line was rejected (SPEC §5: rejected, counted and reported, never guessed).
public enum RejectReason: Error, Equatable, Sendable, CustomStringConvertible {
    case quoting(String)
    case invalidUTF8
    case fieldCount(found: Int, expected: Int)
    case field(column: String, problem: FieldProblem)
    case lineTooLong(limit: Int)

    public var description: String {
        switch self {
        case .quoting(let detail): detail
        case .invalidUTF8: "invalid UTF-8"
        case .fieldCount(let found, let expected): "wrong field count (\(found), header has \(expected))"
        case .lineTooLong(let limit): "line longer than \(limit) bytes, skipped"
        case .field(let column, let problem):
            switch problem {
            case .empty: "empty \(column)"
            case .negative: "negative \(column)"
            case .notAnInteger(let detail): "not an integer \(column) (\(detail))"
            case .unknownValue: "unknown \(column)"
            case .outOfRange: "bad \(column) (must be 1, 2 or 3)"
            case .timestamp(let error): "bad timestamp \(column) (\(error))"
            }
        }
    }
}
