import Testing
@testable import HotlineCore

// Hand-built reports with hand-written expectations for the three report
// writers (JSON, CSV, table) and the metric classification they share.

// MARK: - Fixtures

/// A scope holding `values`; every other metric is `null`.
private func scope(_ values: KeyValuePairs<Metric, MetricValue>) -> ScopeMetrics {
    var metrics = ScopeMetrics()
    for (metric, value) in values {
        metrics[metric] = value
    }
    return metrics
}

/// The `overall` scope of `shared/examples/tiny/expected.json` (computed by hand there).
private let tinyOverall = scope([
    .attempts: .integer(15), .offered: .integer(12), .answered: .integer(6),
    .abandoned: .integer(5), .shortAbandoned: .integer(2), .timeout: .integer(1),
    .busy: .integer(1), .closed: .integer(2),
    .reachability: .ratio(6, 15), .reachabilityOpenHours: .ratio(6, 13),
    .serviceLevel: .ratio(4, 10), .abandonmentRate: .ratio(3, 10),
    .asaSeconds: .real(17.5), .waitP50Seconds: .integer(12), .waitP90Seconds: .integer(40),
    .waitP99Seconds: .integer(40), .meanTimeToAbandonSeconds: .real(9.6),
    .meanTalkSeconds: .ratio(800, 6),
    .anonymousAttempts: .integer(2), .customers: .integer(7), .customersReached: .integer(5),
    .customerReachRate: .ratio(5, 7), .repeatCallers: .integer(5), .repeatCallerRate: .ratio(5, 7),
    .attemptsPerCustomerP90: .integer(3), .attemptsPerCustomerMax: .integer(3),
    .contacts: .integer(18), .usefulContacts: .integer(16), .usefulVoiceContacts: .integer(7),
    .callsPerUsefulContact: .ratio(15, 7), .escalatedContacts: .integer(4),
    .escalationRate: .ratio(4, 18),
    .cases: .integer(8), .casesEscalated: .integer(4), .caseEscalationRate: .ratio(4, 8),
    .casesReachingLevel3: .integer(4), .fcr: .ratio(1, 8),
    .timeToEscalationP50Seconds: .integer(100), .timeToEscalationP90Seconds: .integer(34179),
    .contactsPerCase: .ratio(18, 8),
])

/// A queue name that needs escaping in JSON and quoting in CSV.
private let awkwardQueue = #"support, "EU" Zürich"#

/// One awkward queue with a few values, no days.
private let smallReport = Report(
    parameters: ReportParameters(thresholds: CallThresholds(serviceLevelSeconds: 20, shortAbandonSeconds: 5), timeZone: "Europe/Paris"),
    input: InputSummary(
        files: 2, bytesRead: 3272, bytesDecoded: 10_485_760,
        calls: RowCounts(rows: 15, rejected: 1), contacts: RowCounts(rows: 18, rejected: 0)),
    overall: tinyOverall,
    byQueue: [
        NamedScope(name: awkwardQueue, metrics: scope([
            .attempts: .integer(3), .reachability: .ratio(2, 3),
            .waitP90Seconds: .integer(40), .escalationRate: .real(1e-05),
        ])),
    ],
    byDay: [])

