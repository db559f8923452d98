/// Why a catalogue cannot be used, with where: printed as `file:line: message`
/// (the form compilers use, which editors jump to).
public struct SLACatalogueError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; `nil` when the problem is the file as a whole (unreadable).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
