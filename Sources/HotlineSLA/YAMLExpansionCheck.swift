import CYaml

/// Walks a YAML document's events with libyaml, the parser Yams composes
/// with, to find where it grows past the catalogue's limits before Yams
/// builds a single node.
///
/// Yams copies the anchored node for every alias and compares mapping keys
/// as whole trees, so ten aliases of ten aliases cost ten times more per
/// line of YAML: a 400-byte file used as a mapping key took 15 s. The walk
/// keeps only the expanded size of each anchor, so it costs one pass over
/// the events whatever the aliases expand to.
enum YAMLExpansionCheck {
    struct Excess {
        /// 1-based line of the node that went past the limit.
        var line: Int
        var problem: String
    }

    /// The first node of `yaml` past `maxNodes` nodes (an alias counted as
    /// the nodes it names) or `maxDepth` nested lists and mappings; nil when
    /// the document keeps both, or where it is malformed (Yams then says where).
    static func firstExcess(in yaml: UnsafeBufferPointer<UInt8>, maxNodes: Int, maxDepth: Int) -> Excess? {
        guard let base = yaml.baseAddress, !yaml.isEmpty else { return nil }
        // libyaml keeps a pointer to the parser inside the parser: it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, yaml.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        var walk = ExpansionWalk(maxNodes: maxNodes, maxDepth: maxDepth)
        var event = yaml_event_t()
        while yaml_parser_parse(parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            if let excess = walk.visit(event) { return excess }
        }
        return nil
    }
}

/// The running count of expanded nodes and the open collections.
private struct ExpansionWalk {
    let maxNodes: Int
    let maxDepth: Int
    private var nodes = 0
    /// Each open list or mapping: its anchor and the node count before it began.
    private var open: [(anchor: String?, nodesBefore: Int)] = []
    /// The expanded size of every anchored node seen whole.
    private var anchorSizes: [String: Int] = [:]

    init(maxNodes: Int, maxDepth: Int) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    mutating func visit(_ event: yaml_event_t) -> YAMLExpansionCheck.Excess? {
        let line = Int(event.start_mark.line) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            nodes += 1
            if let anchor = Self.name(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
        case YAML_ALIAS_EVENT:
            // An alias of a node still open (or never defined) is Yams' error to report.
            nodes += Self.name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor
                                                                   : event.data.mapping_start.anchor
            open.append((Self.name(anchor), nodes))
            nodes += 1
            if open.count > maxDepth {
                return .init(line: line, problem: "lists and mappings are nested more than \(maxDepth) deep"
                    + " (a catalogue needs 5)")
            }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if let closed = open.popLast(), let anchor = closed.anchor { anchorSizes[anchor] = nodes - closed.nodesBefore }
        default:
            break
        }
        guard nodes <= maxNodes else {
            return .init(line: line, problem: "the catalogue grows past \(maxNodes) YAML nodes here"
                + " (each alias counts as the nodes it names); a catalogue needs far fewer")
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
