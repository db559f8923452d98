/// How `OutputFile` stores what it is given.
public enum OutputCompression: Sendable, Equatable {
    case none
    /// A zstd level as the `zstd` CLI takes it (1…19, up to 22, negative for
    /// faster, 0 for libzstd's default of 3); libzstd clamps levels out of range.
    case zstd(level: Int32)
}
