/// Every line of one attempt, in input order: what recognises a line read
/// twice (docs/asterisk.md: a line that repeats a line of the same call is a
/// duplicate), and where each line is, so that a re-read attempt can list all
/// of its lines as duplicates. An attempt keeps its lines only while it is in
/// progress, so memory follows the calls in progress, not the input.
///
/// Every line of a queue_log passes here, so the common attempt (entry,
/// answer, end) costs no allocation: its first lines are stored inline, and
/// only longer calls (ringing lines) and `--rejects`' texts spill to the heap.
/// Not generic over the attempt's ``SwitchText`` for the same reason: a
/// generic element type would cost a run-time metadata lookup per line.
public struct CallLines: Sendable {
    public struct Line: Sendable {
        public let fingerprint: UInt64
        /// Within its chunk while a worker assembles, in its file once stitched.
        public let number: Int64
        public let fileIndex: UInt16
        public let kind: QueueEventKind
    }

    /// Lines past the inline ones, and the lines' texts when events carry
    /// them. Written only through a uniquely referenced spill (copy on
    /// write), so no dynamic exclusivity checks are needed on the per-line path.
    private final class Spill: @unchecked Sendable {
        @exclusivity(unchecked) var lines: [Line] = []
        /// The texts one after another; `textEnds[i]` ends line `i`'s.
        @exclusivity(unchecked) var texts: [UInt8] = []
        @exclusivity(unchecked) var textEnds: [Int] = []

        func copy() -> Spill {
            let copy = Spill()
            copy.lines = lines
            copy.texts = texts
            copy.textEnds = textEnds
            return copy
        }
    }

    private static let inlineCount = 3
    private var inline: (Line, Line, Line)
    public private(set) var count = 0
    private var spill: Spill?

    init() {
        let empty = Line(fingerprint: 0, number: 0, fileIndex: 0, kind: .ignored)
        inline = (empty, empty, empty)
    }

    public subscript(index: Int) -> Line {
        guard index < Self.inlineCount else { return spill!.lines[index - Self.inlineCount] }
        return withUnsafeBytes(of: inline) { $0.load(fromByteOffset: index * MemoryLayout<Line>.stride, as: Line.self) }
    }

    public var all: [Line] { (0..<count).map { self[$0] } }

    /// A call has a handful to a few hundred lines (one per ring), so a scan
    /// costs less than a table per call.
    public func contains(_ fingerprint: UInt64) -> Bool {
        (0..<count).contains { self[$0].fingerprint == fingerprint }
    }

    /// Line `index`'s text: empty unless events carried it.
    public func text(of index: Int) -> [UInt8] {
        guard let spill, index < spill.textEnds.count else { return [] }
        return Array(spill.texts[(index == 0 ? 0 : spill.textEnds[index - 1])..<spill.textEnds[index]])
    }

    mutating func insert<Text>(_ event: QueueEvent<Text>) {
        let text = event.text.withBytes { $0.isEmpty ? nil : Array($0) }
        add(Line(fingerprint: event.fingerprint, number: event.line, fileIndex: UInt16(truncatingIfNeeded: event.fileIndex),
                 kind: event.kind), text: text)
    }

    mutating func append(contentsOf other: CallLines) {
        for index in 0..<other.count {
            add(other[index], text: other.spill.map { _ in other.text(of: index) })
        }
    }

    /// Takes out the lines that `isRepeat` picks, and returns them with their texts.
    mutating func remove(where isRepeat: (Line) -> Bool) -> [(line: Line, text: [UInt8])] {
        var kept = CallLines(), removed: [(line: Line, text: [UInt8])] = []
        for index in 0..<count {
            let line = self[index], text = spill.map { _ in self.text(of: index) }
            if isRepeat(line) { removed.append((line, text ?? [])) } else { kept.add(line, text: text) }
        }
        self = kept
        return removed
    }

    /// The lines moved from chunk to file numbering.
    func moved(lineOffset: Int64) -> CallLines {
        guard lineOffset != 0 else { return self }
        var copy = CallLines()
        for index in 0..<count {
            let line = self[index]
            copy.add(Line(fingerprint: line.fingerprint, number: line.number + lineOffset, fileIndex: line.fileIndex,
                          kind: line.kind), text: spill.map { _ in text(of: index) })
        }
        return copy
    }

    private mutating func add(_ line: Line, text: [UInt8]?) {
        if count < Self.inlineCount {
            withUnsafeMutableBytes(of: &inline) {
                $0.storeBytes(of: line, toByteOffset: count * MemoryLayout<Line>.stride, as: Line.self)
            }
        } else {
            uniqueSpill().lines.append(line)
        }
        if let text, !text.isEmpty {
            let spill = uniqueSpill()
            spill.texts += text
            spill.textEnds.append(spill.texts.count)
        }
        count += 1
    }

    private mutating func uniqueSpill() -> Spill {
        if spill == nil {
            spill = Spill()
        } else if !isKnownUniquelyReferenced(&spill) {
            spill = spill!.copy()
        }
        return spill!
    }
}
