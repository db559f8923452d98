/// A JSON document as the report writer builds it: objects keep their members
/// in insertion order, because the report's key order is part of its contract
/// (SPEC §4) and dictionaries would scramble it. Package-wide, so that every
/// JSON output of the tool (the history trend too) is spelled the same way.
package indirect enum JSONValue {
    /// A number, already spelled as JSON (see `MetricValue.machineText`).
    case number(String)
    case string(String)
    case null
    case object([(key: String, value: JSONValue)])
    /// Written on one line: the report's arrays are short lists of names.
    case array([JSONValue])
    /// An array of objects, one element per line (the `sla` section's
    /// commitments and periods), so that a long list stays readable and diffable.
    case list([JSONValue])
    case boolean(Bool)

    package static func integer(_ value: some BinaryInteger) -> JSONValue {
        .number(String(value))
    }

    package static func metric(_ value: MetricValue) -> JSONValue {
        value.machineText.map(JSONValue.number) ?? .null
    }

    /// The document with two-space indentation, one member per line, and
    /// empty objects as `{}`; the same value always gives the same text.
    package func rendered() -> String {
        var text = ""
        write(into: &text, depth: 0)
        return text
    }

    private func write(into text: inout String, depth: Int) {
        switch self {
        case .number(let digits):
            text += digits
        case .string(let string):
            text += JSONValue.quoted(string)
        case .null:
            text += "null"
        case .object(let members):
            JSONValue.writeBlock(members.map { (JSONValue.quoted($0.key) + ": ", $0.value) }, "{", "}", into: &text, depth: depth)
        case .boolean(let value):
            text += value ? "true" : "false"
        case .list(let elements):
            JSONValue.writeBlock(elements.map { ("", $0) }, "[", "]", into: &text, depth: depth)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += ", " }
                element.write(into: &text, depth: depth + 1)
            }
            text += "]"
        }
    }

    /// Elements one per line, each after its prefix (an object's `"key": `),
    /// between `open` and `close`; written `{}` or `[]` when empty.
    private static func writeBlock(_ elements: [(prefix: String, value: JSONValue)], _ open: String, _ close: String,
                                   into text: inout String, depth: Int) {
        guard !elements.isEmpty else {
            text += open + close
            return
        }
        let indent = String(repeating: "  ", count: depth + 1)
        text += open + "\n"
        for (position, element) in elements.enumerated() {
            text += indent + element.prefix
            element.value.write(into: &text, depth: depth + 1)
            text += position == elements.count - 1 ? "\n" : ",\n"
        }
        text += String(repeating: "  ", count: depth) + close
    }

    /// `string` as a JSON string literal (RFC 8259 §7): the quote, the
    /// backslash and control characters are escaped; everything else,
    /// non-ASCII included, passes through as UTF-8.
    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
