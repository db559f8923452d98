/// One card per queue, and one for all queues first, with the headline
/// metrics of the day and the colour of the service commitments that cover
/// it: the part of the page a manager reads on a phone before anything else.
///
/// Each card says what is true of its own scope: the all-queues card the
/// catalogue's verdicts, a queue's card its service's commitments judged on
/// that queue alone (``Report/slaByQueue``), so that a queue that met its
/// service level is not painted red by its neighbour. The service level is
/// labelled with its threshold, as every missed commitment is with its own.
enum KPICards {
    static let id = "kpi-cards"
    static let metrics: [Metric] = [
        .offered, .answered, .reachability, .serviceLevel, .abandonmentRate, .asaSeconds, .callsPerUsefulContact,
        .caseEscalationRate,
    ]
    /// Missed periods listed on a card; the SLA table below lists them all.
    static let shownMisses = 3

    static func html(_ report: Report) -> String {
        let threshold = report.parameters.thresholds.serviceLevelSeconds
        var cards = [card(name: "All queues", queue: nil, metrics: report.overall, evaluation: report.sla,
                          serviceLevelThreshold: threshold)]
        cards += report.byQueue.map {
            card(name: $0.name, queue: $0.name, metrics: $0.metrics, evaluation: report.slaByQueue ?? report.sla,
                 judgedAlone: report.slaByQueue != nil, serviceLevelThreshold: threshold)
        }
        return "<section id=\"\(id)\" class=\"cards\" aria-label=\"Key figures by queue\">\n"
            + cards.joined(separator: "\n") + "\n</section>"
    }

    private static func card(name: String, queue: String?, metrics: ScopeMetrics, evaluation: SLAEvaluation?,
                             judgedAlone: Bool = false, serviceLevelThreshold: Int64) -> String {
        let outcome = SLAOutcome(queue: queue, evaluation: evaluation)
        var html = "<article class=\"card sla-\(outcome.status.rawValue)\">\n<header><h3>\(HTMLText.escaped(name))</h3>"
            + "<p class=\"verdict\">\(HTMLText.escaped(outcome.verdict))</p></header>\n"
        if queue != nil, !outcome.services.isEmpty {
            let judged = judgedAlone ? " · commitments judged on this queue alone" : ""
            html += "<p class=\"services\">\(HTMLText.escaped(outcome.services.joined(separator: ", ") + judged))</p>\n"
        }
        html += "<dl>" + self.metrics.map { metric in
            let title = metric == .serviceLevel ? metric.title + " (≤ \(serviceLevelThreshold) s)" : metric.title
            return "<div><dt>" + HTMLText.escaped(title) + "</dt><dd>"
                + HTMLText.escaped(HumanNumberText.value(of: metric, in: metrics)) + "</dd></div>"
        }.joined() + "</dl>\n"
        if !outcome.misses.isEmpty {
            // A queue's card names the service only when several cover the queue.
            let named = queue == nil || outcome.services.count > 1
            html += "<ul class=\"misses\">" + outcome.misses.prefix(shownMisses).map { miss in
                "<li>" + HTMLText.escaped((named ? miss.service + ": " : "") + SLAOutcome.text(miss)) + "</li>"
            }.joined()
            if outcome.misses.count > shownMisses {
                html += "<li class=\"more\">and \(HumanNumberText.grouped(outcome.misses.count - shownMisses)) more"
                    + " (Service commitments, below)</li>"
            }
            html += "</ul>\n"
        }
        return html + "</article>"
    }
}
