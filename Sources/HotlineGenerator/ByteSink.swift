import HotlineInput

/// Collects CSV bytes in one large reusable buffer and hands them to the
/// output file in big blocks.
///
/// A benchmark dataset is about a gigabyte: building a `String` per field or
/// per row would cost more than the whole simulation. Rows are formatted
/// straight into raw memory; `reserve` is the only bounds check, once per row.
final class ByteSink {
    private let file: OutputFile
    private let capacity: Int
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    /// Bytes handed to the file so far, buffered bytes included.
    private(set) var bytesWritten: Int64 = 0

    /// The largest row `reserve` is ever asked for: ids are at most 20 digits
    /// and queue, agent and enum names are short constants.
    static let maximumRowLength = 1024

    init(file: OutputFile, capacity: Int = 4 << 20) {
        self.file = file
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// A sink whose file starts with `header` (a log's header line).
    static func startingWith(_ header: String, file: OutputFile) throws -> ByteSink {
        let sink = ByteSink(file: file)
        try sink.reserve(maximumRowLength)
        sink.append(ByteToken(header))
        return sink
    }

    /// Makes room for `length` more bytes, writing the buffer out if needed.
    @inline(__always)
    func reserve(_ length: Int) throws {
        if count + length > capacity { try flush() }
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
        bytesWritten += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
        bytesWritten += Int64(bytes.count)
    }

    @inline(__always)
    func append(_ token: ByteToken) {
        append(token.bytes)
    }

    /// Appends a non-negative integer in decimal, left-padded with zeros to
    /// `minimumWidth` digits (at most 20).
    @inline(__always)
    func appendDecimal(_ value: Int, minimumWidth: Int = 1) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var value = UInt64(value)
        var length = 0
        withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                length += 1
                scratch[24 - length] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
                value /= 10
            } while value != 0 || length < minimumWidth
            (buffer + count).update(
                from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - length),
                count: length)
        }
        count += length
        bytesWritten += Int64(length)
    }

    /// Appends `value` (0…99) as exactly two digits.
    @inline(__always)
    func appendTwoDigits(_ value: Int) {
        buffer[count] = UInt8(truncatingIfNeeded: value / 10) &+ 0x30
        buffer[count + 1] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
        count += 2
        bytesWritten += 2
    }

    /// Writes the buffered bytes out.
    func flush() throws {
        guard count > 0 else { return }
        try file.write(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }
}

/// A constant byte string (a queue name already CSV-quoted, an enum value, an
/// agent id) stored once in stable memory so appending it is a plain copy.
///
/// `@unchecked Sendable`: the bytes are written once in `init` and only read
/// afterwards, so sharing a token between threads is safe.
final class ByteToken: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ text: String) {
        let utf8 = Array(text.utf8)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: utf8.count)
        _ = storage.initialize(from: utf8)
        bytes = UnsafeBufferPointer(storage)
    }

    deinit { bytes.deallocate() }
}
