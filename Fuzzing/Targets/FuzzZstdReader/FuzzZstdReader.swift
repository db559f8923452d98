import FuzzSupport
import HotlineInput

/// The input reader (`DecodedInput`): compression sniffed from the content,
/// zstd frames and skippable frames decoded as a stream. The input is the
/// file. It is read twice, into a 64 KiB buffer and into a small one whose
/// size follows the input's length: the documented promise is the same
/// bytes, and the same failure, whatever the buffer size. Decoding stops
/// after `decodedLimit` bytes (a few input bytes can legitimately decode to
/// gigabytes; the reader's memory does not grow with them).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZstdReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    scratch.replaceContents(with: FuzzInput(start, count).bytes)
    let large = decode(bufferSize: 64 << 10)
    let small = decode(bufferSize: 1 + count % 509)
    guard !large.reachedLimit, !small.reachedLimit else { return 0 }
    precondition(large.failed == small.failed, "buffer sizes disagree on failure: \(large.failed) vs \(small.failed)")
    if !large.failed {
        precondition(large.bytes == small.bytes, "buffer sizes decoded different bytes")
    }
    return 0
}

private let scratch = ScratchFile()
private let decodedLimit = 256 << 10

private func decode(bufferSize: Int) -> (bytes: [UInt8], failed: Bool, reachedLimit: Bool) {
    var decoded: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 1)
    defer { buffer.deallocate() }
    do {
        let input = try DecodedInput(path: scratch.path)
        defer { input.close() }
        while decoded.count < decodedLimit {
            let count = try input.read(into: buffer)
            if count == 0 { return (decoded, false, false) }
            decoded.append(contentsOf: buffer.prefix(count))
        }
        return (decoded, false, true)
    } catch {
        return (decoded, true, false)
    }
}
