import Foundation
import HotlineInput
import Testing

/// Every file `hotline` writes, through the built binary: devices and FIFOs
/// are streamed into and never replaced (`--rejects /dev/null` as root left
/// a regular file in place of `/dev/null`), symlinks are followed, a
/// directory is refused, `-` is standard output, and a closed standard
/// output is status 1, not a `SIGPIPE` death.
@Suite struct OutputPlacesTests {
    private static let tiny = ["--calls", Support.fixture("tiny/calls.csv"), "--contacts", Support.fixture("tiny/contacts.csv")]

    /// The rejects file of the tiny fixture, as written to a regular file.
    private static func rejectsAsAFile() throws -> [UInt8] {
        let path = try Support.scratchDirectory() + "/rejects.tsv"
        #expect(try Support.hotline(["report", "-q", "--rejects", path] + tiny).status == 0)
        return try Support.read(path)
    }

    @Test func rejectsToDevNullLeaveTheDeviceInPlace() throws {
        let before = try #require(try FileSystem.status("/dev/null"))
        let run = try Support.hotline(["report", "-q", "--rejects", "/dev/null"] + Self.tiny)

        #expect(run.status == 0, "\(run.standardError)")
        #expect(before.kind == .characterDevice)
        #expect(try FileSystem.status("/dev/null") == before)
    }

    @Test func rejectsThroughASymlinkWriteItsTargetWithItsPermissions() throws {
        let directory = try Support.scratchDirectory()
        try Support.write(Array("old\n".utf8), to: directory + "/target.tsv")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/target.tsv")
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.tsv", withDestinationPath: "target.tsv")

        let run = try Support.hotline(["report", "-q", "--rejects", directory + "/link.tsv"] + Self.tiny)

        #expect(run.status == 0, "\(run.standardError)")
        let link = try FileManager.default.attributesOfItem(atPath: directory + "/link.tsv")
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try Support.read(directory + "/target.tsv") == (try Self.rejectsAsAFile()))
        #expect(try FileSystem.status(directory + "/target.tsv")?.permissions == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["link.tsv", "target.tsv"])
    }

    @Test func rejectsIntoAFIFOAreStreamedAndTheFIFOStays() throws {
        let directory = try Support.scratchDirectory()
        let fifo = directory + "/rejects.pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = PipeReader(path: fifo)

        let run = try Support.hotline(["report", "-q", "--rejects", fifo] + Self.tiny)

        #expect(run.status == 0, "\(run.standardError)")
        #expect(reader.bytes() == (try Self.rejectsAsAFile()))
        #expect(try FileSystem.status(fifo)?.kind == .fifo)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["rejects.pipe"])
    }

    @Test func aDirectoryIsRefusedAsAnOutputFile() throws {
        let directory = try Support.scratchDirectory()
        let run = try Support.hotline(["report", "-q", "--rejects", directory] + Self.tiny)

        #expect(run.status == 1)
        #expect(run.standardError == "hotline: error: \(directory): cannot open: Is a directory\n")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func convertAndSLAOutWriteToStandardOutputForADash() throws {
        let directory = try Support.scratchDirectory()
        let queueLog = Support.fixture("asterisk/queue_log/freepbx-2010-q9000.queue_log")
        #expect(try Support.hotline(["convert", "-q", queueLog, "--out", directory + "/calls.csv"]).status == 0)
        let converted = try Support.hotline(["convert", "-q", queueLog, "--out", "-"])
        #expect(converted.status == 0, "\(converted.standardError)")
        #expect(Array(converted.standardOutput.utf8) == (try Support.read(directory + "/calls.csv")))

        let sla = ["--sla", Support.fixture("sla/catalogue.yaml"), Support.fixture("sla/calls.csv"),
                   Support.fixture("sla/contacts.csv")]
        #expect(try Support.hotline(["report", "-q", "--format", "json", "--sla-out", directory + "/sla.csv"] + sla).status == 0)
        let json = try Support.hotline(["report", "-q", "--format", "json"] + sla).standardOutput
        let both = try Support.hotline(["report", "-q", "--format", "json", "--sla-out", "-"] + sla)
        #expect(both.status == 0, "\(both.standardError)")
        #expect(Array(both.standardOutput.utf8) == Array(json.utf8) + (try Support.read(directory + "/sla.csv")))

        let refused = try Support.hotline(["report", "--rejects", "-"] + Self.tiny)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("--rejects -: standard output carries the report"))
    }

    /// `hotline report … | head -1` once `head` has gone: the write fails
    /// with EPIPE and the run ends with status 1 and one line on stderr.
    @Test func aClosedStandardOutputIsStatusOneWithOneLine() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Support.hotlineExecutable)
        process.arguments = ["report", "-q"] + Self.tiny
        let output = Pipe(), errors = Pipe()
        try output.fileHandleForReading.close()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)
        #expect(message == "hotline: error: cannot write the report: standard output: write failed: Broken pipe\n")
    }
}

/// Reads a FIFO to its end on a thread of its own (opening it blocks until
/// a writer comes); `bytes()` waits for the end.
final class PipeReader: @unchecked Sendable {
    private var received: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        Thread { [self] in
            received = FileHandle(forReadingAtPath: path).map { Array($0.readDataToEndOfFile()) } ?? []
            done.signal()
        }.start()
    }

    func bytes() -> [UInt8] {
        done.wait()
        return received
    }
}
