import Foundation
import HotlineInput
import Testing

@Suite("Decompression: DecodedInput")
struct DecompressionTests {
    static let log = ZstdTestData.callLog(lines: 8_000)
    static let otherLog = ZstdTestData.callLog(lines: 3_000, seed: 2)
    static let smallLog = ZstdTestData.callLog(lines: 700, seed: 3)

    // MARK: Plain and detection

    @Test func plainFileIsReadThroughAsIs() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(Self.log, to: "calls.csv")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.compression == .none)
        #expect(decoded.bytes == Self.log)
        #expect(decoded.bytesDecoded == Int64(Self.log.count))
        #expect(decoded.fileSize == Int64(Self.log.count))
    }

    @Test func emptyFileIsPlainAndEmpty() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write([], to: "empty.csv")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded == ZstdDecodedFile(bytes: [], bytesDecoded: 0, compression: .none, fileSize: 0))
    }

    @Test(arguments: [[0x28], [0x28, 0xB5, 0x2F], [0x50, 0x2A, 0x4D], [0x28, 0xB5, 0x2F, 0xFE, 0x00]] as [[UInt8]])
    func bytesThatAreNotAFullMagicNumberArePlain(_ bytes: [UInt8]) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(bytes, to: "short.bin")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.compression == .none)
        #expect(decoded.bytes == bytes)
    }

    @Test func compressionIsDetectedByContentNotName() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let zstdNamedPlain = try directory.write(Self.smallLog, to: "calls.csv.zst")
        let plainNamedZstd = try directory.write(ZstdTestFrames.compress(Self.smallLog), to: "calls.csv")

        let plain = try ZstdDecodedFile.read(zstdNamedPlain)
        let zstd = try ZstdDecodedFile.read(plainNamedZstd)

        #expect(plain.compression == .none)
        #expect(zstd.compression == .zstd)
        #expect(plain.bytes == Self.smallLog)
        #expect(zstd.bytes == Self.smallLog)
    }

    // MARK: Valid zstd streams

    @Test
    func singleFrameFromTheCLI() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let source = try directory.write(Self.log, to: "calls.csv")
        try ZstdCLI.compress(source, to: directory.file("calls.csv.zst"))
        let onDisk = try directory.contents(of: "calls.csv.zst")

        let decoded = try ZstdDecodedFile.read(directory.file("calls.csv.zst"))

        #expect(ZstdTestFrames.hasChecksum(onDisk))
        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes == Self.log)
        #expect(decoded.bytesDecoded == Int64(Self.log.count))
        #expect(decoded.fileSize == Int64(onDisk.count))
        #expect(decoded.fileSize < Int64(Self.log.count) / 2)
    }

    @Test(arguments: [true, false])
    func singleFrameFromLibzstd(checksum: Bool) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let frame = ZstdTestFrames.compress(Self.log, level: 1, checksum: checksum)
        let path = try directory.write(frame, to: "calls.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded == ZstdDecodedFile(
            bytes: Self.log, bytesDecoded: Int64(Self.log.count), compression: .zstd, fileSize: Int64(frame.count)
        ))
    }

    @Test
    func concatenatedCLIOutputsDecodeToTheConcatenation() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        try ZstdCLI.compress(try directory.write(Self.log, to: "a.csv"), to: directory.file("a.zst"))
        try ZstdCLI.compress(try directory.write(Self.otherLog, to: "b.csv"), to: directory.file("b.zst"), options: ["-19"])
        let path = try directory.write(
            try directory.contents(of: "a.zst") + directory.contents(of: "b.zst"), to: "ab.zst"
        )

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.bytes == Self.log + Self.otherLog)
        #expect(decoded.bytesDecoded == Int64(Self.log.count + Self.otherLog.count))
    }

    @Test func threeLibzstdFramesDecodeToTheConcatenation() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let parts = [Self.log, Self.smallLog, Self.otherLog]
        let path = try directory.write(parts.flatMap { ZstdTestFrames.compress($0) }, to: "three.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.bytes == parts.flatMap { $0 })
    }

    @Test func pzstdStyleSkippableFrameFirst() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let frame = ZstdTestFrames.compress(Self.log)
        let header = ZstdTestFrames.skippable(payload: [UInt8(frame.count & 0xFF), 0, 0, 0])
        let path = try directory.write(header + frame, to: "pzstd-style.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(Array(header.prefix(4)) == [0x50, 0x2A, 0x4D, 0x18])
        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes == Self.log)
    }

    @Test func skippableFramesBetweenAndAfterFrames() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let bytes = ZstdTestFrames.compress(Self.smallLog)
            + ZstdTestFrames.skippable(payload: Array("metadata".utf8), variant: 0xF)
            + ZstdTestFrames.skippable(payload: [])
            + ZstdTestFrames.compress(Self.otherLog)
            + ZstdTestFrames.skippable(payload: [1, 2, 3], variant: 0x7)
        let path = try directory.write(bytes, to: "skippable.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.bytes == Self.smallLog + Self.otherLog)
    }

    @Test
    func fileWrittenByPzstd() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let source = try directory.write(Self.log, to: "calls.csv")
        try ZstdCLI.run(try ZstdCLI.pzstd, ["-q", "-f", "-p", "2", source, "-o", directory.file("calls.csv.zst")])
        let onDisk = try directory.contents(of: "calls.csv.zst")

        let decoded = try ZstdDecodedFile.read(directory.file("calls.csv.zst"))

        #expect(Array(onDisk.prefix(4)) == [0x50, 0x2A, 0x4D, 0x18])
        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes == Self.log)
    }

    @Test func onlySkippableFramesDecodeToNothing() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(ZstdTestFrames.skippable(payload: [9, 9, 9]), to: "skip-only.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded == ZstdDecodedFile(bytes: [], bytesDecoded: 0, compression: .zstd, fileSize: 11))
    }

    @Test func zstdFrameOfNothingDecodesToNothing() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let frame = ZstdTestFrames.compress([])
        let path = try directory.write(frame, to: "empty.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded == ZstdDecodedFile(bytes: [], bytesDecoded: 0, compression: .zstd, fileSize: Int64(frame.count)))
    }

    @Test
    func cliCompressedEmptyFileDecodesToNothing() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        try ZstdCLI.compress(try directory.write([], to: "empty.csv"), to: directory.file("empty.csv.zst"))

        let decoded = try ZstdDecodedFile.read(directory.file("empty.csv.zst"))

        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes.isEmpty)
        #expect(decoded.fileSize > 0)
    }

    @Test func fileCutAtAFrameBoundaryReadsAsTheShorterStream() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let first = ZstdTestFrames.compress(Self.log)
        let whole = first + ZstdTestFrames.compress(Self.otherLog)
        let path = try directory.write(Array(whole.prefix(first.count)), to: "cut-at-boundary.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.bytes == Self.log)
    }

    // MARK: Buffer sizes

    @Test(arguments: [1, 7, 4096, 1 << 20])
    func everyBufferSizeGivesTheSameBytes(bufferSize: Int) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let content = Self.smallLog + Self.otherLog
        let plain = try directory.write(content, to: "calls.csv")
        let zstd = try directory.write(
            ZstdTestFrames.skippable(payload: [0, 0, 0, 0])
                + ZstdTestFrames.compress(Self.smallLog, checksum: false)
                + ZstdTestFrames.skippable(payload: [1])
                + ZstdTestFrames.compress(Self.otherLog, level: 19),
            to: "calls.zst"
        )

        let fromPlain = try ZstdDecodedFile.read(plain, bufferSize: bufferSize)
        let fromZstd = try ZstdDecodedFile.read(zstd, bufferSize: bufferSize)

        #expect(fromPlain.bytes == content)
        #expect(fromZstd.bytes == content)
        #expect(fromPlain.bytesDecoded == Int64(content.count))
        #expect(fromZstd.bytesDecoded == Int64(content.count))
    }

    @Test func plainFileLargerThanTheReadBlock() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let content = ZstdTestData.random(count: 3 << 20 + 12_345)
        let path = try directory.write(content, to: "big.bin")

        for bufferSize in [100_000, 1 << 20, 4 << 20] {
            let decoded = try ZstdDecodedFile.read(path, bufferSize: bufferSize)
            #expect(decoded.bytes == content, "buffer size \(bufferSize)")
        }
    }

    /// Several refills of the 1 MiB input block inside one frame, with
    /// caller buffers smaller and larger than the block.
    @Test func zstdFileLargerThanTheReadBlock() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let content = ZstdTestData.random(count: 3 << 20) + Self.log
        let frame = ZstdTestFrames.compress(content)
        let path = try directory.write(frame + ZstdTestFrames.compress(Self.otherLog), to: "big.zst")

        #expect(frame.count > 3 << 20)
        for bufferSize in [4096, 1 << 20, 5 << 20] {
            let decoded = try ZstdDecodedFile.read(path, bufferSize: bufferSize)
            #expect(decoded.bytes == content + Self.otherLog, "buffer size \(bufferSize)")
        }
    }

    @Test func readsAfterTheEndReturnZero() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(ZstdTestFrames.compress(Self.smallLog), to: "calls.zst")
        let input = try DecodedInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.smallLog.count + 10, alignment: 16)
        defer { buffer.deallocate() }

        let first = try input.read(into: buffer)
        let second = try input.read(into: buffer)
        let third = try input.read(into: buffer)

        #expect(first == Self.smallLog.count)
        #expect(Array(buffer[..<first]) == Self.smallLog)
        #expect(second == 0)
        #expect(third == 0)
        #expect(input.bytesDecoded == Int64(Self.smallLog.count))
    }

    // MARK: Damaged zstd input

    /// Cut points inside a frame: only the magic, inside the header, inside
    /// the first block, the middle, just before the checksum, 1 byte short.
    @Test(arguments: [4, 5, 9, 300, -1, -2, -4, -5, 0])
    func fileCutInsideAFrameIsTruncated(cut: Int) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let frame = ZstdTestFrames.compress(Self.log)
        let length = cut > 0 ? cut : cut < 0 ? frame.count + cut : frame.count / 2
        let path = try directory.write(Array(frame.prefix(length)), to: "cut.zst")

        #expect(throws: InputError.truncatedZstd(path: path)) {
            try ZstdDecodedFile.drain(path)
        }
    }

    @Test(arguments: [1, 4, 100])
    func fileCutInsideTheSecondFrameIsTruncated(bytesIntoSecondFrame: Int) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let first = ZstdTestFrames.compress(Self.smallLog)
        let second = ZstdTestFrames.compress(Self.otherLog)
        let path = try directory.write(first + second.prefix(bytesIntoSecondFrame), to: "cut.zst")

        #expect(throws: InputError.truncatedZstd(path: path)) {
            try ZstdDecodedFile.drain(path)
        }
    }

    @Test func truncationIsReportedAfterTheDecodableBytes() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let frame = ZstdTestFrames.compress(Self.log)
        let path = try directory.write(Array(frame.dropLast(1)), to: "cut.zst")
        let input = try DecodedInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { buffer.deallocate() }

        var delivered: [UInt8] = []
        var failure: InputError?
        do {
            while case let count = try input.read(into: buffer), count > 0 {
                delivered += buffer[..<count]
            }
        } catch let error as InputError {
            failure = error
        }

        #expect(failure == .truncatedZstd(path: path))
        #expect(delivered == Array(Self.log.prefix(delivered.count)))
        #expect(input.bytesDecoded == Int64(delivered.count))
    }

    @Test func flippedBytesInACompressedFrameAreCorrupt() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        var frame = ZstdTestFrames.compress(Self.log)
        for index in frame.count / 2..<frame.count / 2 + 3 {
            frame[index] ^= 0xFF
        }
        let path = try directory.write(frame, to: "corrupt.zst")

        let error = #expect(throws: InputError.self) {
            try ZstdDecodedFile.drain(path)
        }

        guard case .corruptZstd(let errorPath, let detail)? = error else {
            Issue.record("expected corruptZstd, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path)
        #expect(!detail.isEmpty)
    }

    /// Raw (stored) blocks carry no structure to check: only the content
    /// checksum notices a changed byte, at the end of the frame.
    @Test func flippedByteInAStoredBlockFailsTheChecksum() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let content = ZstdTestData.random(count: 300_000)
        var frame = ZstdTestFrames.compress(content, checksum: true)
        frame[frame.count / 2] ^= 0x01
        let path = try directory.write(frame, to: "corrupt.zst")

        #expect(throws: InputError.corruptZstd(path: path, detail: "Restored data doesn't match checksum")) {
            try ZstdDecodedFile.drain(path)
        }
    }

    @Test(arguments: [Array("garbage after the frame\n".utf8), [0x0A], [0x28, 0xB5, 0x2F, 0xFE], [0, 0, 0, 0, 0, 0, 0, 0]])
    func bytesAfterTheLastFrameThatAreNoFrameAreCorrupt(trailer: [UInt8]) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(ZstdTestFrames.compress(Self.smallLog) + trailer, to: "trailer.zst")

        #expect(throws: InputError.corruptZstd(path: path, detail: "Unknown frame descriptor")) {
            try ZstdDecodedFile.drain(path)
        }
    }

    @Test func badMagicAfterAValidFrameIsCorrupt() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        var second = ZstdTestFrames.compress(Self.otherLog)
        second[3] = 0xFE
        let path = try directory.write(ZstdTestFrames.compress(Self.smallLog) + second, to: "bad-magic.zst")

        #expect(throws: InputError.corruptZstd(path: path, detail: "Unknown frame descriptor")) {
            try ZstdDecodedFile.drain(path)
        }
    }

    // MARK: Window limit

    @Test func aFrameNeedingMoreThanTheWindowLimitNamesItsWindowAndReadsWithAHigherLimit() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let compressed = try Self.longWindowFile(Self.log, windowLog: 28, named: "calls.csv.zst", in: directory)

        let refusal = InputError.zstdWindowTooLarge(path: compressed, windowLog: 28, limitLog: 27)
        #expect(throws: refusal) { _ = try ZstdDecodedFile.read(compressed) }
        #expect(refusal.description == "\(compressed): a zstd frame needs a window of 256 MiB (2^28), more than the"
            + " 128 MiB allowed (--max-window 27); the file is valid (zstd --long): read it with --max-window 28"
            + " if the machine can spare that much memory")
        #expect(try ZstdDecodedFile.read(compressed, maxWindowLog: 28).bytes == Self.log)
    }

    @Test func aLargeWindowInALaterFrameIsNamedToo() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        _ = try Self.longWindowFile(Self.otherLog, windowLog: 29, named: "long.zst", in: directory)
        let path = try directory.write(ZstdTestFrames.compress(Self.smallLog) + (try directory.contents(of: "long.zst")),
                                       to: "two-frames.zst")

        #expect(throws: InputError.zstdWindowTooLarge(path: path, windowLog: 29, limitLog: 28)) {
            _ = try ZstdDecodedFile.read(path, maxWindowLog: 28)
        }
        #expect(try ZstdDecodedFile.read(path, maxWindowLog: 29).bytes == Self.smallLog + Self.otherLog)
    }

    /// `bytes` compressed by the zstd CLI with a window of 2^`windowLog`
    /// (`--long`), as the file `name` in `directory`.
    private static func longWindowFile(_ bytes: [UInt8], windowLog: Int, named name: String,
                                       in directory: ZstdScratchDirectory) throws -> String {
        let plain = try directory.write(bytes, to: name + ".plain")
        let compressed = directory.file(name)
        try ZstdCLI.compressStream(plain, to: compressed, options: ["--long=\(windowLog)"])
        return compressed
    }

    // MARK: Opening

    @Test func missingFileCannotBeOpened() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("no-such-file.csv.zst")

        #expect(throws: InputError.cannotOpen(path: path, reason: "No such file or directory")) {
            _ = try DecodedInput(path: path)
        }
    }

    @Test func directoryCannotBeOpened() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }

        #expect(throws: InputError.cannotOpen(path: directory.path, reason: "Is a directory")) {
            _ = try DecodedInput(path: directory.path)
        }
    }

    @Test func closeIsIdempotentAndKeepsTheCounters() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(ZstdTestFrames.compress(Self.smallLog), to: "calls.zst")
        let input = try DecodedInput(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 16)
        defer { buffer.deallocate() }

        let count = try input.read(into: buffer)
        input.close()
        input.close()

        #expect(count == 100)
        #expect(input.bytesDecoded == 100)
        #expect(throws: InputError.readFailed(path: path, reason: "the input is closed")) {
            try input.read(into: buffer)
        }
    }
}
