#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock held by one job for its whole run, so that two nightly
/// jobs on the same history never interleave their writes of the database and
/// of the report files. `flock(2)` on a lock file: the kernel releases it when
/// the process ends, however it ends, so a killed job never leaves a stale lock.
public final class JobLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock on `path` (created if missing), waiting up to
    /// `timeoutSeconds` for another holder; throws `InputError.busy` after that.
    public init(path: String, timeoutSeconds: Int) throws(InputError) {
        self.path = path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        var waited = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .cannotOpen(path: path, reason: reason)
            }
            guard waited < timeoutSeconds else {
                close(descriptor)
                throw .busy(path: path, waitedSeconds: waited)
            }
            sleep(1)
            waited += 1
        }
    }

    deinit {
        close(descriptor)
    }
}
