/// Where one field's content lies in its line (quotes excluded).
struct FieldSpan {
    var start: Int
    var end: Int
    /// The field was quoted and holds `""` pairs that stand for one quote each.
    var hasEscapedQuotes: Bool

    var isEmpty: Bool { start == end }
}

/// Why a line could not be split into fields (SPEC §2.1 quoting rules).
enum QuotingProblem: Error, Equatable, CustomStringConvertible {
    /// A quoted field is not closed on its line: a row broken across lines inside quotes.
    case unbalancedQuotes
    case quoteInUnquotedField(field: Int)
    case textAfterClosingQuote(field: Int)

    var description: String {
        switch self {
        case .unbalancedQuotes: "unbalanced quotes: piece of a row broken inside quotes"
        case .quoteInUnquotedField(let field): "malformed quoting: a quote inside unquoted field \(field + 1)"
        case .textAfterClosingQuote(let field): "malformed quoting: text after the closing quote of field \(field + 1)"
        }
    }
}

/// Splits one CSV line (line ending removed) into field spans per RFC 4180,
/// with the SPEC's rule that a quoted field never spans lines.
///
/// Spans are written into raw storage the tokenizer reuses for every line,
/// so tokenizing allocates nothing and handing the spans to the row parser
/// costs no reference counting. Lines with more fields than `capacity` are
/// still counted exactly; only the first `capacity` spans are kept.
final class CSVLineTokenizer {
    private let spans: UnsafeMutablePointer<FieldSpan>
    /// How many field spans a line can keep.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        spans = .allocate(capacity: self.capacity)
        spans.initialize(repeating: FieldSpan(start: 0, end: 0, hasEscapedQuotes: false), count: self.capacity)
    }

    deinit { spans.deallocate() }

    /// The span of field `index` of the last line tokenized.
    @inline(__always)
    func span(_ index: Int) -> FieldSpan {
        precondition(index < capacity, "field beyond the tokenizer's capacity")
        return spans[index]
    }

    /// The spans of the last line tokenized, valid until the next `tokenize`
    /// and as long as the tokenizer lives.
    var storage: UnsafePointer<FieldSpan> { UnsafePointer(spans) }

    /// Tokenizes `line`; returns the number of fields.
    ///
    /// Most rows hold no quote at all: those are split 16 bytes at a time;
    /// a line with a quote anywhere, or shorter than 16 bytes, is tokenized
    /// byte by byte.
    func tokenize(_ line: UnsafeRawBufferPointer) -> Result<Int, QuotingProblem> {
        if let base = line.baseAddress, line.count >= 16, let fields = splitUnquoted(base, count: line.count) {
            return .success(fields)
        }
        return tokenizeBytewise(line)
    }

    /// The fields of a line of at least 16 bytes without quotes, found by
    /// comparing 16 bytes at a time and walking the bit mask of commas; `nil`
    /// as soon as a quote shows up (the spans recorded until then are then
    /// overwritten by the bytewise tokenizer). The last block is the line's
    /// last 16 bytes, its bits already seen shifted out, so that nothing
    /// beyond the line is read: it may end where the chunk's memory ends.
    @inline(__always)
    private func splitUnquoted(_ base: UnsafeRawPointer, count: Int) -> Int? {
        var field = 0
        var fieldStart = 0
        var offset = 0
        while offset < count {
            let start = min(offset, count - 16)
            let block = base.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self)
            let seen = offset - start
            if Self.bits(block .== SIMD16(repeating: UInt8(ascii: "\""))) >> seen != 0 { return nil }
            var commas = Self.bits(block .== SIMD16(repeating: UInt8(ascii: ","))) >> seen
            while commas != 0 {
                let comma = offset + commas.trailingZeroBitCount
                record(field, FieldSpan(start: fieldStart, end: comma, hasEscapedQuotes: false))
                field += 1
                fieldStart = comma + 1
                commas &= commas &- 1
            }
            offset = start + 16
        }
        record(field, FieldSpan(start: fieldStart, end: count, hasEscapedQuotes: false))
        return field + 1
    }

    /// Bit `i` set when lane `i` of `mask` is: each 8-lane half (bytes 0x00
    /// or 0xFF) is gathered into 8 bits by one multiplication, as x86's
    /// `pmovmskb` would, which Swift does not expose.
    @inline(__always)
    private static func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt16 {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let low = ((halves[0] & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
        let high = ((halves[1] & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
        return UInt16(truncatingIfNeeded: low | high << 8)
    }

    /// The general tokenizer, one byte at a time: quoted fields, doubled
    /// quotes and every quoting error.
    func tokenizeBytewise(_ line: UnsafeRawBufferPointer) -> Result<Int, QuotingProblem> {
        let count = line.count
        guard let base = line.baseAddress, count > 0 else {
            record(0, FieldSpan(start: 0, end: 0, hasEscapedQuotes: false))
            return .success(1)
        }
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
        var position = 0
        var field = 0
        while true {
            if position < count && base.load(fromByteOffset: position, as: UInt8.self) == quote {
                let contentStart = position + 1
                var scan = contentStart
                var escaped = false
                var contentEnd = -1
                while scan < count {
                    if base.load(fromByteOffset: scan, as: UInt8.self) == quote {
                        if scan + 1 < count && base.load(fromByteOffset: scan + 1, as: UInt8.self) == quote {
                            escaped = true
                            scan += 2
                            continue
                        }
                        contentEnd = scan
                        break
                    }
                    scan += 1
                }
                guard contentEnd >= 0 else { return .failure(.unbalancedQuotes) }
                position = contentEnd + 1
                if position < count && base.load(fromByteOffset: position, as: UInt8.self) != comma {
                    return .failure(.textAfterClosingQuote(field: field))
                }
                record(field, FieldSpan(start: contentStart, end: contentEnd, hasEscapedQuotes: escaped))
            } else {
                var scan = position
                while scan < count {
                    let byte = base.load(fromByteOffset: scan, as: UInt8.self)
                    if byte == comma { break }
                    if byte == quote { return .failure(.quoteInUnquotedField(field: field)) }
                    scan += 1
                }
                record(field, FieldSpan(start: position, end: scan, hasEscapedQuotes: false))
                position = scan
            }
            field += 1
            if position >= count { return .success(field) }
            position += 1
        }
    }

    @inline(__always)
    private func record(_ field: Int, _ span: FieldSpan) {
        if field < capacity { spans[field] = span }
    }
}

/// Scratch space where quoted fields holding `""` are rewritten with single
/// quotes, so that ids compare by their real value. Reused across rows.
///
/// `startRow(lineLength:)` makes room for the whole line before any field is
/// unescaped (unescaped content is never longer than the line), so views
/// handed out for one row stay valid while the row is being parsed. The row
/// parser works on `ScratchSpace`, a plain view of this memory, so that
/// reading a field involves no reference counting. A buffer belongs to one
/// parser, so its stored properties opt out of dynamic exclusivity checks.
final class UnescapeBuffer {
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var space: ScratchSpace

    init(capacity: Int = 256) {
        self.capacity = capacity
        space = ScratchSpace(base: .allocate(byteCount: capacity, alignment: 1), capacity: capacity,
                             used: .allocate(capacity: 1))
        space.used.initialize(to: 0)
    }

    deinit {
        space.base.deallocate()
        space.used.deallocate()
    }

    /// Forgets the previous row's fields and guarantees room for this one's.
    @inline(__always)
    func startRow(lineLength: Int) {
        space.used.pointee = 0
        if lineLength > capacity {
            space.base.deallocate()
            capacity = max(lineLength, capacity * 2)
            space = ScratchSpace(base: .allocate(byteCount: capacity, alignment: 1), capacity: capacity, used: space.used)
        }
    }
}

/// The memory of an `UnescapeBuffer`, valid while the buffer lives and until
/// its next `startRow`.
struct ScratchSpace {
    let base: UnsafeMutableRawPointer
    let capacity: Int
    let used: UnsafeMutablePointer<Int>

    /// Whether a field of this row was unescaped here: views of it end at the next `startRow`.
    var holdsUnescapedBytes: Bool { used.pointee > 0 }

    /// The field's content: a view into `line`, or into the scratch memory
    /// when it had to be unescaped.
    @inline(__always)
    func bytes(of span: FieldSpan, in line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let raw = UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])
        guard span.hasEscapedQuotes else { return raw }
        let start = used.pointee
        precondition(start + raw.count <= capacity, "a field was unescaped twice in one row")
        var end = start
        var previousWasQuote = false
        for byte in raw {
            let isQuote = byte == UInt8(ascii: "\"")
            if isQuote && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = isQuote
            base.storeBytes(of: byte, toByteOffset: end, as: UInt8.self)
            end += 1
        }
        used.pointee = end
        return UnsafeRawBufferPointer(start: base + start, count: end - start)
    }
}