/// Two queues and two days with the metrics of the breakdown tables.
private let twoByTwoReport = Report(
    parameters: ReportParameters(),
    input: InputSummary(
        files: 2, bytesRead: 3272, bytesDecoded: 1_572_864,
        calls: RowCounts(rows: 12_345, rejected: 15), contacts: RowCounts(rows: 1, rejected: 0)),
    overall: tinyOverall,
    byQueue: [
        NamedScope(name: "billing", metrics: scope([
            .attempts: .integer(1234), .reachability: .ratio(5, 9), .serviceLevel: .ratio(4, 7),
            .abandonmentRate: .ratio(2, 7), .asaSeconds: .real(16.8), .waitP90Seconds: .integer(40),
            .customers: .integer(5), .callsPerUsefulContact: .real(2.25), .fcr: .ratio(1, 6),
            .caseEscalationRate: .ratio(1, 3),
        ])),
        NamedScope(name: awkwardQueue, metrics: scope([
            .attempts: .integer(6), .reachability: .ratio(1, 6), .serviceLevel: .real(0),
            .abandonmentRate: .ratio(1, 3), .asaSeconds: .real(75), .waitP90Seconds: .integer(21),
            .customers: .integer(2), .callsPerUsefulContact: .ratio(6, 1), .fcr: .ratio(0, 0),
            .caseEscalationRate: .real(1),
        ])),
    ],
    byDay: [
        NamedScope(name: "2026-11-20", metrics: scope([
            .attempts: .integer(6), .reachability: .ratio(3, 6), .serviceLevel: .ratio(2, 5),
            .abandonmentRate: .ratio(2, 5), .asaSeconds: .real(17), .waitP90Seconds: .integer(21),
            .customers: .integer(3), .callsPerUsefulContact: .ratio(6, 2), .fcr: .real(0),
            .caseEscalationRate: .ratio(2, 3),
        ])),
        NamedScope(name: "2026-11-21", metrics: scope([
            .attempts: .integer(0), .reachability: .ratio(0, 0), .serviceLevel: .ratio(0, 0),
            .abandonmentRate: .ratio(0, 0), .customers: .integer(0),
            .callsPerUsefulContact: .ratio(0, 2), .fcr: .ratio(1, 3), .caseEscalationRate: .ratio(0, 3),
        ])),
    ])

// MARK: - Metric classification

@Test func everyMetricHasTheUnitOfItsDefinition() {
    let fractions: Set<Metric> = [
        .reachability, .reachabilityOpenHours, .serviceLevel, .abandonmentRate, .customerReachRate,
        .repeatCallerRate, .escalationRate, .caseEscalationRate, .fcr,
    ]
    let seconds: Set<Metric> = [
        .asaSeconds, .waitP50Seconds, .waitP90Seconds, .waitP99Seconds, .meanTimeToAbandonSeconds,
        .meanTalkSeconds, .timeToEscalationP50Seconds, .timeToEscalationP90Seconds,
    ]
    let ratios: Set<Metric> = [.callsPerUsefulContact, .contactsPerCase]
    for metric in Metric.allCases {
        let expected: MetricUnit =
            fractions.contains(metric) ? .fraction
            : seconds.contains(metric) ? .seconds
            : ratios.contains(metric) ? .ratio
            : .count
        #expect(metric.unit == expected, "\(metric.key)")
    }
    // The key naming convention agrees: every `_s` metric is in seconds.
    #expect(Metric.allCases.filter { $0.key.hasSuffix("_s") }.allSatisfy { $0.unit == .seconds })
    #expect(Metric.allCases.filter { $0.unit == .count }.count == 21)
}

@Test func everyMetricHasADistinctTitleAndExactlyOneTableSection() {
    let titles = Metric.allCases.map(\.title)
    #expect(Set(titles).count == titles.count)
    #expect(titles.allSatisfy { !$0.isEmpty && $0.count <= 25 })
    #expect(Metric.serviceLevel.title == "Service level")
    // Sections partition the metrics and keep the report order.
    #expect(TableSection.allCases.flatMap(\.metrics) == Metric.allCases)
}

// MARK: - Shared number and string spelling

@Test func machineTextIsTheShortestRoundTripDecimal() {
    #expect(MetricValue.integer(40).machineText == "40")
    #expect(MetricValue.integer(.max).machineText == "9223372036854775807")
    #expect(MetricValue.ratio(2, 3).machineText == "0.6666666666666666")
    #expect(MetricValue.ratio(6, 13).machineText == "0.46153846153846156")
    #expect(MetricValue.real(13).machineText == "13.0")
    #expect(MetricValue.real(0.4).machineText == "0.4")
    #expect(MetricValue.real(1e-05).machineText == "1e-05")
    #expect(MetricValue.null.machineText == nil)
    #expect(MetricValue.ratio(1, 0).machineText == nil)
    #expect(MetricValue.real(.nan).machineText == nil)
    #expect(MetricValue.real(.infinity).machineText == nil)
}

