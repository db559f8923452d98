/// Writes a `Report` as the JSON object of SPEC §4 (`--format json`).
///
/// This is the machine contract: every scope lists every `Metric` in
/// `Metric.allCases` order under its JSON key, reals keep full precision and
/// absent values are `null`, so a consumer can compare two reports key by key.
public enum JSONReportWriter {
    /// The report as pretty-printed JSON (two-space indentation), ending with a newline.
    public static func render(_ report: Report) -> String {
        document(report).rendered() + "\n"
    }

    static func document(_ report: Report) -> JSONValue {
        let parameters = report.parameters
        let input = report.input
        var members: [(key: String, value: JSONValue)] = [
            ("parameters", .object([
                ("service_level_threshold_s", .integer(parameters.thresholds.serviceLevelSeconds)),
                ("short_abandon_s", .integer(parameters.thresholds.shortAbandonSeconds)),
                ("time_zone", .string(parameters.timeZone)),
            ])),
            ("input", .object(inputFields(input))),
            ("overall", scope(report.overall)),
            ("by_queue", breakdown(report.byQueue)),
            ("by_day", breakdown(report.byDay)),
        ]
        if let byHour = report.byHour { members.append(("by_hour", breakdown(byHour))) }
        if let distributions = report.distributions { members.append(("distributions", Self.distributions(distributions))) }
        if let evaluation = report.sla { members.append(("sla", sla(evaluation))) }
        return .object(members)
    }

    private static func inputFields(_ input: InputSummary) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("files", .integer(input.files)),
            ("bytes_read", .integer(input.bytesRead)),
            ("bytes_decoded", .integer(input.bytesDecoded)),
            ("calls", rowCounts(input.calls)),
            ("contacts", rowCounts(input.contacts)),
        ]
        if let switchLogs = input.switchLogs {
            fields.append(("switch_logs", .object([
                ("queue_log_lines", .integer(switchLogs.queueLogLines)),
                ("events_ignored", .integer(switchLogs.eventsIgnored)),
                ("events_unknown", .integer(switchLogs.eventsUnknown)),
                ("duplicate_lines", .integer(switchLogs.duplicateLines)),
                ("incomplete_calls", .integer(switchLogs.incompleteCalls)),
                ("cdr_rows", .integer(switchLogs.cdrRows)),
                ("cdr_calls", .integer(switchLogs.cdrCalls)),
                ("cdr_queued_calls", .integer(switchLogs.cdrQueuedCalls)),
                ("cdr_not_inbound", .integer(switchLogs.cdrNotInbound)),
            ])))
        }
        if input.switchLogs != nil || !input.notRecorded.isEmpty {
            fields.append(("not_recorded", .array(input.notRecorded.map { .string($0.name) })))
        }
        if let day = input.day {
            fields.append(("day", .object([
                ("date", .string(day.date)),
                ("calls_outside", .integer(day.callsOutside)),
                ("contacts_outside", .integer(day.contactsOutside)),
            ])))
        }
        return fields
    }

    /// Each distribution as an array of small objects, ascending as in ``ReportDistributions``.
    private static func distributions(_ distributions: ReportDistributions) -> JSONValue {
        .object([
            ("answered_wait_s", .array(distributions.answeredWaits.map {
                .object([("wait_s", .integer($0.value)), ("calls", .integer($0.count))])
            })),
            ("customer_effort", .array(distributions.customerEfforts.map {
                .object([("attempts", .integer($0.attempts)), ("useful_voice_contacts", .integer($0.usefulVoiceContacts)),
                         ("customers", .integer($0.customers))])
            })),
            ("escalation_paths", .array(distributions.escalationPaths.map {
                .object([("from_level", .integer(Int64($0.from))), ("to_level", .integer(Int64($0.to))),
                         ("cases", .integer($0.cases))])
            })),
        ])
    }

    private static func rowCounts(_ counts: RowCounts) -> JSONValue {
        .object([("rows", .integer(counts.rows)), ("rejected", .integer(counts.rejected))])
    }

    private static func scope(_ metrics: ScopeMetrics) -> JSONValue {
        .object(Metric.allCases.map { ($0.key, .metric(metrics[$0])) })
    }

    private static func breakdown(_ scopes: [NamedScope]) -> JSONValue {
        .object(scopes.map { ($0.name, scope($0.metrics)) })
    }
}
