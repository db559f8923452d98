import Foundation
import HotlineInput
import Testing

/// The one rule for every file hotline writes (`OutputFile`): symlinks are
/// followed, devices and FIFOs streamed into and never replaced, regular
/// files replaced atomically with their permission bits, the temporary
/// files of killed runs cleaned; and the file-system calls beneath it.
@Suite("Output: the output-file rule")
struct OutputRuleTests {
    private static func kind(_ path: String) throws -> FileStatus.Kind? {
        try FileSystem.status(path)?.kind
    }

    private static func linkKind(_ path: String) throws -> FileAttributeType? {
        try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
    }

    @Test func aSymlinkIsFollowedAndStaysALink() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.file("real"), withIntermediateDirectories: false)
        let target = try directory.write(Array("old\n".utf8), to: "real/target.tsv")
        try FileManager.default.createSymbolicLink(atPath: directory.file("link.tsv"), withDestinationPath: target)

        let output = try OutputFile(path: directory.file("link.tsv"), compression: .none)
        try output.write("new\n")
        try output.close()

        #expect(try Self.linkKind(directory.file("link.tsv")) == .typeSymbolicLink)
        #expect(try directory.contents(of: "real/target.tsv") == Array("new\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("real")) == ["target.tsv"])
    }

    @Test func aSymlinkToNothingIsRefused() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let link = directory.file("dangling")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.file("missing"))

        #expect(throws: InputError.cannotOpen(path: link, reason: "a symbolic link to a file that does not exist")) {
            _ = try OutputFile(path: link, compression: .none)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("missing")))
    }

    @Test func anExistingFileKeepsItsPermissions() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("old\n".utf8), to: "report.csv")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)

        let output = try OutputFile(path: path, compression: .none)
        try output.write("new\n")
        try output.close()

        #expect(try FileSystem.status(path)?.permissions == 0o640)
        #expect(try directory.contents(of: "report.csv") == Array("new\n".utf8))
    }

    /// A FIFO is written in place while a reader drains it, and stays a FIFO.
    @Test func aFIFOIsStreamedIntoAndNeverReplaced() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let fifo = directory.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedBytes()
        Thread {
            received.bytes = FileHandle(forReadingAtPath: fifo).map { Array($0.readDataToEndOfFile()) } ?? []
            received.done.signal()
        }.start()

        let output = try OutputFile(path: fifo, compression: .none)
        try output.write("through the pipe\n")
        try output.close()
        received.done.wait()

        #expect(received.bytes == Array("through the pipe\n".utf8))
        #expect(try Self.kind(fifo) == .fifo)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe"])
    }

    /// `/dev/null` is streamed into: written and closed, it is the same
    /// character device after (the defect replaced it with a regular file
    /// when run as root).
    @Test func devNullIsStreamedIntoAndStaysTheDevice() throws {
        let before = try #require(try FileSystem.status("/dev/null"))
        let output = try OutputFile(path: "/dev/null", compression: .none)
        try output.write("discarded\n")
        try output.close()

        #expect(before.kind == .characterDevice)
        #expect(try FileSystem.status("/dev/null") == before)
    }

    @Test func aDirectoryIsRefused() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        #expect(throws: InputError.cannotOpen(path: directory.path, reason: "Is a directory")) {
            _ = try OutputFile(path: directory.path, compression: .none)
        }
    }

    /// A finished file waits under its temporary name until published; the
    /// old file stays in place meanwhile, and a discarded one leaves nothing.
    @Test func aFinishedFileReplacesTheOldOneOnlyWhenPublished() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let path = try directory.write(Array("old\n".utf8), to: "rejects.tsv")

        let output = try OutputFile(path: path, compression: .none)
        try output.write("new\n")
        let staged = try output.finish()
        #expect(try directory.contents(of: "rejects.tsv") == Array("old\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
                == ["rejects.tsv", "rejects.tsv.partial-\(getpid())"])
        try staged.publish()
        #expect(try directory.contents(of: "rejects.tsv") == Array("new\n".utf8))

        let abandoned = try OutputFile(path: path, compression: .none)
        try abandoned.write("never\n")
        try abandoned.finish().discard()
        #expect(try directory.contents(of: "rejects.tsv") == Array("new\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["rejects.tsv"])
    }

    /// The temporary files a killed run left (`NAME.partial-PID` of a process
    /// that is gone) are removed when `NAME` is written next; those of a
    /// live process, and other names, are left alone.
    @Test func staleTemporaryFilesOfKilledRunsAreRemoved() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let gone = finished.processIdentifier, alive = getppid()
        for name in ["rejects.tsv.partial-\(gone)", "rejects.tsv.partial-\(alive)", "other.tsv.partial-\(gone)",
                     "rejects.tsv.partial-x\(gone)"] {
            try directory.write([1], to: name)
        }

        let output = try OutputFile(path: directory.file("rejects.tsv"), compression: .none)
        try output.close()

        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
            "other.tsv.partial-\(gone)", "rejects.tsv", "rejects.tsv.partial-\(alive)", "rejects.tsv.partial-x\(gone)",
        ])
    }

    @Test func makingDirectoriesCreatesTheMissingParents() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        try FileSystem.makeDirectories(directory.file("a/b/c"))
        try FileSystem.makeDirectories(directory.file("a/b/c"))
        #expect(try Self.kind(directory.file("a/b/c")) == .directory)

        let file = try directory.write([], to: "plain")
        #expect(throws: InputError.cannotCreateDirectory(path: file, reason: "a file of that name exists")) {
            try FileSystem.makeDirectories(file)
        }
    }

    /// A symlink, a `./` spelling and the file itself resolve alike, and so
    /// does a file that does not exist yet in a linked directory.
    @Test func pathsResolveToTheFileTheyName() throws {
        let directory = try ZstdScratchDirectory()
        defer { directory.remove() }
        let real = try FileSystem.resolvedPath(directory.path)
        try directory.write([], to: "history.sqlite")
        try FileManager.default.createSymbolicLink(atPath: directory.file("alias.sqlite"), withDestinationPath: "history.sqlite")
        try FileManager.default.createSymbolicLink(atPath: directory.file("linked"), withDestinationPath: directory.path)

        #expect(try FileSystem.resolvedPath(directory.file("alias.sqlite")) == real + "/history.sqlite")
        #expect(try FileSystem.resolvedPath(directory.path + "/./history.sqlite") == real + "/history.sqlite")
        #expect(try FileSystem.resolvedPath(directory.file("linked/new.sqlite")) == real + "/new.sqlite")
        #expect(FileSystem.isSameFile(directory.file("alias.sqlite"), directory.file("linked/history.sqlite")))
        #expect(!FileSystem.isSameFile(directory.file("alias.sqlite"), directory.file("missing")))
    }
}

/// What a reader thread received, handed back once `done` is signalled.
private final class ReceivedBytes: @unchecked Sendable {
    var bytes: [UInt8] = []
    let done = DispatchSemaphore(value: 0)
}