@Test func jsonStringsAreEscapedPerRFC8259() {
    #expect(JSONValue.quoted("billing") == #""billing""#)
    #expect(JSONValue.quoted(#"a "b" \ c"#) == #""a \"b\" \\ c""#)
    #expect(JSONValue.quoted("l1\nl2\r\t\u{08}\u{0C}") == #""l1\nl2\r\t\b\f""#)
    #expect(JSONValue.quoted("\u{00}\u{01}\u{1B}\u{1F}") == #""\u0000\u0001\u001b\u001f""#)
    // DEL and non-ASCII are legal inside a JSON string and pass through as UTF-8.
    #expect(JSONValue.quoted("Zürich \u{7F} 東京 😀") == "\"Zürich \u{7F} 東京 😀\"")
}

@Test func csvFieldsAreQuotedOnlyWhenNeeded() {
    #expect(CSVField.escaped("billing") == "billing")
    #expect(CSVField.escaped("Zürich") == "Zürich")
    #expect(CSVField.escaped("") == "")
    #expect(CSVField.escaped("a,b") == #""a,b""#)
    #expect(CSVField.escaped(#"say "hi""#) == #""say ""hi""""#)
    #expect(CSVField.escaped("a\nb") == "\"a\nb\"")
    #expect(CSVField.escaped("a\rb") == "\"a\rb\"")
    #expect(CSVField.escaped("a\r\nb") == "\"a\r\nb\"")
}

@Test func humanNumbersAreRoundedForReading() {
    #expect(HumanNumberText.grouped(0) == "0")
    #expect(HumanNumberText.grouped(999) == "999")
    #expect(HumanNumberText.grouped(1000) == "1,000")
    #expect(HumanNumberText.grouped(1_234_567) == "1,234,567")
    #expect(HumanNumberText.grouped(-1234) == "-1,234")
    #expect(HumanNumberText.grouped(Int64.min) == "-9,223,372,036,854,775,808")

    #expect(HumanNumberText.fixed(15.0 / 7, fractionDigits: 2) == "2.14")
    #expect(HumanNumberText.fixed(1234.5, fractionDigits: 2) == "1,234.50")
    #expect(HumanNumberText.fixed(0.125, fractionDigits: 2) == "0.13")
    #expect(HumanNumberText.fixed(-0.004, fractionDigits: 2) == "0.00")
    #expect(HumanNumberText.fixed(-2.5, fractionDigits: 0) == "-3")

    #expect(HumanNumberText.percent(6.0 / 13) == "46.2 %")
    #expect(HumanNumberText.percent(1) == "100.0 %")
    #expect(HumanNumberText.percent(0) == "0.0 %")
    #expect(HumanNumberText.percent(2.0 / 3) == "66.7 %")

    #expect(HumanNumberText.bytes(0) == "0 B")
    #expect(HumanNumberText.bytes(1023) == "1,023 B")
    #expect(HumanNumberText.bytes(1024) == "1.0 KiB")
    #expect(HumanNumberText.bytes(3272) == "3.2 KiB")
    #expect(HumanNumberText.bytes(1_048_575) == "1.0 MiB")
    #expect(HumanNumberText.bytes(10_485_760) == "10.0 MiB")
    #expect(HumanNumberText.bytes(.max) == "8.0 EiB")
}

