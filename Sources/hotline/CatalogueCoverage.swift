import HotlineCore

/// The queues a service catalogue names that no row of the data has. A typo
/// (`biling`) would otherwise leave that queue's calls out of every
/// commitment of its service without a word, and the SLA would look checked.
enum CatalogueCoverage {
    /// One line per service queue the report never saw, naming the nearest
    /// queue that it did see; empty when every queue of the catalogue has rows.
    static func unseenQueues(of catalogue: SLACatalogue, path: String, in report: Report) -> [String] {
        let seen = report.byQueue.map(\.name)
        return catalogue.services.flatMap { service in
            service.queues.filter { !seen.contains($0) }.map { queue in
                let hint = ClosestName.to(queue, among: seen).map { " (did you mean '\($0)'?)" } ?? ""
                return "\(path): service '\(service.name)' names queue '\(queue)', which no row of the data has\(hint)"
            }
        }
    }

    /// Warns on stderr of every unseen queue, or, when `strict`, fails the
    /// run with them (exit status 2, the status of an invalid catalogue).
    static func check(_ catalogue: SLACatalogue?, path: String?, in report: Report, strict: Bool) throws {
        guard let catalogue, let path else { return }
        let unseen = unseenQueues(of: catalogue, path: path, in: report)
        guard !unseen.isEmpty else { return }
        if strict {
            throw CommandFailure(message: unseen.joined(separator: "\n" + Hotline.errorPrefix)
                                 + "\n" + Hotline.errorPrefix + "--strict-catalogue is set; no report", status: 2)
        }
        standardError.write(unseen.map { "hotline: warning: \($0); its commitments are judged without it\n" }.joined())
    }
}
