import Foundation
import HotlineCore
import HotlineInput
import Testing

/// The same rows written differently — CRLF, a byte-order mark, no final
/// newline, zstd in one or several frames — give the same report; a damaged
/// zstd file is a fatal error naming the file, never a short report.
@Suite struct InputVariantsTests {
    private func rewritten(_ transform: ([UInt8]) throws -> [UInt8], compression: OutputCompression = .none) throws -> [InputFileSpec] {
        let directory = try Support.scratchDirectory()
        return try Support.tinyFiles.map { file in
            let path = directory + "/" + URL(fileURLWithPath: file.path).lastPathComponent
            let bytes = try transform(try Support.read(file.path))
            let output = try OutputFile(path: path, compression: compression)
            try bytes.withUnsafeBytes { try output.write($0) }
            try output.close()
            return InputFileSpec(path: path, format: file.format)
        }
    }

    private func expectSameAsTiny(_ files: [InputFileSpec], sameLineNumbers: Bool = true) throws {
        let baseline = try Support.run(Support.tinyFiles)
        let result = try Support.run(files, threads: 2, chunkBytes: 7)
        #expect(Support.metrics(result.report) == Support.metrics(baseline.report))
        #expect(result.report.input.calls == baseline.report.input.calls)
        #expect(result.report.input.contacts == baseline.report.input.contacts)
        if sameLineNumbers {
            #expect(result.rejectNotices.map(\.line) == baseline.rejectNotices.map(\.line))
        }
    }

    @Test func crlfLineEndings() throws {
        let files = try rewritten { bytes in bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }
        try expectSameAsTiny(files)
    }

    @Test func byteOrderMarkAtTheStart() throws {
        try expectSameAsTiny(try rewritten { [0xEF, 0xBB, 0xBF] + $0 })
    }

    @Test func lastLineWithoutNewline() throws {
        try expectSameAsTiny(try rewritten { bytes in bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes })
    }

    @Test func zstdCompressed() throws {
        let files = try rewritten({ $0 }, compression: .zstd(level: 3))
        let result = try Support.run(files)
        try expectSameAsTiny(files)
        #expect(result.report.input.bytesDecoded == 3272)
        #expect(result.report.input.bytesRead < 3272)
    }

    @Test func zstdInSeveralFramesCutMidLine() throws {
        let directory = try Support.scratchDirectory()
        let files = try Support.tinyFiles.map { file -> InputFileSpec in
            let bytes = try Support.read(file.path)
            var stream: [UInt8] = []
            for (index, piece) in [bytes[..<37], bytes[37..<1_000], bytes[1_000...]].enumerated() {
                let framePath = "\(directory)/frame\(index)"
                let frame = try OutputFile(path: framePath, compression: .zstd(level: 1))
                try Array(piece).withUnsafeBytes { try frame.write($0) }
                try frame.close()
                stream += try Support.read(framePath)
            }
            let path = directory + "/" + URL(fileURLWithPath: file.path).lastPathComponent + ".zst"
            try Support.write(stream, to: path)
            return InputFileSpec(path: path, format: file.format)
        }
        try expectSameAsTiny(files)
    }

    @Test func zstdCutInTheMiddleOfAFrameIsFatal() throws {
        let compressed = try rewritten({ $0 }, compression: .zstd(level: 3))
        let calls = compressed[0].path
        let bytes = try Support.read(calls)
        for cut in [bytes.count - 1, bytes.count / 2, 20] {
            try Support.write(Array(bytes[..<cut]), to: calls)
            let error = try #require(throws: InputError.self) { try Support.run(compressed) }
            #expect("\(error)".contains(calls))
        }
    }

    @Test func corruptZstdIsFatal() throws {
        let compressed = try rewritten({ $0 }, compression: .zstd(level: 3))
        var bytes = try Support.read(compressed[1].path)
        for index in (bytes.count / 3)..<(bytes.count / 3 + 8) { bytes[index] ^= 0x5A }
        try Support.write(bytes, to: compressed[1].path)
        let error = try #require(throws: InputError.self) { try Support.run(compressed) }
        #expect("\(error)".contains(compressed[1].path))
    }

    @Test func emptyFilesAreFatal() throws {
        let directory = try Support.scratchDirectory()
        try Support.write([], to: directory + "/empty.csv")
        #expect(throws: InputError.emptyHeader(path: directory + "/empty.csv")) {
            try Support.run([InputFileSpec(path: directory + "/empty.csv", format: .calls)])
        }
        let emptyFrame = try OutputFile(path: directory + "/empty.csv.zst", compression: .zstd(level: 3))
        try emptyFrame.close()
        #expect(throws: InputError.emptyHeader(path: directory + "/empty.csv.zst")) {
            try Support.run([InputFileSpec(path: directory + "/empty.csv.zst")])
        }
    }

    @Test func headerOnlyFileGivesAnEmptyReport() throws {
        let directory = try Support.scratchDirectory()
        let path = directory + "/calls.csv"
        try Support.write(Array("call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level".utf8), to: path)
        let result = try Support.run([InputFileSpec(path: path)])
        #expect(result.report.overall[.attempts] == .integer(0))
        #expect(result.report.overall[.reachability] == .null)
        #expect(result.report.byDay.isEmpty)
    }

    @Test func emptyLinesAreSkippedButKeepTheirLineNumbers() throws {
        let directory = try Support.scratchDirectory()
        let path = directory + "/calls.csv"
        let text = "call_id,customer_id,queue,arrived_at,wait_s,talk_s,outcome,agent_id,level\n\n"
            + "c1,cu1,q,2026-11-20T08:00:00Z,1,1,answered,a,1\r\n\r\n\n"
            + "c2,cu1,q,2026-11-20T08:00:00Z,x,1,answered,a,1\n"
        try Support.write(Array(text.utf8), to: path)
        let result = try Support.run([InputFileSpec(path: path)], chunkBytes: 3)
        #expect(result.report.input.calls == RowCounts(rows: 1, rejected: 1))
        #expect(result.rejectNotices.map(\.line) == [6])
    }

    @Test func problemsWithAnyFileStopTheWholeRun() throws {
        let directory = try Support.scratchDirectory()
        #expect(throws: InputError.self) {
            try Support.run(Support.tinyFiles + [InputFileSpec(path: directory + "/missing.csv")])
        }
        try Support.write(Array("call_id,queue\nx,y\n".utf8), to: directory + "/partial.csv")
        #expect(throws: InputError.missingColumn(path: directory + "/partial.csv", column: "customer_id", kind: "call-log")) {
            try Support.run(Support.tinyFiles + [InputFileSpec(path: directory + "/partial.csv", format: .calls)])
        }
        #expect(throws: InputError.self) { try Support.run([InputFileSpec(path: directory)]) }
    }
}
