import Foundation
import HotlineCore
import Testing

/// `docs/metrics.md` is the user's reference for the JSON report: every key
/// the report can contain must be defined there, and every key defined there
/// must exist, so that the page and the tool cannot drift apart.
///
/// The page's convention, which these tests read: a key is defined by a
/// Markdown table row whose first cell holds it in backticks. Keys are written
/// as paths from the top of the document (`input.calls.rows`), with `*` for a
/// key that is data (a queue, a day, an hour, a service) and `[]` for the
/// elements of an array; metric keys, which every scope object repeats, are
/// written bare in the tables of the page's "Metrics" section.
@Suite struct MetricDocumentationTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let page = repository.appendingPathComponent("docs/metrics.md").path

    /// Objects whose keys are data, not names the report chooses.
    private static let dataKeyedObjects: Set<String> = ["by_queue", "by_day", "by_hour", "sla.services"]
    /// Objects that hold one value per metric.
    private static let scopeObjects: Set<String> = ["overall", "by_queue.*", "by_day.*", "by_hour.*"]

    /// A key found in a report: its path, and the path of the object holding it.
    private struct KeyPath: Hashable {
        var parent: String
        var key: String
        var path: String { parent.isEmpty ? key : parent + "." + key }
    }

    /// Reports that together hold every section the JSON can have: a detailed
    /// report with an SLA catalogue, a report on switch logs (`switch_logs`,
    /// `not_recorded`) and a nightly `report.json` (`input.day`).
    private static func reports() throws -> [[String: Any]] {
        let sla = Support.fixture("sla")
        let detailed = try Support.hotline(["report", "-q", "--format", "json", "--detailed",
                                            "--sla", sla + "/catalogue.yaml", sla + "/calls.csv", sla + "/contacts.csv"])
        let switchLogs = try Support.hotline(["report", "-q", "--format", "json",
                                              Support.fixture("asterisk/queue_log/freepbx-2010-q9000.queue_log"),
                                              Support.fixture("asterisk/cdr/Master-pstn-2024-21col.csv")])
        let directory = try Support.scratchDirectory()
        let nightly = try Support.hotline(["nightly", "--quiet", "--date", "2026-11-16", "--calls", sla + "/calls.csv",
                                           "--contacts", sla + "/contacts.csv", "--db", directory + "/history.sqlite",
                                           "--out", directory + "/out"])
        for run in [detailed, switchLogs, nightly] {
            #expect(run.status == 0, "\(run.standardError)")
        }
        return [
            try #require(try Support.json(detailed.standardOutput) as? [String: Any]),
            try #require(try Support.json(switchLogs.standardOutput) as? [String: Any]),
            try #require(try Support.json(file: directory + "/out/report.json") as? [String: Any]),
        ]
    }

    /// Every key of `value`, at every depth, under `parent`.
    private static func keyPaths(of value: Any, under parent: String, into paths: inout Set<KeyPath>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                if dataKeyedObjects.contains(parent) {
                    keyPaths(of: child, under: parent + ".*", into: &paths)
                } else {
                    let keyPath = KeyPath(parent: parent, key: key)
                    paths.insert(keyPath)
                    keyPaths(of: child, under: keyPath.path, into: &paths)
                }
            }
        } else if let array = value as? [Any] {
            for element in array { keyPaths(of: element, under: parent + "[]", into: &paths) }
        }
    }

    private static func reportKeyPaths() throws -> Set<KeyPath> {
        var paths: Set<KeyPath> = []
        for report in try reports() { keyPaths(of: report, under: "", into: &paths) }
        return paths
    }

    /// The backticked names in the first cell of each table row of the page,
    /// those of the "Metrics" section apart.
    private static func definitions() throws -> (keys: Set<String>, metrics: Set<String>) {
        let text = try String(contentsOfFile: page, encoding: .utf8)
        var keys: Set<String> = [], metrics: Set<String> = []
        var inMetricsSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inMetricsSection = line == "## Metrics" }
            guard line.hasPrefix("|"), let firstCell = line.dropFirst().split(separator: "|").first else { continue }
            let names = firstCell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            if inMetricsSection { metrics.formUnion(names) } else { keys.formUnion(names) }
        }
        return (keys, metrics)
    }

    @Test func everyKeyAReportCanHoldIsDefined() throws {
        let definitions = try Self.definitions()
        let paths = try Self.reportKeyPaths()
        #expect(paths.contains(KeyPath(parent: "input.day", key: "calls_outside")))
        #expect(paths.contains(KeyPath(parent: "input.switch_logs", key: "cdr_rows")))
        #expect(paths.contains(KeyPath(parent: "sla.services.*.commitments[].periods[]", key: "margin")))
        #expect(paths.contains(KeyPath(parent: "by_hour.*", key: "fcr")))
        #expect(paths.contains(KeyPath(parent: "distributions.escalation_paths[]", key: "to_level")))
        let inScopes = paths.filter { Self.scopeObjects.contains($0.parent) }
        for metric in Set(inScopes.map(\.key)).subtracting(definitions.metrics).sorted() {
            Issue.record("metric '\(metric)' of the report's scopes is not defined in docs/metrics.md's Metrics section")
        }
        for key in Set(paths.subtracting(inScopes).map(\.path)).subtracting(definitions.keys).sorted() {
            Issue.record("report key '\(key)' is not defined in docs/metrics.md (a table row whose first cell is `\(key)`)")
        }
    }

    @Test func everyMetricIsDefinedAndNothingElseIsCalledOne() throws {
        let defined = try Self.definitions().metrics
        let metrics = Set(Metric.allCases.map(\.key))
        for metric in metrics.subtracting(defined).sorted() {
            Issue.record("metric '\(metric)' is not defined in docs/metrics.md's Metrics section")
        }
        for name in defined.subtracting(metrics).sorted() {
            Issue.record("docs/metrics.md defines '\(name)' as a metric, which no report has")
        }
    }

    @Test func everyKeyThePageDefinesIsOneAReportHolds() throws {
        let paths = Set(try Self.reportKeyPaths().map(\.path))
        let sections = Set(paths.filter { !$0.contains(".") })
        #expect(sections == ["parameters", "input", "overall", "by_queue", "by_day", "by_hour", "distributions", "sla"])
        let documented = try Self.definitions().keys.filter { name in
            sections.contains(String(name.prefix { $0 != "." && $0 != "[" }))
        }
        for name in documented.subtracting(paths).sorted() {
            Issue.record("docs/metrics.md defines '\(name)', which no report holds")
        }
    }

    /// The example a reader copies from `docs/formats.md` is the one the
    /// worked example computes: the page's two `csv` blocks are the files.
    @Test func theFormatsPageShowsTheExampleFiles() throws {
        let text = try String(contentsOfFile: Self.repository.appendingPathComponent("docs/formats.md").path, encoding: .utf8)
        let blocks = text.components(separatedBy: "```csv\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let examples = Self.repository.appendingPathComponent("docs/examples")
        let files = try ["calls.csv", "contacts.csv"].map {
            try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(blocks == files)
    }

    /// `hotline --help` sends users to the two reference pages, and they are where it says.
    @Test func helpNamesTheReferencePages() throws {
        let help = try Support.hotline(["--help"])
        #expect(help.status == 0)
        for page in ["docs/formats.md", "docs/metrics.md"] {
            #expect(help.standardOutput.contains(page), "\(page)")
            #expect(FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(page).path), "\(page)")
        }
    }

    /// The worked example's `overall` object, as the page shows it after its
    /// `<!-- worked-example-overall -->` marker, is what the tool prints for
    /// the example files of `docs/examples/`.
    @Test func theWorkedExampleIsWhatTheToolPrints() throws {
        let text = try String(contentsOfFile: Self.page, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- worked-example-overall -->\n```json\n"))
        let end = try #require(text.range(of: "```", range: marker.upperBound..<text.endIndex))
        let shown = try Support.json(String(text[marker.upperBound..<end.lowerBound]))
        let examples = Self.repository.appendingPathComponent("docs/examples").path
        let run = try Support.hotline(["report", "--format", "json", examples + "/calls.csv", examples + "/contacts.csv"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let input = try #require(report["input"] as? [String: Any])
        #expect((input["calls"] as? [String: Any])?["rows"] as? Int == 8)
        #expect((input["contacts"] as? [String: Any])?["rows"] as? Int == 6)
        #expect(Support.differences(report["overall"] as Any, shown) == [])
    }
}
