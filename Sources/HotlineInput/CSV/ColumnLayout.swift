/// Where each required column sits in one file, found by header name (SPEC
/// §2.1: any order, extra columns ignored, names exact and case-sensitive).
public struct ColumnLayout: Sendable, Equatable {
    public let kind: LogKind
    /// Number of fields every data line must have.
    public let fieldCount: Int
    /// Field index of each required column, in `kind.requiredColumns` order.
    let indices: [Int]

    /// Reads the header line (without its line ending, BOM already removed).
    /// `forcedKind` comes from `--calls`/`--contacts`; otherwise the kind is detected.
    public init(headerLine: UnsafeRawBufferPointer, path: String, forcedKind: LogKind?) throws {
        guard !headerLine.isEmpty else { throw InputError.emptyHeader(path: path) }
        guard UTF8Validation.isValid(headerLine) else { throw InputError.headerNotUTF8(path: path) }
        let names = try Self.headerNames(headerLine, path: path)
        guard let kind = forcedKind ?? LogKind.detect(from: names) else {
            throw InputError.unknownLogKind(path: path, header: String(decoding: headerLine, as: UTF8.self))
        }
        var indices: [Int] = []
        for column in kind.requiredColumns {
            let positions = names.indices.filter { names[$0] == column }
            guard let first = positions.first else {
                throw InputError.missingColumn(path: path, column: column, kind: kind == .calls ? "call-log" : "contact-log")
            }
            guard positions.count == 1 else { throw InputError.duplicateColumn(path: path, column: column) }
            indices.append(first)
        }
        self.kind = kind
        self.fieldCount = names.count
        self.indices = indices
    }

    static func headerNames(_ line: UnsafeRawBufferPointer, path: String) throws -> [String] {
        var tokenizer = CSVLineTokenizer(capacity: 64)
        if case .success(let count) = tokenizer.tokenize(line), count > 64 {
            tokenizer = CSVLineTokenizer(capacity: count)
        }
        var names: [String] = []
        switch tokenizer.tokenize(line) {
        case .failure(let problem):
            throw InputError.malformedHeader(path: path, detail: problem.description)
        case .success(let count):
            let unescaped = UnescapeBuffer()
            for field in 0..<count {
                unescaped.startRow(lineLength: line.count)
                names.append(String(decoding: unescaped.space.bytes(of: tokenizer.span(field), in: line), as: UTF8.self))
            }
        }
        return names
    }
}