@Test func durationsUseAtMostTwoUnits() {
    func real(_ seconds: Double) -> String { HumanNumberText.duration(seconds: seconds, tenthsBelowAMinute: true) }
    func whole(_ seconds: Double) -> String { HumanNumberText.duration(seconds: seconds, tenthsBelowAMinute: false) }
    #expect(real(17.5) == "17.5s")
    #expect(real(0) == "0.0s")
    #expect(real(13) == "13.0s")
    #expect(whole(12) == "12s")
    #expect(whole(0) == "0s")
    #expect(real(59.96) == "1m")
    #expect(real(800.0 / 6) == "2m13s")
    #expect(whole(100) == "1m40s")
    #expect(whole(120) == "2m")
    #expect(real(3599.7) == "1h")
    #expect(whole(34179) == "9h30m")
    #expect(whole(3 * 86_400 + 4 * 3_600 + 1_000) == "3d4h")
    #expect(whole(86_400) == "1d")
}

@Test func metricValuesAreFormattedByUnitWithADashForNull() {
    #expect(HumanNumberText.metric(.integer(12_345), unit: .count) == "12,345")
    #expect(HumanNumberText.metric(.ratio(2, 3), unit: .fraction) == "66.7 %")
    #expect(HumanNumberText.metric(.integer(40), unit: .seconds) == "40s")
    #expect(HumanNumberText.metric(.real(16.8), unit: .seconds) == "16.8s")
    #expect(HumanNumberText.metric(.ratio(15, 7), unit: .ratio) == "2.14")
    #expect(HumanNumberText.metric(.integer(6), unit: .ratio) == "6.00")
    #expect(HumanNumberText.metric(.null, unit: .fraction) == "—")
    #expect(HumanNumberText.metric(.real(.nan), unit: .ratio) == "—")
}

@Test func displayNamesAreMadeSafeAndShort() {
    #expect(DisplayName.sanitized("billing") == "billing")
    #expect(DisplayName.sanitized("a\tb\u{1B}[31m\u{85}") == "a\u{FFFD}b\u{FFFD}[31m\u{FFFD}")
    #expect(DisplayName.sanitized("Zürich", maxWidth: 6) == "Zürich")
    #expect(DisplayName.sanitized("Customer Service Premium Accounts EMEA", maxWidth: 24) == "Customer Service Premiu…")
}

@Test func textTableAlignsByCharacterCount() {
    var table = TextTable([.left, .right])
    table.append(["NAME", "N"])
    table.append(["Zürich", "1,234"])
    table.append(["—", "5"])
    #expect(table.lines(indent: "  ") == [
        "  NAME        N",
        "  Zürich  1,234",
        "  —           5",
    ])
}

// MARK: - JSON

