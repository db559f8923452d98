import Foundation
import HotlineCore
import Testing

/// `docs/metrics.md` is the user's reference for the JSON the tool writes:
/// every key a report (or `hotline history --format json`) can contain must
/// be defined there, and every key defined there must exist, so that the page
/// and the tool cannot drift apart.
///
/// The page's convention, which these tests read: a key is defined by a
/// Markdown table row whose first cell holds it in backticks. Keys are written
/// as paths from the top of their document (`input.calls.rows`), with `*` for
/// a key that is data (a queue, a day, an hour, a service) and `[]` for the
/// elements of an array; metric keys, which every scope object repeats, are
/// written bare in the tables of the page's "Metrics" section, and the keys
/// of the history document in its own section.
@Suite struct MetricDocumentationTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let page = repository.appendingPathComponent("docs/metrics.md").path
    private static let metricsSection = "Metrics"
    private static let historySection = "`hotline history --format json`"

    /// Objects whose keys are data, not names the report chooses.
    private static let dataKeyedObjects: Set<String> = ["by_queue", "by_day", "by_hour", "sla.services"]
    /// Objects that hold one value per metric.
    private static let scopeObjects: Set<String> = ["overall", "by_queue.*", "by_day.*", "by_hour.*", "days[].metrics"]

    /// A key found in a document: the path of the object holding it, and the key.
    private struct KeyPath: Hashable {
        var parent: String
        var key: String
        var path: String { parent.isEmpty ? key : parent + "." + key }
    }

    /// The keys of the documents the tool writes, metric keys apart.
    private struct RenderedKeys {
        /// Keys of reports that together hold every section a report can
        /// have: a detailed report with an SLA catalogue, a report on switch
        /// logs (`switch_logs`, `not_recorded`), a nightly `report.json` (`input.day`).
        var report: Set<String> = []
        /// Keys of `hotline history --format json` on that night's database.
        var history: Set<String> = []
        /// Keys of the objects that hold one value per metric, in either document.
        var metrics: Set<String> = []
    }

    private static func render() throws -> RenderedKeys {
        let sla = Support.fixture("sla")
        let detailed = try Support.hotline(["report", "-q", "--format", "json", "--detailed",
                                            "--sla", sla + "/catalogue.yaml", sla + "/calls.csv", sla + "/contacts.csv"])
        let switchLogs = try Support.hotline(["report", "-q", "--format", "json",
                                              Support.fixture("asterisk/queue_log/freepbx-2010-q9000.queue_log"),
                                              Support.fixture("asterisk/cdr/Master-pstn-2024-21col.csv")])
        let directory = try Support.scratchDirectory()
        let database = directory + "/history.sqlite"
        let nightly = try Support.hotline(["nightly", "--quiet", "--date", "2026-11-16", "--calls", sla + "/calls.csv",
                                           "--contacts", sla + "/contacts.csv", "--db", database, "--out", directory + "/out"])
        let history = try Support.hotline(["history", "--db", database, "--from", "2026-11-16", "--format", "json"])
        for run in [detailed, switchLogs, nightly, history] {
            #expect(run.status == 0, "\(run.standardError)")
        }
        var reportPaths: Set<KeyPath> = [], historyPaths: Set<KeyPath> = []
        for document in [try Support.json(detailed.standardOutput), try Support.json(switchLogs.standardOutput),
                         try Support.json(file: directory + "/out/report.json")] {
            keyPaths(of: document, under: "", into: &reportPaths)
        }
        keyPaths(of: try Support.json(history.standardOutput), under: "", into: &historyPaths)
        let inScopes = reportPaths.union(historyPaths).filter { scopeObjects.contains($0.parent) }
        return RenderedKeys(report: Set(reportPaths.subtracting(inScopes).map(\.path)),
                            history: Set(historyPaths.subtracting(inScopes).map(\.path)),
                            metrics: Set(inScopes.map(\.key)))
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

    /// The backticked names in the first cell of each table row of the page,
    /// by the title of the `## ` section they are in.
    private static func definitions() throws -> [String: Set<String>] {
        var sections: [String: Set<String>] = [:]
        var section = ""
        for line in try String(contentsOfFile: page, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
            guard line.hasPrefix("|"), let firstCell = line.dropFirst().split(separator: "|").first else { continue }
            let names = firstCell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            sections[section, default: []].formUnion(names)
        }
        return sections
    }

    /// The names defined in every section but the metrics' and the history's.
    private static func reportDefinitions(_ sections: [String: Set<String>]) -> Set<String> {
        sections.filter { $0.key != metricsSection && $0.key != historySection }.values.reduce([]) { $0.union($1) }
    }

    @Test func everyKeyAReportCanHoldIsDefined() throws {
        let sections = try Self.definitions()
        let rendered = try Self.render()
        for key in ["input.day.calls_outside", "input.switch_logs.cdr_rows", "sla.services.*.commitments[].periods[].margin",
                    "distributions.escalation_paths[].to_level", "by_hour"] {
            #expect(rendered.report.contains(key), "the reports rendered lack \(key)")
        }
        for metric in rendered.metrics.subtracting(sections[Self.metricsSection] ?? []).sorted() {
            Issue.record("metric '\(metric)' of the report's scopes is not defined in docs/metrics.md's Metrics section")
        }
        for key in rendered.report.subtracting(Self.reportDefinitions(sections)).sorted() {
            Issue.record("report key '\(key)' is not defined in docs/metrics.md (a table row whose first cell is `\(key)`)")
        }
    }

    @Test func everyMetricIsDefinedAndNothingElseIsCalledOne() throws {
        let defined = try Self.definitions()[Self.metricsSection] ?? []
        let metrics = Set(Metric.allCases.map(\.key))
        for metric in metrics.subtracting(defined).sorted() {
            Issue.record("metric '\(metric)' is not defined in docs/metrics.md's Metrics section")
        }
        for name in defined.subtracting(metrics).sorted() {
            Issue.record("docs/metrics.md defines '\(name)' as a metric, which no report has")
        }
    }

    @Test func everyKeyThePageDefinesIsOneAReportHolds() throws {
        let rendered = try Self.render()
        let topLevel = Set(rendered.report.filter { !$0.contains(".") })
        #expect(topLevel == ["parameters", "input", "overall", "by_queue", "by_day", "by_hour", "distributions", "sla"])
        let documented = Self.reportDefinitions(try Self.definitions()).filter { name in
            topLevel.contains(String(name.prefix { $0 != "." && $0 != "[" }))
        }
        for name in documented.subtracting(rendered.report).sorted() {
            Issue.record("docs/metrics.md defines '\(name)', which no report holds")
        }
    }

    @Test func theHistoryDocumentIsDefinedKeyForKey() throws {
        let defined = try Self.definitions()[Self.historySection] ?? []
        let rendered = try Self.render().history
        for key in rendered.subtracting(defined).sorted() {
            Issue.record("history key '\(key)' is not defined in docs/metrics.md's history section")
        }
        for key in defined.subtracting(rendered).sorted() {
            Issue.record("docs/metrics.md defines '\(key)' for the history, which it does not hold")
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
