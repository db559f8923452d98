#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates the directory the dataset goes to, with its missing parents
/// (`mkdir -p`), so that `hotline generate --out new/dir` just works.
enum OutputDirectory {
    static func create(_ path: String) throws(DatasetGeneratorError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .cannotCreateDirectory(path: prefix, reason: String(cString: strerror(errno)))
            }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .cannotCreateDirectory(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotCreateDirectory(path: path, reason: "a file of that name exists")
        }
    }

    /// `name` inside `directory`.
    static func path(of name: String, in directory: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

/// Why a dataset could not be written, apart from the output file errors of
/// `OutputFile`.
public enum DatasetGeneratorError: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotCreateDirectory(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason): "\(path): cannot create directory: \(reason)"
        }
    }
}
