#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PosixFile {
    /// Creates `path` or truncates it, with the usual `0666 & ~umask` permissions.
    static func createForWriting(_ path: String) throws(InputError) -> PosixFile {
        let descriptor = retryingInterrupts { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666) }
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: errorMessage(errno))
        }
        return PosixFile(descriptor: descriptor, path: path)
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
}
