#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw file descriptor with the system calls `hotline` needs, and nothing
/// buffered: the callers own their buffers so that the read path never allocates.
///
/// One of the few places that touch raw pointers and the C library; every
/// call retries `EINTR` and turns `errno` into an `InputError` that names
/// `path` — the path the user gave, even when the descriptor is a temporary
/// file beside it, because that is the file the user asked about.
struct PosixFile {
    let descriptor: Int32
    let path: String

    /// Opens an existing file for reading and returns its size on disk.
    /// A directory is refused here, because Linux lets `open` succeed on one
    /// and only fails at the first `read`.
    static func openForReading(_ path: String) throws(InputError) -> (file: PosixFile, size: Int64) {
        let file = try open(path, flags: O_RDONLY)
        do throws(InputError) {
            let status = try file.status()
            guard status.kind != .directory else { throw .cannotOpen(path: path, reason: errorMessage(EISDIR)) }
            return (file, status.size)
        } catch {
            _ = file.close()
            throw error
        }
    }

    /// `open(2)` with `O_CLOEXEC` added; `mode` applies when `flags` has `O_CREAT`.
    /// `displayPath` names the file in errors when it differs from `path`.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o666,
                     displayPath: String? = nil) throws(InputError) -> PosixFile {
        let descriptor = retryingInterrupts { systemOpen(path, flags | O_CLOEXEC, mode) }
        guard descriptor >= 0 else {
            throw .cannotOpen(path: displayPath ?? path, reason: errorMessage(errno))
        }
        return PosixFile(descriptor: descriptor, path: displayPath ?? path)
    }

    /// A second descriptor for an open one (standard output), which the
    /// caller may close without closing the original.
    static func duplicate(_ descriptor: Int32, path: String) throws(InputError) -> PosixFile {
        let copy = retryingInterrupts { fcntl(descriptor, F_DUPFD_CLOEXEC, 0) }
        guard copy >= 0 else { throw .cannotOpen(path: path, reason: errorMessage(errno)) }
        return PosixFile(descriptor: copy, path: path)
    }

    /// One `read(2)`: returns how many bytes arrived, 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = Self.retryingInterrupts { Int(systemRead(descriptor, buffer.baseAddress, buffer.count)) }
        guard count >= 0 else {
            throw .readFailed(path: path, reason: Self.errorMessage(errno))
        }
        return count
    }

    /// Writes every byte, looping over the partial writes the kernel may make.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(InputError) {
        var written = 0
        while written < bytes.count {
            let count = Self.retryingInterrupts {
                write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            }
            guard count > 0 else {
                throw .writeFailed(path: path, reason: count < 0 ? Self.errorMessage(errno) : "no progress")
            }
            written += count
        }
    }

    /// `fstat(2)` of the open file.
    func status() throws(InputError) -> FileStatus {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .cannotOpen(path: path, reason: Self.errorMessage(errno))
        }
        return FileStatus(status)
    }

    /// Forces the written bytes to the disk, so that a rename published after
    /// it never names a file whose content a power cut could still lose.
    func synchronize() throws(InputError) {
        guard Self.retryingInterrupts({ fsync(descriptor) }) == 0 else {
            throw .writeFailed(path: path, reason: Self.errorMessage(errno))
        }
    }

    /// Sets the permission bits (`fchmod(2)`).
    func setPermissions(_ permissions: mode_t) throws(InputError) {
        guard fchmod(descriptor, permissions) == 0 else {
            throw .writeFailed(path: path, reason: Self.errorMessage(errno))
        }
    }

    /// Tries once to take an exclusive `flock(2)`: false when another
    /// descriptor holds it.
    func tryLockExclusively() throws(InputError) -> Bool {
        let result = Self.retryingInterrupts { flock(descriptor, LOCK_EX | LOCK_NB) }
        if result == 0 { return true }
        guard errno == EWOULDBLOCK else { throw .cannotOpen(path: path, reason: Self.errorMessage(errno)) }
        return false
    }

    /// Closes the descriptor; returns the `errno` text if the kernel reported a
    /// failure (which, for a written file, can mean lost data).
    func close() -> String? {
        systemClose(descriptor) == 0 ? nil : Self.errorMessage(errno)
    }

    static func errorMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Repeats a system call that was interrupted by a signal before doing anything.
    static func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

// The struct's own `open`, `read` and `close` hide the C functions inside it.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
