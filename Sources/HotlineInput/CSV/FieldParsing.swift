import HotlineCore

/// Why a field's value was rejected; the row is counted as rejected with it.
public enum FieldProblem: Error, Equatable, Sendable {
    case empty
    case negative
    case notAnInteger(detail: String)
    case unknownValue
    case outOfRange
    case timestamp(TimestampError)
    /// A timestamp whose instant, or whose local day in the report's zone,
    /// falls outside 0001-01-01…9999-12-31 (`ValueRanges.instantSeconds`).
    case timestampOutOfRange
}

/// Parsers for the field types of SPEC §2.1, working on raw bytes.
enum FieldParsing {
    /// A non-negative integer: ASCII digits only (leading zeros allowed), fitting a signed 64-bit integer.
    @inline(__always)
    static func nonNegativeInteger(_ bytes: UnsafeRawBufferPointer) -> Result<Int64, FieldProblem> {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .failure(.empty) }
        var value: Int64 = 0
        for offset in 0..<bytes.count {
            let digit = base.load(fromByteOffset: offset, as: UInt8.self) &- UInt8(ascii: "0")
            guard digit < 10 else { return .failure(nonDigitProblem(bytes, at: offset)) }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { return .failure(.notAnInteger(detail: "does not fit int64")) }
            value = sum
        }
        return .success(value)
    }

    private static func nonDigitProblem(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> FieldProblem {
        let byte = bytes[offset]
        if offset == 0 && byte == UInt8(ascii: "-") && bytes.count > 1 && bytes.dropFirst().allSatisfy({ $0 &- 48 < 10 }) {
            return .negative
        }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
            return .notAnInteger(detail: offset == 0 ? "leading space" : "space inside")
        }
        return .notAnInteger(detail: "not ASCII digits")
    }

    /// A support level: an integer 1...3 (`02` is 2).
    @inline(__always)
    static func level(_ bytes: UnsafeRawBufferPointer) -> Result<UInt8, FieldProblem> {
        switch nonNegativeInteger(bytes) {
        case .success(let value): (1...3).contains(value) ? .success(UInt8(value)) : .failure(.outOfRange)
        case .failure(let problem): .failure(problem)
        }
    }

    @inline(__always)
    static func timestamp(_ bytes: UnsafeRawBufferPointer) -> Result<Int64, FieldProblem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        return Timestamp.parse(bytes).mapError(FieldProblem.timestamp)
    }

    /// `timestamp(bytes)`, reusing the day of the date that `memo` remembers (see `Timestamp.parse(_:memo:)`).
    @inline(__always)
    static func timestamp(_ bytes: UnsafeRawBufferPointer, memo: inout TimestampDateMemo) -> Result<Int64, FieldProblem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        return Timestamp.parse(bytes, memo: &memo).mapError(FieldProblem.timestamp)
    }
}
