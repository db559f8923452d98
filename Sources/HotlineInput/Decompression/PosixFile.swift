#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw file descriptor with the system calls `hotline` needs, and nothing
/// buffered: the callers own their buffers so that the read path never allocates.
///
/// This is one of the few places that touch raw pointers; it retries `EINTR`
/// and turns `errno` into an `InputError` that names the file.
struct PosixFile {
    let descriptor: Int32
    let path: String

    /// Opens an existing file for reading and returns its size on disk.
    /// A directory is refused here, because Linux lets `open` succeed on one
    /// and only fails at the first `read`.
    static func openForReading(_ path: String) throws(InputError) -> (file: PosixFile, size: Int64) {
        let descriptor = retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: Self.errorMessage(errno))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = errorMessage(errno)
            _ = systemClose(descriptor)
            throw .cannotOpen(path: path, reason: reason)
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            _ = systemClose(descriptor)
            throw .cannotOpen(path: path, reason: errorMessage(EISDIR))
        }
        return (PosixFile(descriptor: descriptor, path: path), Int64(status.st_size))
    }

    /// One `read(2)`: returns how many bytes arrived, 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = Self.retryingInterrupts { Int(systemRead(descriptor, buffer.baseAddress, buffer.count)) }
        guard count >= 0 else {
            throw .readFailed(path: path, reason: Self.errorMessage(errno))
        }
        return count
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

// The struct's own `read` and `close` hide the C functions inside it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
