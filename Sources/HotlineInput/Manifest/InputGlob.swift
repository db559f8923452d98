#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style patterns for the files of a night (`--calls 'logs/calls-*.csv.zst'`),
/// expanded by the C library as the shell would, so a scheduler that runs
/// the job without a shell gets the same files.
public enum InputGlob {
    /// The regular files a pattern names, in byte order of their paths (the
    /// order rotated logs sort in); throws when none match, because a
    /// nightly job that silently reads nothing reports an empty day.
    public static func expand(_ pattern: String) throws(InputError) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        switch glob(pattern, GLOB_ERR, nil, &matches) {
        case 0: break
        case GLOB_NOMATCH: throw .noMatch(pattern: pattern)
        default: throw .cannotOpen(path: pattern, reason: "cannot list the files this pattern names")
        }
        let paths = (0..<Int(matches.gl_pathc)).compactMap { index in
            matches.gl_pathv[index].map { String(cString: $0) }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
