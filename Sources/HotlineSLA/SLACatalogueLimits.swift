/// The bounds a catalogue must keep (docs/sla.md, "Limits"). A real
/// catalogue is a few kilobytes with tens of services; these are set far
/// above that so that no honest file meets them, and low enough that a
/// hostile one is refused in well under a second, before any log is read.
public enum SLACatalogueLimits {
    /// Read at most this many bytes: 4 MiB holds some 80 000 one-queue services.
    public static let maxFileBytes = 4 << 20
    /// YAML nodes (scalars, lists and mappings), each alias counted as the
    /// nodes it stands for: what Yams builds and compares, so that aliases
    /// of aliases (“billion laughs”) cannot make a small file cost hours.
    public static let maxNodes = 1_000_000
    /// Lists and mappings inside one another; the format itself needs 5.
    public static let maxDepth = 16
    public static let maxServices = 50_000
    /// Commitments in force summed over the services, inherited defaults
    /// included: the evaluation holds a result per commitment and period.
    public static let maxCommitmentsInForce = 100_000
    /// Whole units of the currency owed per missed period: beyond any
    /// contract, and below 2⁵³ so that JSON readers that hold numbers as
    /// doubles keep every penalty exact.
    public static let maxPenalty: Int64 = 1_000_000_000_000
}
