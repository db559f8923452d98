/// Every line of one attempt, in input order: what recognises a line read
/// twice (docs/asterisk.md: a line that repeats a line of the same call is a
/// duplicate), and where each line is, so that a re-read attempt can list all
/// of its lines as duplicates. An attempt keeps its lines only while it is in
/// progress, so memory follows the calls in progress, not the input.
///
/// Not generic over the attempt's ``SwitchText``: the worker's hot path
/// appends here once per line, and a generic element type would cost a
/// runtime metadata lookup each time.
public struct CallLines: Sendable {
    public struct Line: Sendable {
        public let kind: QueueEventKind
        public let fingerprint: UInt64
        /// Within its chunk while a worker assembles, in its file once stitched.
        public let number: Int64
        public let fileIndex: Int
        /// Where the line's bytes are in ``CallLines/text(of:)``'s storage.
        let textStart: Int
        let textCount: Int
    }

    public private(set) var all: [Line] = []
    /// The lines' bytes, one after another, for `--rejects` (without it,
    /// events carry no text and this stays empty).
    private var textBytes: [UInt8] = []

    init() {}

    /// A call has a handful to a few hundred lines (one per ring), so a scan
    /// costs less than a table per call.
    public func contains(_ fingerprint: UInt64) -> Bool { all.contains { $0.fingerprint == fingerprint } }

    public func text(of line: Line) -> [UInt8] { Array(textBytes[line.textStart..<line.textStart + line.textCount]) }

    mutating func insert<Text>(_ event: QueueEvent<Text>) {
        let start = textBytes.count
        event.text.withBytes { textBytes.append(contentsOf: $0) }
        all.append(Line(kind: event.kind, fingerprint: event.fingerprint, number: event.line, fileIndex: event.fileIndex,
                        textStart: start, textCount: textBytes.count - start))
    }

    mutating func append(contentsOf other: CallLines) {
        let shift = textBytes.count
        textBytes += other.textBytes
        all += other.all.map { $0.moved(lineOffset: 0, textOffset: shift) }
    }

    /// Takes out the lines that `isRepeat` picks, and returns them with their bytes.
    mutating func remove(where isRepeat: (Line) -> Bool) -> [(line: Line, text: [UInt8])] {
        let removed = all.filter(isRepeat).map { ($0, text(of: $0)) }
        all.removeAll(where: isRepeat)
        return removed
    }

    /// The lines moved from chunk to file numbering.
    func moved(lineOffset: Int64) -> CallLines {
        var copy = self
        copy.all = all.map { $0.moved(lineOffset: lineOffset, textOffset: 0) }
        return copy
    }
}

extension CallLines.Line {
    fileprivate func moved(lineOffset: Int64, textOffset: Int) -> Self {
        .init(kind: kind, fingerprint: fingerprint, number: number + lineOffset, fileIndex: fileIndex,
              textStart: textStart + textOffset, textCount: textCount)
    }
}
