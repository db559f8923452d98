extension MetricValue {
    /// The value every writer shows: a non-finite real becomes `null`.
    ///
    /// The producer never emits NaN or ±∞ (SPEC §3 makes such values `null`),
    /// but JSON has no spelling for them and a table cell "nan" would read as
    /// data; normalising here keeps every output valid whatever the producer does.
    package var normalized: MetricValue {
        if case .real(let value) = self, !value.isFinite { return .null }
        return self
    }

    /// The value as JSON and CSV write it, or `nil` for `null`: integers as
    /// digits, reals as the shortest decimal that reads back to the same
    /// `Double` (`0.4`, `13.0`, `1e-05`), so that no precision is lost and the
    /// two machine formats always agree.
    package var machineText: String? {
        switch normalized {
        case .integer(let value): String(value)
        case .real(let value): value.description
        case .null: nil
        }
    }
}
