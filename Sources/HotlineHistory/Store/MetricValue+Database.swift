import GRDB
import HotlineCore

extension MetricValue {
    /// The SQLite value of a metric: INTEGER, REAL or NULL, so that the
    /// storage class keeps the difference between a count and a ratio.
    var databaseValue: DatabaseValue {
        switch normalized {
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .null: .null
        }
    }

    /// The metric stored as `value`, or nil for TEXT or BLOB, which hotline never writes.
    init?(_ value: DatabaseValue) {
        switch value.storage {
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .null: self = .null
        case .string, .blob: return nil
        }
    }
}
