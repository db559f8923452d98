#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for every file `hotline` writes (`--rejects`, `--sla-out`,
/// `convert --out`, the files of `nightly --out` and `generate --out`):
/// decided once, from what the path names when the output is opened.
///
/// - A symlink is followed: its target is written, the link stays.
/// - A regular file, or a path where nothing exists yet, is replaced
///   atomically: the bytes go to `NAME.partial-PID` in the target's own
///   directory, are forced to disk, and are renamed over the target at the
///   end; a reader (or a run killed half-way) sees the old file or the new
///   one, never a part. An existing file's permission bits are kept.
/// - A character device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named
///   pipe) is written in place as a stream: never renamed over, never
///   removed, so `--rejects /dev/null` run as root leaves `/dev/null` alone.
/// - `-` is standard output, streamed.
/// - A directory, a block device or a symlink to nothing is refused.
enum OutputTarget: Equatable {
    case replace(finalPath: String, temporaryPath: String, permissions: mode_t?)
    case stream(path: String)
    case standardOutput

    /// Where `path`'s bytes go. Removes the temporary files that killed
    /// runs left beside a file to replace (see ``PartialFiles``).
    static func resolve(_ path: String) throws(InputError) -> OutputTarget {
        if path == "-" { return .standardOutput }
        guard let status = try FileSystem.status(path) else {
            if try FileSystem.linkStatus(path) != nil {
                throw .cannotOpen(path: path, reason: "a symbolic link to a file that does not exist")
            }
            return try replacing(path, permissions: nil)
        }
        switch status.kind {
        case .regular: return try replacing(path, permissions: status.permissions & 0o777)
        case .characterDevice, .fifo, .socket: return .stream(path: path)
        case .directory: throw .cannotOpen(path: path, reason: PosixFile.errorMessage(EISDIR))
        case .blockDevice, .symbolicLink, .other:
            throw .cannotOpen(path: path, reason: "not a regular file, character device or FIFO; hotline writes only those")
        }
    }

    private static func replacing(_ path: String, permissions: mode_t?) throws(InputError) -> OutputTarget {
        let finalPath = try FileSystem.resolvedPath(path)
        PartialFiles.removeStale(besides: finalPath)
        return .replace(finalPath: finalPath, temporaryPath: PartialFiles.name(for: finalPath), permissions: permissions)
    }

    /// Opens the descriptor the bytes are written to; `path` (as the user
    /// gave it) names the file in errors.
    func open(displayPath path: String) throws(InputError) -> PosixFile {
        switch self {
        case .replace(_, let temporaryPath, let permissions):
            let file = try PosixFile.open(temporaryPath, flags: O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW,
                                          displayPath: path)
            do {
                if let permissions { try file.setPermissions(permissions) }
            } catch {
                _ = file.close()
                FileSystem.removeIfPresent(temporaryPath)
                throw error
            }
            return file
        case .stream(let streamPath):
            return try PosixFile.open(streamPath, flags: O_WRONLY, displayPath: path)
        case .standardOutput:
            return try PosixFile.duplicate(STDOUT_FILENO, path: path)
        }
    }
}

/// The temporary files of outputs being replaced: `NAME.partial-PID` beside
/// `NAME`. A run that is killed cannot remove its own, so each run that
/// writes `NAME` removes those whose process no longer exists first.
enum PartialFiles {
    static func name(for path: String) -> String {
        "\(path).partial-\(getpid())"
    }

    /// Removes the regular files named `NAME.partial-PID` in `path`'s
    /// directory whose process is gone; nothing else is touched.
    static func removeStale(besides path: String) {
        let (directory, name) = FileSystem.split(path)
        let prefix = name + ".partial-"
        for entry in FileSystem.names(inDirectory: directory) where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count)
            guard let pid = pid_t(digits), String(pid) == digits, pid > 0, !FileSystem.processExists(pid) else { continue }
            let stale = directory + "/" + entry
            if (try? FileSystem.linkStatus(stale))?.kind == .regular {
                FileSystem.removeIfPresent(stale)
            }
        }
    }
}
