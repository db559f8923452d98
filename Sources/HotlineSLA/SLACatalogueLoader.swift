import Foundation
import HotlineCore
import Yams

/// Reads a service catalogue (YAML, docs/sla.md) and validates all of it
/// before any log is read: every problem is reported with the catalogue's
/// line, so that a typo costs a second, not a night's run.
///
/// Yams is used only here, to compose the document into nodes that keep
/// their line; the catalogue model and its evaluation stay in HotlineCore.
public enum SLACatalogueLoader {
    /// The catalogue in the file at `path`, read no further than
    /// ``SLACatalogueLimits/maxFileBytes`` (a FIFO or `/dev/zero` included).
    public static func load(path: String) throws(SLACatalogueError) -> SLACatalogue {
        let data = try contents(of: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw SLACatalogueError(file: path, line: nil, message: "the catalogue is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// The catalogue written in `text`; `file` names it in errors. Its size
    /// once aliases are expanded and its nesting are checked on libyaml's
    /// events before Yams composes it (``YAMLExpansionCheck``).
    public static func parse(_ text: String, file: String) throws(SLACatalogueError) -> SLACatalogue {
        var yaml = text
        let excess = yaml.withUTF8 { bytes in
            YAMLExpansionCheck.firstExcess(in: bytes, maxNodes: SLACatalogueLimits.maxNodes,
                                           maxDepth: SLACatalogueLimits.maxDepth)
        }
        if let excess { throw SLACatalogueError(file: file, line: excess.line, message: excess.problem) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw SLACatalogueError(file: file, line: Self.line(of: error), message: "malformed YAML: \(Self.problem(of: error))")
        }
        guard let root else { throw SLACatalogueError(file: file, line: 1, message: "the catalogue is empty") }
        return try CatalogueReader(file: file).catalogue(root)
    }

    private static func contents(of path: String) throws(SLACatalogueError) -> Data {
        let limit = SLACatalogueLimits.maxFileBytes
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SLACatalogueError(file: path, line: nil, message: "cannot read the catalogue: \(unreadableReason(path))")
        }
        defer { try? handle.close() }
        var data = Data()
        do {
            while data.count <= limit, let block = try handle.read(upToCount: limit + 1 - data.count), !block.isEmpty {
                data.append(block)
            }
        } catch {
            throw SLACatalogueError(file: path, line: nil, message: "cannot read the catalogue: \(unreadableReason(path))")
        }
        guard data.count <= limit else {
            throw SLACatalogueError(file: path, line: nil, message: "the catalogue is larger than \(limit >> 20) MiB;"
                + " a catalogue is a few kilobytes (docs/sla.md, Limits)")
        }
        return data
    }

    /// Why the file at `path` cannot be read, in the system's words ("No such
    /// file or directory", "Permission denied", "Is a directory"), so that the
    /// user knows what to fix.
    private static func unreadableReason(_ path: String) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var byte: UInt8 = 0
        return read(descriptor, &byte, 1) < 0 ? String(cString: strerror(errno)) : "the read failed"
    }

    private static func line(of error: Error) -> Int? {
        switch error as? YamlError {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    private static func problem(of error: Error) -> String {
        switch error as? YamlError {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            (context.map { $0.text + " " } ?? "") + problem
        case .duplicatedKeysInMapping(let duplicates, _): "a key is written twice: " + duplicates.joined(separator: ", ")
        default: "\(error)"
        }
    }
}

/// Walks the composed document, turning each node into the catalogue's
/// model or into an error at the node's line.
private struct CatalogueReader {
    let file: String

    func catalogue(_ root: Node) throws(SLACatalogueError) -> SLACatalogue {
        let top = try mapping(root, "the catalogue", allowed: ["currency", "degraded_days", "default", "services"],
                              required: ["services"])
        let currency = try top["currency"].map { node throws(SLACatalogueError) in try nonEmptyString(node, "currency") }
        var degradedDays: [Int64] = []
        if let node = top["degraded_days"] {
            for day in try sequence(node, "degraded_days") { degradedDays.append(try date(day)) }
        }
        var defaults: [SLACommitment] = []
        if let node = top["default"] {
            let block = try mapping(node, "default", allowed: ["commitments"], required: [])
            if let list = block["commitments"] { defaults = try commitments(list, "default") }
        }

        let serviceNodes = try sequence(top["services"]!, "services")
        guard !serviceNodes.isEmpty else { throw error(top["services"]!, "services: name at least one service") }
        if serviceNodes.count > SLACatalogueLimits.maxServices {
            throw error(serviceNodes[SLACatalogueLimits.maxServices],
                        "more than \(SLACatalogueLimits.maxServices) services (docs/sla.md, Limits)")
        }
        var services: [SLAService] = []
        var serviceNames: Set<String> = []
        var serviceOfQueue: [String: String] = [:]
        var commitmentsInForce = 0
        for node in serviceNodes {
            let fields = try mapping(node, "a service", allowed: ["name", "queues", "opening_hours", "commitments"],
                                     required: ["name", "queues"])
            let name = try nonEmptyString(fields["name"]!, "name")
            guard serviceNames.insert(name).inserted else {
                throw error(fields["name"]!, "service \"\(name)\" is named twice")
            }
            let queueNodes = try sequence(fields["queues"]!, "queues")
            guard !queueNodes.isEmpty else { throw error(fields["queues"]!, "service \"\(name)\" names no queue") }
            var queues: [String] = []
            for queueNode in queueNodes {
                let queue = try nonEmptyString(queueNode, "a queue")
                if let owner = serviceOfQueue[queue] {
                    throw error(queueNode, owner == name ? "queue \"\(queue)\" is named twice in service \"\(name)\""
                                                         : "queue \"\(queue)\" is already in service \"\(owner)\"")
                }
                serviceOfQueue[queue] = name
                queues.append(queue)
            }
            var openingHours: [String] = []
            if let hours = fields["opening_hours"] {
                for entry in try sequence(hours, "opening_hours") {
                    let text = try nonEmptyString(entry, "opening hours")
                    if let problem = OpeningHours.problem(in: text) { throw error(entry, problem) }
                    openingHours.append(text)
                }
            }
            let own = try fields["commitments"].map { list throws(SLACatalogueError) in
                try commitments(list, "service \"\(name)\"")
            } ?? []
            let service = SLAService(name: name, queues: queues, openingHours: openingHours, own: own, defaults: defaults)
            commitmentsInForce += service.commitments.count
            if commitmentsInForce > SLACatalogueLimits.maxCommitmentsInForce {
                throw error(node, "the services up to \"\(name)\" hold more than \(SLACatalogueLimits.maxCommitmentsInForce)"
                    + " commitments in force, inherited defaults included (docs/sla.md, Limits)")
            }
            services.append(service)
        }

        if currency == nil, let charged = services.flatMap(\.commitments).first(where: { $0.penalty > 0 }) {
            throw SLACatalogueError(file: file, line: charged.line,
                                    message: "a penalty needs the catalogue's currency (currency: EUR at the top)")
        }
        return SLACatalogue(currency: currency, degradedDays: degradedDays, services: services)
    }

    private func commitments(_ node: Node, _ block: String) throws(SLACatalogueError) -> [SLACommitment] {
        var list: [SLACommitment] = []
        var lineOfIdentity: [SLACommitment.Identity: Int] = [:]
        for item in try sequence(node, "commitments") {
            let commitment = try commitment(item)
            if let earlier = lineOfIdentity.updateValue(commitment.line, forKey: commitment.identity) {
                throw error(item, "\(block) already has a \(commitment.metric.key) commitment per \(commitment.period.rawValue)"
                    + (commitment.level.map { " at level \($0)" } ?? "") + " (line \(earlier))")
            }
            list.append(commitment)
        }
        return list
    }

    private func commitment(_ node: Node) throws(SLACatalogueError) -> SLACommitment {
        let fields = try mapping(node, "a commitment",
                                 allowed: ["metric", "comparison", "target", "threshold_s", "level", "period",
                                           "degraded_target", "penalty"],
                                 required: ["metric", "comparison", "target", "period"])
        let metricName = try nonEmptyString(fields["metric"]!, "metric")
        guard let metric = Metric(rawValue: metricName) else {
            throw error(fields["metric"]!, "unknown metric \"\(metricName)\" (SPEC §3 JSON keys: "
                + Metric.allCases.map(\.key).joined(separator: ", ") + ")")
        }
        let comparisonText = try nonEmptyString(fields["comparison"]!, "comparison")
        guard let comparison = SLAComparison(rawValue: comparisonText) else {
            throw error(fields["comparison"]!, "unknown comparison \"\(comparisonText)\" (>=, <=, > or <)")
        }
        let periodText = try nonEmptyString(fields["period"]!, "period")
        guard let period = SLAPeriod(rawValue: periodText) else {
            throw error(fields["period"]!, "unknown period \"\(periodText)\" (day, week or month)")
        }
        let target = try number(fields["target"]!, "target")
        if let problem = metric.problem(withTarget: target) { throw error(fields["target"]!, problem) }
        var degradedTarget: Double?
        if let node = fields["degraded_target"] {
            let value = try number(node, "degraded_target")
            if let problem = metric.problem(withTarget: value) { throw error(node, "degraded_target: " + problem) }
            degradedTarget = value
        }
        var level: UInt8?
        if let node = fields["level"] {
            let value = try integer(node, "level")
            guard (1...3).contains(value) else { throw error(node, "level must be 1, 2 or 3, not \(value)") }
            guard metric.isMeasurableByLevel else {
                throw error(node, "\(metric.key) cannot be restricted to a level: it counts calls that no agent"
                    + " answered, or customers across levels (docs/sla.md lists the metrics that can)")
            }
            level = UInt8(value)
        }
        var threshold: Int64?
        if let node = fields["threshold_s"] {
            guard metric == .serviceLevel else { throw error(node, "threshold_s applies to service_level only") }
            let value = try integer(node, "threshold_s")
            guard ValueRanges.durationSeconds.contains(value) else {
                throw error(node, "threshold_s must be between \(ValueRanges.durationSeconds.lowerBound) and "
                                  + "\(ValueRanges.durationSeconds.upperBound) seconds, not \(value)")
            }
            threshold = value
        }
        var penalty: Int64 = 0
        if let node = fields["penalty"] {
            penalty = try integer(node, "penalty")
            guard (0...SLACatalogueLimits.maxPenalty).contains(penalty) else {
                throw error(node, "penalty must be between 0 and \(SLACatalogueLimits.maxPenalty) whole units of the"
                    + " currency, not \(penalty)")
            }
        }
        return SLACommitment(metric: metric, comparison: comparison, target: target, thresholdSeconds: threshold,
                             level: level, period: period, degradedTarget: degradedTarget, penalty: penalty,
                             line: line(node) ?? 0)
    }

    // MARK: Nodes

    private func mapping(_ node: Node, _ what: String, allowed: [String],
                         required: [String]) throws(SLACatalogueError) -> [String: Node] {
        guard case .mapping(let pairs) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
        var fields: [String: Node] = [:]
        for (key, value) in pairs {
            guard case .scalar(let scalar) = key, allowed.contains(scalar.string) else {
                throw error(key, "unknown key \"\(key.string ?? "?")\" in \(what) (known: "
                    + allowed.joined(separator: ", ") + ")")
            }
            fields[scalar.string] = value
        }
        for key in required where fields[key] == nil { throw error(node, "\(what) lacks \"\(key)\"") }
        return fields
    }

    private func sequence(_ node: Node, _ what: String) throws(SLACatalogueError) -> [Node] {
        guard case .sequence(let items) = node else { throw error(node, "\(what) must be a list") }
        return Array(items)
    }

    private func nonEmptyString(_ node: Node, _ what: String) throws(SLACatalogueError) -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            throw error(node, "\(what) must be a non-empty text")
        }
        return scalar.string
    }

    private func number(_ node: Node, _ what: String) throws(SLACatalogueError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, "\(what) must be a number")
        }
        return value
    }

    private func integer(_ node: Node, _ what: String) throws(SLACatalogueError) -> Int64 {
        guard case .scalar(let scalar) = node, let value = Int64(scalar.string) else {
            throw error(node, "\(what) must be a whole number")
        }
        return value
    }

    /// A `YYYY-MM-DD` calendar date, as a day number.
    private func date(_ node: Node) throws(SLACatalogueError) -> Int64 {
        let text = try nonEmptyString(node, "a degraded day")
        guard let day = CivilDate.days(fromISODate: text) else {
            throw error(node, "degraded day \"\(text)\" is not a YYYY-MM-DD date")
        }
        return day
    }

    private func line(_ node: Node) -> Int? { node.mark?.line }

    private func error(_ node: Node, _ message: String) -> SLACatalogueError {
        SLACatalogueError(file: file, line: line(node), message: message)
    }
}
