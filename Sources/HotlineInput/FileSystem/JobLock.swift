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
    private let file: PosixFile

    /// Takes the lock on `path` (created if missing), waiting up to
    /// `timeoutSeconds` for another holder; throws `InputError.busy` after that.
    public init(path: String, timeoutSeconds: Int) throws(InputError) {
        self.path = path
        file = try PosixFile.open(path, flags: O_RDWR | O_CREAT, mode: 0o644)
        var waited = 0
        do throws(InputError) {
            while !(try file.tryLockExclusively()) {
                guard waited < timeoutSeconds else { throw InputError.busy(path: path, waitedSeconds: waited) }
                sleep(1)
                waited += 1
            }
        } catch {
            _ = file.close()
            throw error
        }
    }

    /// The lock of the file at `path`, however it is spelled: `FILE.lock`
    /// beside the file's resolved path, so that a symlink or another
    /// spelling of one database contends for the same lock.
    public static func path(guarding path: String) throws(InputError) -> String {
        try FileSystem.resolvedPath(path) + ".lock"
    }

    deinit {
        _ = file.close()
    }
}
