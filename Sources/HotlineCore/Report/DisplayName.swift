/// Names from the input (queue names, the time zone) made safe for a terminal.
package enum DisplayName {
    /// Shown in place of a control character.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// `name` with every control character (tab, CR, ESC, C1 controls…)
    /// replaced by `�`, so that data can neither break the table's alignment
    /// nor send escape sequences to the terminal; then, when `maxWidth` is
    /// given and exceeded, cut to that many characters, the last one being `…`.
    package static func sanitized(_ name: String, maxWidth: Int? = nil) -> String {
        var safe = ""
        for scalar in name.unicodeScalars {
            safe.unicodeScalars.append(scalar.properties.generalCategory == .control ? replacement : scalar)
        }
        guard let maxWidth, safe.count > maxWidth else { return safe }
        return String(safe.prefix(maxWidth - 1)) + "…"
    }
}