@Test func jsonMatchesTheSpecLayoutExactly() {
    let expected = #"""
    {
      "parameters": {
        "service_level_threshold_s": 20,
        "short_abandon_s": 5,
        "time_zone": "Europe/Paris"
      },
      "input": {
        "files": 2,
        "bytes_read": 3272,
        "bytes_decoded": 10485760,
        "calls": {
          "rows": 15,
          "rejected": 1
        },
        "contacts": {
          "rows": 18,
          "rejected": 0
        }
      },
      "overall": {
        "attempts": 15,
        "offered": 12,
        "answered": 6,
        "abandoned": 5,
        "short_abandoned": 2,
        "timeout": 1,
        "busy": 1,
        "closed": 2,
        "reachability": 0.4,
        "reachability_open_hours": 0.46153846153846156,
        "service_level": 0.4,
        "abandonment_rate": 0.3,
        "asa_s": 17.5,
        "wait_p50_s": 12,
        "wait_p90_s": 40,
        "wait_p99_s": 40,
        "mean_time_to_abandon_s": 9.6,
        "mean_talk_s": 133.33333333333334,
        "anonymous_attempts": 2,
        "customers": 7,
        "customers_reached": 5,
        "customer_reach_rate": 0.7142857142857143,
        "repeat_callers": 5,
        "repeat_caller_rate": 0.7142857142857143,
        "attempts_per_customer_p90": 3,
        "attempts_per_customer_max": 3,
        "contacts": 18,
        "useful_contacts": 16,
        "useful_voice_contacts": 7,
        "calls_per_useful_contact": 2.142857142857143,
        "escalated_contacts": 4,
        "escalation_rate": 0.2222222222222222,
        "cases": 8,
        "cases_escalated": 4,
        "case_escalation_rate": 0.5,
        "cases_reaching_level_3": 4,
        "fcr": 0.125,
        "time_to_escalation_p50_s": 100,
        "time_to_escalation_p90_s": 34179,
        "contacts_per_case": 2.25
      },
      "by_queue": {
        "support, \"EU\" Zürich": {
          "attempts": 3,
          "offered": null,
          "answered": null,
          "abandoned": null,
          "short_abandoned": null,
          "timeout": null,
          "busy": null,
          "closed": null,
          "reachability": 0.6666666666666666,
          "reachability_open_hours": null,
          "service_level": null,
          "abandonment_rate": null,
          "asa_s": null,
          "wait_p50_s": null,
          "wait_p90_s": 40,
          "wait_p99_s": null,
          "mean_time_to_abandon_s": null,
          "mean_talk_s": null,
          "anonymous_attempts": null,
          "customers": null,
          "customers_reached": null,
          "customer_reach_rate": null,
          "repeat_callers": null,
          "repeat_caller_rate": null,
          "attempts_per_customer_p90": null,
          "attempts_per_customer_max": null,
          "contacts": null,
          "useful_contacts": null,
          "useful_voice_contacts": null,
          "calls_per_useful_contact": null,
          "escalated_contacts": null,
          "escalation_rate": 1e-05,
          "cases": null,
          "cases_escalated": null,
          "case_escalation_rate": null,
          "cases_reaching_level_3": null,
          "fcr": null,
          "time_to_escalation_p50_s": null,
          "time_to_escalation_p90_s": null,
          "contacts_per_case": null
        }
      },
      "by_day": {}
    }

    """#
    #expect(JSONReportWriter.render(smallReport) == expected)
}

@Test func jsonParsesWithEveryMetricOncePerScopeInOrder() throws {
    var report = twoByTwoReport
    report.parameters.timeZone = "Odd\\Zone\u{01}\"\n"
    report.byQueue.append(NamedScope(name: "tab\there, nul\u{00} 東京", metrics: ScopeMetrics()))
    let document = try JSONReader.parse(JSONReportWriter.render(report))

    #expect(document.keys == ["parameters", "input", "overall", "by_queue", "by_day"])
    #expect(document["parameters"]?["time_zone"] == .string(report.parameters.timeZone))
    #expect(document["input"]?.keys == ["files", "bytes_read", "bytes_decoded", "calls", "contacts"])
    #expect(document["input"]?["calls"]?.keys == ["rows", "rejected"])
    #expect(document["input"]?["calls"]?["rows"] == .number("12345"))
    #expect(document["by_queue"]?.keys == report.byQueue.map(\.name))
    #expect(document["by_day"]?.keys == ["2026-11-20", "2026-11-21"])

    let metricKeys = Metric.allCases.map(\.key)
    var scopes: [(ScopeMetrics, JSONReader.Value?)] = [(report.overall, document["overall"])]
    scopes += report.byQueue.map { ($0.metrics, document["by_queue"]?[$0.name]) }
    scopes += report.byDay.map { ($0.metrics, document["by_day"]?[$0.name]) }
    for (metrics, parsed) in scopes {
        #expect(parsed?.keys == metricKeys)
        for metric in Metric.allCases {
            switch (metrics[metric], parsed?[metric.key]) {
            case (.null, .null?): break
            case (.integer(let integer), .number(let text)?): #expect(Int64(text) == integer)
            case (.real(let real), .number(let text)?): #expect(Double(text) == real)
            case (let value, let parsedValue): Issue.record("\(metric.key): \(value) became \(String(describing: parsedValue))")
            }
        }
    }
}

@Test func jsonRendersEmptyBreakdownsAsEmptyObjects() {
    let report = Report(parameters: ReportParameters(), input: InputSummary(), overall: ScopeMetrics(),
                        byQueue: [], byDay: [])
    let json = JSONReportWriter.render(report)
    #expect(json.hasSuffix("\n  },\n  \"by_queue\": {},\n  \"by_day\": {}\n}\n"))
    #expect(json.contains("\n    \"reachability\": null,\n"))
    #expect((try? JSONReader.parse(json)) != nil)
}

// MARK: - CSV

@Test func csvHasOneRowPerScopeWithQuotingAndEmptyNulls() {
    let expected = """
        scope,key,attempts,offered,answered,abandoned,short_abandoned,timeout,busy,closed,\
        reachability,reachability_open_hours,service_level,abandonment_rate,asa_s,wait_p50_s,\
        wait_p90_s,wait_p99_s,mean_time_to_abandon_s,mean_talk_s,anonymous_attempts,customers,\
        customers_reached,customer_reach_rate,repeat_callers,repeat_caller_rate,\
        attempts_per_customer_p90,attempts_per_customer_max,contacts,useful_contacts,\
        useful_voice_contacts,calls_per_useful_contact,escalated_contacts,escalation_rate,cases,\
        cases_escalated,case_escalation_rate,cases_reaching_level_3,fcr,time_to_escalation_p50_s,\
        time_to_escalation_p90_s,contacts_per_case
        overall,,15,12,6,5,2,1,1,2,0.4,0.46153846153846156,0.4,0.3,17.5,12,40,40,9.6,\
        133.33333333333334,2,7,5,0.7142857142857143,5,0.7142857142857143,3,3,18,16,7,\
        2.142857142857143,4,0.2222222222222222,8,4,0.5,4,0.125,100,34179,2.25
        queue,"support, ""EU"" Zürich",3,,,,,,,,0.6666666666666666,,,,,,40,,,,,,,,,,,,,,,,,1e-05,,,,,,,,

        """
    #expect(CSVReportWriter.render(smallReport) == expected)
}

@Test func csvListsQueuesThenDays() {
    let lines = CSVReportWriter.render(twoByTwoReport).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 7)  // header, overall, 2 queues, 2 days, and the empty string after the final "\n"
    #expect(lines.map { $0.prefix(while: { $0 != "," }) } == ["scope", "overall", "queue", "queue", "day", "day", ""])
    #expect(lines[4] == "day,2026-11-20,6,,,,,,,,0.5,,0.4,0.4,17.0,,21,,,,,3,,,,,,,,,,3.0,,,,,0.6666666666666666,,0.0,,,")
    #expect(lines[6].isEmpty)
    #expect(lines.dropLast().allSatisfy { $0.filter { $0 == "," }.count == Metric.allCases.count + 1 || $0.hasPrefix("queue,\"") })
}

// MARK: - Table

@Test func tableHeaderSummarisesParametersAndInput() {
    let lines = TableReportWriter.render(twoByTwoReport).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(Array(lines.prefix(5)) == [
        "Parameters  service level = answered within 20 s · short abandon = under 5 s · time zone UTC",
        "Input       2 files · 3.2 KiB read · 1.5 MiB decoded",
        "Calls       12,345 rows · 15 rejected",
        "Contacts    1 row · 0 rejected",
        "",
    ])
}

@Test func tableListsOverallMetricsInAlignedSections() {
    let text = TableReportWriter.render(twoByTwoReport)
    // Labels padded to the longest title (25 characters), values right-aligned to the widest (6).
    let expectedBlock = """
        Overall
          Reachability & outcomes
            Attempts                       15
            Offered (queued)               12
            Answered                        6
            Abandoned                       5
            Short abandons                  2
            Timed out                       1
            Busy                            1
            Closed (out of hours)           2
            Reachability               40.0 %
            Reachability, open hours   46.2 %
            Service level              40.0 %
            Abandonment rate           30.0 %
          Waiting
            Average speed of answer     17.5s
            Wait p50                      12s
            Wait p90                      40s
            Wait p99                      40s
            Mean time to abandon         9.6s
            Mean talk time              2m13s
          Customers
            Anonymous attempts              2
            Customers                       7
            Customers reached               5
            Customer reach rate        71.4 %
            Repeat callers                  5
            Repeat caller rate         71.4 %
            Attempts per customer p90       3
            Attempts per customer max       3
          Contacts
            Contacts                       18
            Useful contacts                16
            Useful voice contacts           7
            Calls per useful contact     2.14
            Escalated contacts              4
            Escalation rate            22.2 %
          Cases
            Cases                           8
            Cases escalated                 4
            Case escalation rate       50.0 %
            Cases reaching level 3          4
            First-contact resolution   12.5 %
            Time to escalation p50      1m40s
            Time to escalation p90      9h30m
            Contacts per case            2.25

        """
    #expect(text.contains("\n\n" + expectedBlock + "\n"))
}

@Test func tableBreaksDownByQueueAndDayWithAlignedColumns() {
    let text = TableReportWriter.render(twoByTwoReport)
    // QUEUE is as wide as its longest name (20); number columns are right-aligned
    // under headers at least as wide as their values; a null is "—".
    let byQueue = """
        By queue
          QUEUE                 ATTEMPTS   REACH      SL  ABANDON    ASA  WAIT P90  CUSTOMERS  CALLS/USEFUL     FCR  CASE ESC
          billing                  1,234  55.6 %  57.1 %   28.6 %  16.8s       40s          5          2.25  16.7 %    33.3 %
          support, "EU" Zürich         6  16.7 %   0.0 %   33.3 %  1m15s       21s          2          6.00       —   100.0 %

        """
    let byDay = """
        By day
          DAY         ATTEMPTS   REACH      SL  ABANDON    ASA  WAIT P90  CUSTOMERS  CALLS/USEFUL     FCR  CASE ESC
          2026-11-20         6  50.0 %  40.0 %   40.0 %  17.0s       21s          3          3.00   0.0 %    66.7 %
          2026-11-21         0       —       —        —      —         —          0          0.00  33.3 %     0.0 %

        """
    #expect(text.contains("\n\n" + byQueue + "\n"))
    #expect(text.contains("\n\n" + byDay + "\n"))
    #expect(text.hasSuffix("""
        · — no value
        FCR, CASE ESC: each case counts in the queue and on the day of its first contact, followed over every \
        file read (hotline history's nights see one day's contacts only)

        """))
}

@Test func tableTruncatesLongQueueNamesAndHandlesEmptyBreakdowns() throws {
    var report = twoByTwoReport
    report.byQueue = [
        NamedScope(name: "Customer Service Premium Accounts EMEA", metrics: scope([.attempts: .integer(7)])),
        NamedScope(name: "esc\u{1B}[2J", metrics: ScopeMetrics()),
    ]
    report.byDay = []
    let lines = TableReportWriter.render(report).split(separator: "\n", omittingEmptySubsequences: false)
    let byQueue = try #require(lines.firstIndex(of: "By queue"))
    #expect(lines[byQueue + 1] == "  QUEUE                     ATTEMPTS  REACH  SL  ABANDON  ASA  WAIT P90  CUSTOMERS  CALLS/USEFUL  FCR  CASE ESC")
    #expect(lines[byQueue + 2] == "  Customer Service Premiu…         7      —   —        —    —         —          —             —    —         —")
    #expect(lines[byQueue + 3].hasPrefix("  esc\u{FFFD}[2J    "))
    #expect(lines[byQueue + 2].count == lines[byQueue + 1].count)
    let byDay = try #require(lines.firstIndex(of: "By day"))
    #expect(lines[byDay + 1] == "  (none)")
}

// MARK: - A strict JSON reader for the tests

/// Just enough of RFC 8259 to prove that the writer's output parses — objects
/// (keys kept in order), strings with every escape, numbers per the grammar,
/// `null` — and anything else, including trailing text, is an error.
private struct JSONReader {
    indirect enum Value: Equatable {
        case object([(key: String, value: Value)])
        case string(String)
        case number(String)
        case null

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.object(let left), .object(let right)):
                left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            case (.string(let left), .string(let right)): left == right
            case (.number(let left), .number(let right)): left == right
            case (.null, .null): true
            default: false
            }
        }

        var keys: [String]? {
            if case .object(let members) = self { members.map(\.key) } else { nil }
        }

        subscript(key: String) -> Value? {
            if case .object(let members) = self { members.first { $0.key == key }?.value } else { nil }
        }
    }

    struct SyntaxError: Error {
        var offset: Int
    }

    private let scalars: [Unicode.Scalar]
    private var offset = 0

    static func parse(_ text: String) throws -> Value {
        var reader = JSONReader(scalars: Array(text.unicodeScalars))
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.offset == reader.scalars.count else { throw SyntaxError(offset: reader.offset) }
        return value
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var next: Unicode.Scalar? { offset < scalars.count ? scalars[offset] : nil }

    private mutating func skipWhitespace() {
        while let scalar = next, [" ", "\t", "\n", "\r"].contains(scalar) { offset += 1 }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws {
        guard next == scalar else { throw SyntaxError(offset: offset) }
        offset += 1
    }

    private mutating func value() throws -> Value {
        skipWhitespace()
        switch next {
        case "{": return try object()
        case "\"": return .string(try string())
        case "n":
            for scalar in "null".unicodeScalars { try expect(scalar) }
            return .null
        default: return .number(try number())
        }
    }

    private mutating func object() throws -> Value {
        try expect("{")
        var members: [(key: String, value: Value)] = []
        skipWhitespace()
        if next == "}" {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let key = try string()
            skipWhitespace()
            try expect(":")
            members.append((key, try value()))
            skipWhitespace()
            if next == "}" {
                offset += 1
                return .object(members)
            }
            try expect(",")
        }
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var text = String.UnicodeScalarView()
        while let scalar = next {
            offset += 1
            switch scalar {
            case "\"":
                return String(text)
            case "\\":
                guard let escaped = next else { throw SyntaxError(offset: offset) }
                offset += 1
                switch escaped {
                case "\"", "\\", "/": text.append(escaped)
                case "b": text.append("\u{08}")
                case "f": text.append("\u{0C}")
                case "n": text.append("\n")
                case "r": text.append("\r")
                case "t": text.append("\t")
                case "u":
                    guard offset + 4 <= scalars.count,
                          let code = UInt32(String(String.UnicodeScalarView(scalars[offset..<offset + 4])), radix: 16),
                          let decoded = Unicode.Scalar(code)
                    else { throw SyntaxError(offset: offset) }
                    offset += 4
                    text.append(decoded)
                default: throw SyntaxError(offset: offset)
                }
            case "\u{00}"..."\u{1F}":
                throw SyntaxError(offset: offset)
            default:
                text.append(scalar)
            }
        }
        throw SyntaxError(offset: offset)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws -> String {
        let start = offset
        func digits(_ reader: inout JSONReader) throws -> Int {
            let first = reader.offset
            while let scalar = reader.next, ("0"..."9").contains(scalar) { reader.offset += 1 }
            guard reader.offset > first else { throw SyntaxError(offset: reader.offset) }
            return reader.offset - first
        }
        if next == "-" { offset += 1 }
        let leadingZero = next == "0"
        let integerDigits = try digits(&self)
        guard !leadingZero || integerDigits == 1 else { throw SyntaxError(offset: start) }
        if next == "." {
            offset += 1
            _ = try digits(&self)
        }
        if next == "e" || next == "E" {
            offset += 1
            if next == "+" || next == "-" { offset += 1 }
            _ = try digits(&self)
        }
        return String(String.UnicodeScalarView(scalars[start..<offset]))
    }
}
