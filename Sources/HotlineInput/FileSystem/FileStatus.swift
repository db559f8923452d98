#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says of a file, reduced to what `hotline` decides on.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case regular, directory, characterDevice, blockDevice, fifo, socket, symbolicLink, other
    }

    public let kind: Kind
    /// The permission bits (`0o644`), without the file type.
    public let permissions: mode_t
    public let size: Int64
    /// Device and inode: equal for two paths that name one file.
    public let identity: FileIdentity

    init(_ status: stat) {
        kind = switch status.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFLNK: .symbolicLink
        default: .other
        }
        permissions = status.st_mode & 0o7777
        size = Int64(status.st_size)
        identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}

/// A file's device and inode: what makes two paths (hard links, symlinks,
/// `./` spellings) the same file.
public struct FileIdentity: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64
}
