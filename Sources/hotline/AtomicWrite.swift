import Foundation

/// Writes `text` to `path` under a temporary name in the same directory, then
/// renames it: a reader (or a job killed half-way) sees the old file or the
/// new one, never a part. A failure exits 1 and names the file.
func writeAtomically(_ text: String, to path: String, what: String) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CommandFailure(message: "\(path): cannot write \(what): \(error.localizedDescription)", status: 1)
    }
}
