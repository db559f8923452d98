/// Splits the CSV rows of a switch-log table (a queue_log export, a CDR) into
/// their unescaped fields, reusing one tokenizer and one scratch buffer for
/// every row of a chunk.
final class CSVRowFields {
    private var tokenizer: CSVLineTokenizer
    private let unescape = UnescapeBuffer()
    let fieldCount: Int

    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        tokenizer = CSVLineTokenizer(capacity: fieldCount + 1)
    }

    /// The fields of `text`, valid until the next call; or why the row is
    /// rejected (bad quoting, another field count). Each field may be read once.
    func fields(of text: UnsafeRawBufferPointer) -> Result<FieldReader, RejectReason> {
        let found: Int
        switch tokenizer.tokenize(text) {
        case .success(let count): found = count
        case .failure(let problem): return .failure(.quoting(problem.description))
        }
        guard found == fieldCount else { return .failure(.fieldCount(found: found, expected: fieldCount)) }
        unescape.startRow(lineLength: text.count)
        return .success(FieldReader(line: text, spans: tokenizer.storage, scratch: unescape.space))
    }
}
