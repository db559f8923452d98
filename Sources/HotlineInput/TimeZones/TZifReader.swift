/// The counts of a TZif header (RFC 8536 §3.1).
struct TZifHeader {
    let version: Int
    let isUTCCount: Int
    let isStandardCount: Int
    let leapCount: Int
    let transitionCount: Int
    let typeCount: Int
    let characterCount: Int

    /// Bytes of the data block that follows this header.
    func blockSize(timeSize: Int) -> Int {
        transitionCount * (timeSize + 1) + typeCount * 6 + characterCount
            + leapCount * (timeSize + 4) + isStandardCount + isUTCCount
    }
}

/// A bounds-checked big-endian cursor over a TZif file's bytes (RFC 8536 §3).
struct TZifReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func header() throws(TZifError) -> TZifHeader {
        guard bytes[position...].starts(with: "TZif".utf8) else {
            throw position == 0 ? .notTZif : .invalid("second header missing")
        }
        guard bytes.count - position >= 44 else { throw .truncated }
        let versionByte = bytes[position + 4]
        let version = versionByte == 0 ? 1 : Int(versionByte) - Int(UInt8(ascii: "0"))
        guard version >= 1 && version <= 9 else { throw .invalid("version byte \(versionByte)") }
        position += 20
        var counts: [Int] = []
        for _ in 0..<6 {
            counts.append(Int(try uint32()))
        }
        let header = TZifHeader(
            version: version, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
            transitionCount: counts[3], typeCount: counts[4], characterCount: counts[5])
        guard header.typeCount >= 1 else { throw .invalid("no local time type") }
        guard header.isUTCCount == 0 || header.isUTCCount == header.typeCount,
              header.isStandardCount == 0 || header.isStandardCount == header.typeCount
        else { throw .invalid("indicator counts do not match the type count") }
        guard header.leapCount == 0 else { throw .leapSeconds }
        return header
    }

    /// Reads a data block and returns the initial offset and the transitions with their offsets.
    mutating func dataBlock(
        _ header: TZifHeader, timeSize: Int
    ) throws(TZifError) -> (initialOffset: Int32, transitions: [(at: Int64, offset: Int32)]) {
        guard bytes.count - position >= header.blockSize(timeSize: timeSize) else { throw .truncated }
        var times: [Int64] = []
        times.reserveCapacity(header.transitionCount)
        for _ in 0..<header.transitionCount {
            let time = timeSize == 8 ? Int64(bitPattern: try uint64()) : Int64(Int32(bitPattern: try uint32()))
            guard times.last.map({ $0 < time }) ?? true else { throw .invalid("transition times not ascending") }
            times.append(time)
        }
        let typeIndices = bytes[position..<(position + header.transitionCount)].map(Int.init)
        position += header.transitionCount
        var typeOffsets: [Int32] = []
        for _ in 0..<header.typeCount {
            let offset = Int32(bitPattern: try uint32())
            // RFC 8536 §3.2 bounds a sane UT offset to about ±26 hours.
            guard offset > -26 * 3600 && offset < 26 * 3600 else { throw .invalid("UT offset \(offset)") }
            typeOffsets.append(offset)
            position += 2  // isdst and the abbreviation index: offsets are all we need.
        }
        guard typeIndices.allSatisfy({ $0 < header.typeCount }) else { throw .invalid("transition type index out of range") }
        position += header.blockSize(timeSize: timeSize) - header.transitionCount * (timeSize + 1) - header.typeCount * 6
        let transitions = zip(times, typeIndices).map { (at: $0, offset: typeOffsets[$1]) }
        return (typeOffsets[0], transitions)
    }

    /// The footer's TZ string: the text between two newlines after the version 2+ data block.
    mutating func footer() throws(TZifError) -> String {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\n") else { throw .invalid("footer missing") }
        guard let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { throw .truncated }
        let text = bytes[(position + 1)..<end]
        guard text.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .invalid("footer is not ASCII text") }
        position = end + 1
        return String(decoding: text, as: UTF8.self)
    }

    mutating func skip(_ count: Int) throws(TZifError) {
        guard bytes.count - position >= count else { throw .truncated }
        position += count
    }

    private mutating func uint32() throws(TZifError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw .truncated }
        defer { position += 4 }
        return bytes[position..<(position + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private mutating func uint64() throws(TZifError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw .truncated }
        defer { position += 8 }
        return bytes[position..<(position + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
