#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The path-level system calls `hotline` makes, each wrapped once: `EINTR`
/// retried, `errno` turned into an `InputError` that names the path.
/// Descriptor-level calls are `PosixFile`'s.
public enum FileSystem {
    /// `stat(2)`, following symlinks; nil when nothing is there (`ENOENT`,
    /// or a symlink to nothing), an error for anything else.
    public static func status(_ path: String) throws(InputError) -> FileStatus? {
        try status(path, followingLinks: true)
    }

    /// `lstat(2)`: the symlink itself rather than its target.
    static func linkStatus(_ path: String) throws(InputError) -> FileStatus? {
        try status(path, followingLinks: false)
    }

    private static func status(_ path: String, followingLinks: Bool) throws(InputError) -> FileStatus? {
        var result = stat()
        let code = PosixFile.retryingInterrupts { followingLinks ? stat(path, &result) : lstat(path, &result) }
        guard code == 0 else {
            if errno == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: PosixFile.errorMessage(errno))
        }
        return FileStatus(result)
    }

    /// Fails as opening `path` for reading would — missing, unreadable, a
    /// directory — without opening it: opening a FIFO waits for (and then
    /// consumes) a writer, so each input must be opened once, by its reader.
    public static func checkReadable(_ path: String) throws(InputError) {
        guard let status = try status(path) else {
            throw .cannotOpen(path: path, reason: PosixFile.errorMessage(ENOENT))
        }
        guard status.kind != .directory else { throw .cannotOpen(path: path, reason: PosixFile.errorMessage(EISDIR)) }
        guard PosixFile.retryingInterrupts({ access(path, R_OK) }) == 0 else {
            throw .cannotOpen(path: path, reason: PosixFile.errorMessage(errno))
        }
    }

    /// Whether two paths name one existing file (hard links, symlinks and
    /// `./` spellings included); false when either does not exist.
    public static func isSameFile(_ first: String, _ second: String) -> Bool {
        guard let one = try? status(first), let other = try? status(second) else { return false }
        return one.identity == other.identity
    }

    /// Creates a directory and its missing parents (`mkdir -p`); an existing
    /// directory is fine, an existing file of that name is an error.
    public static func makeDirectories(_ path: String) throws(InputError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if PosixFile.retryingInterrupts({ mkdir(prefix, 0o777) }) != 0 && errno != EEXIST {
                throw .cannotCreateDirectory(path: prefix, reason: PosixFile.errorMessage(errno))
            }
            prefix += "/"
        }
        guard let status = try status(path) else {
            throw .cannotCreateDirectory(path: path, reason: PosixFile.errorMessage(ENOENT))
        }
        guard status.kind == .directory else {
            throw .cannotCreateDirectory(path: path, reason: "a file of that name exists")
        }
    }

    /// The absolute path with every symlink resolved: the file's own for an
    /// existing file (or a symlink to one), its resolved directory and its
    /// name for a file that does not exist yet. Two spellings of one file
    /// resolve alike, which is what keys a lock by the file.
    public static func resolvedPath(_ path: String) throws(InputError) -> String {
        if let resolved = realPath(path) { return resolved }
        let (directory, name) = split(path)
        guard let resolvedDirectory = realPath(directory) else {
            throw .cannotOpen(path: path, reason: PosixFile.errorMessage(errno))
        }
        return resolvedDirectory == "/" ? "/" + name : resolvedDirectory + "/" + name
    }

    /// `rename(2)`: replaces `target` in one step.
    static func rename(_ source: String, over target: String, displayPath: String) throws(InputError) {
        guard PosixFile.retryingInterrupts({ systemRename(source, target) }) == 0 else {
            throw .writeFailed(path: displayPath, reason: PosixFile.errorMessage(errno))
        }
    }

    /// `unlink(2)`, best effort: for temporary files whose removal is cleanup only.
    static func removeIfPresent(_ path: String) {
        _ = PosixFile.retryingInterrupts { unlink(path) }
    }

    /// The names in a directory (without `.` and `..`); empty if it cannot be listed.
    static func names(inDirectory path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether a process of that id exists (`kill(pid, 0)`): a process of
    /// another user counts, since it exists.
    static func processExists(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The directory part (`.` when there is none) and the last component of a path.
    public static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

// `FileSystem.rename` hides the C function inside the enum.
private func systemRename(_ source: String, _ target: String) -> Int32 {
    rename(source, target)
}
