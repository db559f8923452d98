/// The known name a mistyped one most likely meant, for "did you mean …?"
/// hints: a subcommand, a time zone, a queue of the catalogue.
///
/// Distance is Levenshtein's over Unicode scalars, case-insensitive, so that
/// `Asia/Tokio` finds `Asia/Tokyo` and `biling` finds `billing`; a name
/// further than a third of its length (at least 2 edits) is no suggestion,
/// since pointing at an unrelated name misleads more than saying nothing.
public enum ClosestName {
    /// The candidate nearest to `name` within the limit, the first such in
    /// `candidates` order on a tie, or nil.
    public static func to(_ name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = max(2, target.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if distance <= limit && distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Insertions, deletions and substitutions that turn `first` into `second`.
    static func editDistance(_ first: [Unicode.Scalar], _ second: [Unicode.Scalar]) -> Int {
        var previous = Array(0...second.count)
        var current = previous
        for (row, left) in first.enumerated() {
            current[0] = row + 1
            for (column, right) in second.enumerated() {
                current[column + 1] = min(previous[column + 1] + 1, current[column] + 1,
                                          previous[column] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[second.count]
    }
}
