import HotlineInput

/// Writes `text` to `path` by the output rule every file hotline writes
/// follows (`OutputFile`): a regular file is replaced atomically, a device
/// or FIFO streamed into, `-` is standard output. A failure names the file
/// and exits with `status`.
func writeOutputFile(_ text: String, to path: String, what: String, status: Int32 = 1) throws {
    do {
        let file = try OutputFile(path: path, compression: .none)
        try file.write(text)
        try file.close()
    } catch {
        throw CommandFailure(message: "cannot write \(what): \(error)", status: status)
    }
}
