import Foundation
import HotlineHistory
import HotlineInput
import Testing

/// `hotline nightly` in hostile places, through the built binary: inputs
/// that can be read only once (a pipe, a FIFO) checksummed as read, the
/// lock of a database reached through a symlink, failures after the day is
/// stored (status 5, not 1), a failed database step that leaves the old
/// `rejects.tsv`, temporary files of killed runs, and `history` on a
/// database in a directory it cannot write to.
@Suite struct NightlyPlacesTests {
    private static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
    private static let day = "2026-11-03"

    private static func nightly(calls: String, db: String, out: String? = nil, extra: [String] = [])
        -> [String] {
        ["nightly", "--date", day, "--calls", calls, "--contacts", sample + "/contacts*.csv.zst", "--db", db]
            + (out.map { ["--out", $0] } ?? []) + extra
    }

    private static func checksum(_ bytes: [UInt8]) -> String {
        var hash = XXHash64()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.hexDigest
    }

    /// The sample's call log, decompressed: bytes a pipe can carry.
    private static func plainCalls(in directory: String) throws -> [UInt8] {
        let path = directory + "/calls.csv"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zstd", "-d", "-q", "-f", sample + "/calls.csv.zst", "-o", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Support.read(path)
    }

    /// Runs the binary with `input` written to its standard input through a
    /// pipe, as `cat calls.csv | hotline nightly --calls /dev/stdin …` does.
    private static func run(_ arguments: [String], standardInput input: [UInt8]) throws -> Support.ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Support.hotlineExecutable)
        process.arguments = arguments
        let feed = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = feed
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writer = Thread {
            feed.fileHandleForWriting.write(Data(input))
            try? feed.fileHandleForWriting.close()
        }
        writer.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Support.ProcessResult(status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
                                     standardError: String(decoding: errorData, as: UTF8.self))
    }

    @Test func anInputFromAPipeIsChecksummedAsItIsRead() throws {
        let directory = try Support.scratchDirectory()
        let calls = try Self.plainCalls(in: directory)
        let db = directory + "/history.sqlite"

        let run = try Self.run(Self.nightly(calls: "/dev/stdin", db: db), standardInput: calls)

        #expect(run.status == 0, "\(run.standardError)")
        let inputs = try HistoryStore(path: db, access: .readOnly).inputs(on: Self.day)
        #expect(inputs.first?.path == "/dev/stdin")
        #expect(inputs.first?.bytesRead == Int64(calls.count))
        #expect(inputs.first?.rows == 5_000)
        #expect(inputs.first?.checksum == Self.checksum(calls))
        #expect(inputs.first?.checksum != Self.checksum([]))
    }

    /// A FIFO with one writer: a second open would wait for a second writer
    /// forever (the guard below ends such a run so that the test fails).
    @Test func aFIFOInputIsOpenedOnceAndChecksummedAsRead() throws {
        let directory = try Support.scratchDirectory()
        let calls = try Self.plainCalls(in: directory)
        let fifo = directory + "/calls.pipe", db = directory + "/history.sqlite"
        #expect(mkfifo(fifo, 0o600) == 0)
        Thread {
            FileHandle(forWritingAtPath: fifo)?.write(Data(calls))
        }.start()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Support.hotlineExecutable)
        process.arguments = Self.nightly(calls: fifo, db: db, extra: ["-q"])
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 300) { [process] in
            if process.isRunning { process.terminate() }
        }
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let inputs = try HistoryStore(path: db, access: .readOnly).inputs(on: Self.day)
        #expect(inputs.first?.bytesRead == Int64(calls.count))
        #expect(inputs.first?.rows == 5_000)
        #expect(inputs.first?.checksum == Self.checksum(calls))
    }

    /// `--db alias.sqlite`, a symlink to the database another job holds,
    /// waits for that job's lock instead of running beside it.
    @Test func aSymlinkToTheDatabaseWaitsForTheSameLock() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", alias = directory + "/alias.sqlite"
        let calls = Self.sample + "/calls*.csv.zst"
        #expect(try Support.hotline(Self.nightly(calls: calls, db: db, extra: ["-q"])).status == 0)
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: "history.sqlite")
        do {
            let held = try JobLock(path: try JobLock.path(guarding: db), timeoutSeconds: 0)
            let run = try Support.hotline(Self.nightly(calls: calls, db: alias, extra: ["--lock-timeout", "1"]))
            #expect(run.status == 4)
            #expect(run.standardError.contains("history.sqlite.lock: another job holds this lock (waited 1 s)"))
            withExtendedLifetime(held) {}
        }
        let afterRelease = try Support.hotline(Self.nightly(calls: calls, db: alias, extra: ["-q", "--lock-timeout", "5"]))
        #expect(afterRelease.status == 0, "\(afterRelease.standardError)")
    }

    /// Once the day is committed, a report file that cannot be written is
    /// status 5 ("stored, files missing"), never 1 ("nothing changed"); the
    /// other files are still written.
    @Test func aFileThatCannotBeWrittenAfterTheCommitIsStatusFive() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", out = directory + "/out"
        try FileManager.default.createDirectory(atPath: out + "/report.json", withIntermediateDirectories: true)

        let run = try Support.hotline(Self.nightly(calls: Self.sample + "/calls*.csv.zst", db: db, out: out))

        #expect(run.status == 5)
        #expect(run.standardError.contains("cannot write the report: \(out)/report.json: cannot open: Is a directory"))
        #expect(run.standardError.contains("(\(Self.day) is stored in \(db))"))
        #expect(try HistoryStore(path: db, access: .readOnly).nights().map(\.day) == [Self.day])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted()
                == ["rejects.tsv", "report.html", "report.json"])
    }

    /// A database step that fails changes nothing: the previous `rejects.tsv`
    /// stays, and no temporary file is left.
    @Test func aFailedDatabaseStepLeavesThePreviousRejectsFile() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", out = directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Support.write(Array("not a database, but long enough to be read as a header of one\n".utf8), to: db)
        try Support.write(Array("previous\n".utf8), to: out + "/rejects.tsv")

        let run = try Support.hotline(Self.nightly(calls: Self.sample + "/calls*.csv.zst", db: db, out: out))

        #expect(run.status == 1)
        #expect(run.standardError.contains("not a hotline history database"))
        #expect(try Support.read(out + "/rejects.tsv") == Array("previous\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["rejects.tsv"])
    }

    /// `NAME.partial-PID` files of runs that were killed are removed by the
    /// next run that writes `NAME`; a live process's are left alone.
    @Test func temporaryFilesOfKilledRunsAreCleanedByTheNextRun() throws {
        let directory = try Support.scratchDirectory()
        let out = directory + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier, alive = getpid()
        for name in ["rejects.tsv.partial-\(gone)", "report.json.partial-\(gone)", "report.html.partial-\(alive)"] {
            try Support.write([0x31], to: out + "/" + name)
        }

        let run = try Support.hotline(Self.nightly(calls: Self.sample + "/calls*.csv.zst", db: directory + "/h.sqlite",
                                                   out: out, extra: ["-q"]))

        #expect(run.status == 0, "\(run.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted()
                == ["rejects.tsv", "report.html", "report.html.partial-\(alive)", "report.json"])
    }

    /// `hotline history` on a database in a directory the reader cannot
    /// write to. Run as root (as here), permission bits stop nothing, so the
    /// binary runs as `nobody` through `setpriv`; otherwise the directory is
    /// made read-only. Either way no `-wal`, `-shm` or journal file appears.
    @Test func historyReadsADatabaseInADirectoryItCannotWriteTo() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite"
        #expect(try Support.hotline(Self.nightly(calls: Self.sample + "/calls*.csv.zst", db: db, extra: ["-q"])).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["history.sqlite", "history.sqlite.lock"])

        let arguments = ["history", "--db", db, "--metric", "attempts", "--format", "csv"]
        let run: Support.ProcessResult
        if getuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
            let probe = try Support.runProcess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                                                   "/usr/bin/touch", directory + "/probe"])
            #expect(probe.status != 0, "nobody can write to the directory: the check would prove nothing")
            run = try Support.runProcess("/usr/bin/setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups",
                                                             Support.hotlineExecutable] + arguments)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory) }
            run = try Support.hotline(arguments)
        }

        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("day,attempts\n\(Self.day),"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == files)
    }
}
