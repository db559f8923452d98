import Foundation
import HotlineInput
import Testing

@Suite("Output: OutputFile")
struct OutputFileTests {
    static let log = ZstdTestData.callLog(lines: 5_000)

    /// Writes `lines` one small write each, then closes.
    private func writeLines(_ lines: [String], to path: String, compression: OutputCompression) throws {
        let output = try OutputFile(path: path, compression: compression)
        for line in lines {
            try output.write(line)
        }
        try output.close()
    }

    @Test func plainRoundTrip() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("out.csv")
        let output = try OutputFile(path: path, compression: .none)
        try output.write("line 1: first, \"quoted\", é\n")
        try Self.log.withUnsafeBytes { try output.write($0) }
        try output.close()
        let expected = Array("line 1: first, \"quoted\", é\n".utf8) + Self.log

        let decoded = try ZstdDecodedFile.read(path)

        #expect(try directory.contents(of: "out.csv") == expected)
        #expect(decoded.compression == .none)
        #expect(decoded.bytes == expected)
    }

    @Test(arguments: [1, 3, 19] as [Int32])
    func zstdRoundTripThroughDecodedInput(level: Int32) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("out.csv.zst")
        let output = try OutputFile(path: path, compression: .zstd(level: level))
        try Self.log.withUnsafeBytes { try output.write($0) }
        try output.write("trailer\n")
        try output.close()
        let onDisk = try directory.contents(of: "out.csv.zst")

        let decoded = try ZstdDecodedFile.read(path)

        #expect(Array(onDisk.prefix(4)) == [0x28, 0xB5, 0x2F, 0xFD])
        #expect(ZstdTestFrames.hasChecksum(onDisk))
        #expect(onDisk.count < Self.log.count / 2)
        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes == Self.log + Array("trailer\n".utf8))
    }

    @Test
    func zstdOutputIsReadableByTheCLI() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("out.csv.zst")
        let output = try OutputFile(path: path, compression: .zstd(level: 3))
        try Self.log.withUnsafeBytes { try output.write($0) }
        try output.close()

        try ZstdCLI.run(try ZstdCLI.zstd, ["-t", "-q", path])
        try ZstdCLI.decompress(path, to: directory.file("out.csv"))

        #expect(try directory.contents(of: "out.csv") == Self.log)
    }

    /// Several MiB in writes of one line each (far smaller than the output
    /// buffer), mixed with a few writes larger than it.
    @Test(arguments: [OutputCompression.none, .zstd(level: 3)])
    func largeOutputInManySmallWritesRoundTrips(compression: OutputCompression) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("big.out")
        let lines = Self.log.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        let bigBlock = ZstdTestData.random(count: 700_000)
        var expected: [UInt8] = []
        let output = try OutputFile(path: path, compression: compression)
        for round in 0..<25 {
            for line in lines {
                let withEnd = Array(line) + [UInt8(ascii: "\n")]
                try withEnd.withUnsafeBytes { try output.write($0) }
                expected += withEnd
            }
            if round % 10 == 0 {
                try bigBlock.withUnsafeBytes { try output.write($0) }
                expected += bigBlock
            }
        }
        try output.close()

        let decoded = try ZstdDecodedFile.read(path)

        #expect(expected.count > 8 << 20)
        #expect(decoded.bytesDecoded == Int64(expected.count))
        #expect(decoded.bytes == expected)
    }

    @Test(arguments: [OutputCompression.none, .zstd(level: 3)])
    func closeIsIdempotentAndLaterWritesFail(compression: OutputCompression) throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("out")
        let output = try OutputFile(path: path, compression: compression)
        try output.write("only line\n")

        try output.close()
        try output.close()
        let sizeAfterFirstClose = try directory.contents(of: "out").count

        #expect(try ZstdDecodedFile.read(path).bytes == Array("only line\n".utf8))
        #expect(throws: InputError.writeFailed(path: path, reason: "the file is closed")) {
            try output.write("too late\n")
        }
        #expect(try directory.contents(of: "out").count == sizeAfterFirstClose)
    }

    @Test func emptyZstdOutputIsAValidFrameOfNothing() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("empty.zst")
        try OutputFile(path: path, compression: .zstd(level: 3)).close()

        let decoded = try ZstdDecodedFile.read(path)

        #expect(decoded.compression == .zstd)
        #expect(decoded.bytes.isEmpty)
        #expect(decoded.fileSize > 0)
    }

    /// A file released unclosed belongs to a run that failed: nothing of it
    /// is left, and the file it would have replaced is intact.
    @Test func releasingAnUnclosedFileLeavesTheOldFile() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("old\n".utf8), to: "unclosed.zst")
        try writeUnclosed("new\n", to: path)

        #expect(try directory.contents(of: "unclosed.zst") == Array("old\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["unclosed.zst"])
    }

    private func writeUnclosed(_ text: String, to path: String) throws {
        let output = try OutputFile(path: path, compression: .zstd(level: 1))
        try output.write(text)
    }

    @Test func existingFileIsTruncated() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(Self.log, to: "out.csv")

        try writeLines(["a,b\n", "1,2\n"], to: path, compression: .none)

        #expect(try directory.contents(of: "out.csv") == Array("a,b\n1,2\n".utf8))
    }

    @Test func fileInAMissingDirectoryCannotBeOpened() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = directory.file("no-such-directory/out.csv.zst")

        #expect(throws: InputError.cannotOpen(path: path, reason: "No such file or directory")) {
            _ = try OutputFile(path: path, compression: .zstd(level: 3))
        }
    }

    @Test func directoryCannotBeOpenedForWriting() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }

        #expect(throws: InputError.cannotOpen(path: directory.path, reason: "Is a directory")) {
            _ = try OutputFile(path: directory.path, compression: .none)
        }
    }

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func diskFullIsAWriteFailure() throws {
        let output = try OutputFile(path: "/dev/full", compression: .none)
        try output.write("fits in the buffer\n")

        #expect(throws: InputError.writeFailed(path: "/dev/full", reason: "No space left on device")) {
            try output.close()
        }
        try output.close()
    }
}
