import Foundation
import HotlineCore
import HotlineHistory
import HotlineInput
import Testing

/// `hotline nightly` through the built binary, on the bundled sample week
/// (2026-11-02 to 2026-11-08): what it stores, that a day run twice is
/// replaced and never doubled, that a job killed at any moment leaves the
/// previous state, and that a second job on the same database waits its turn.
@Suite struct NightlyCommandLineTests {
    private static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("datasets/sample").path
    private static let calls = sample + "/calls*.csv.zst"
    private static let contacts = sample + "/contacts*.csv.zst"

    private static func nightly(_ day: String, db: String, out: String? = nil, calls: String = calls,
                                contacts: String = contacts, extra: [String] = []) throws -> Support.ProcessResult {
        try Support.hotline(["nightly", "--date", day, "--calls", calls, "--contacts", contacts, "--db", db, "--threads", "2"]
                            + (out.map { ["--out", $0] } ?? []) + extra)
    }

    /// The whole sample's report: its `by_day` scopes are what each night must store for call and contact rows.
    private static func wholeWeek(zone: String = "UTC") throws -> [String: Any] {
        let run = try Support.hotline(["report", "--format", "json", "--tz", zone, "--calls", sample + "/calls.csv.zst",
                                       "--contacts", sample + "/contacts.csv.zst"])
        return try #require(try Support.json(run.standardOutput) as? [String: Any])
    }

    @Test func aDayWithoutRowsIsNotStoredAndExitsSix() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", out = directory + "/out"
        let stored = try Self.nightly("2026-11-03", db: db)
        #expect(stored.status == 0)
        let empty = try Self.nightly("2026-12-25", db: db, out: out)
        #expect(empty.status == 6)
        #expect(empty.standardOutput.isEmpty)
        #expect(empty.standardError == "hotline: error: 2026-12-25: no row of this day in the inputs (8,313 rows of "
                + "other days, 0 lines rejected); nothing stored in \(db): check --date, --tz and the patterns\n")
        let store = try HistoryStore(path: db, access: .readOnly)
        #expect(try store.nights().map(\.day) == ["2026-11-03"])
        #expect(!FileManager.default.fileExists(atPath: out + "/report.json"))
    }

    @Test func aNightStoresTheDayItsHoursItsInputsAndItsFiles() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", out = directory + "/out"
        let run = try Self.nightly("2026-11-03", db: db, out: out,
                                   extra: ["--sla", Self.sample + "/../sla-catalogue.yaml"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("2026-11-03 stored in \(db): "))

        let report = try #require(try Support.json(file: out + "/report.json") as? [String: Any])
        let byDay = try #require(report["by_day"] as? [String: Any])
        #expect(Array(byDay.keys) == ["2026-11-03"])
        let week = try #require(try Self.wholeWeek()["by_day"] as? [String: [String: Any]])
        let overall = try #require(report["overall"] as? [String: Any])
        for metric in ["attempts", "offered", "answered", "service_level", "customers", "contacts", "useful_voice_contacts"] {
            #expect(Support.differences(overall[metric] as Any, week["2026-11-03"]![metric] as Any).isEmpty, "\(metric)")
        }
        let input = try #require(report["input"] as? [String: Any])
        let day = try #require(input["day"] as? [String: Any])
        let calls = try #require(input["calls"] as? [String: Any])
        #expect((calls["rows"] as? Int ?? 0) + (day["calls_outside"] as? Int ?? 0) == 5_000)
        let byHour = try #require(report["by_hour"] as? [String: [String: Any]])
        #expect(byHour.values.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) } == overall["attempts"] as? Int)
        for file in ["report.html", "rejects.tsv", "sla.csv"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"), "\(file)")
        }

        let store = try HistoryStore(path: db, access: .readOnly)
        let rows = try store.metricRows(on: "2026-11-03")
        let scopes = 1 + (report["by_queue"] as? [String: Any] ?? [:]).count + byHour.count
        #expect(rows.count == scopes * Metric.allCases.count)
        #expect(rows.first { $0.scope == .overall && $0.metric == .attempts }?.value == .integer(Int64(overall["attempts"] as! Int)))
        let inputs = try store.inputs(on: "2026-11-03")
        #expect(inputs.map(\.format) == ["calls", "contacts"])
        #expect(inputs.map(\.rows) == [5_000, 3_313])
        var stored = XXHash64()
        try Support.read(Self.sample + "/calls.csv.zst").withUnsafeBytes { stored.update($0) }
        #expect(inputs[0].checksum == stored.hexDigest)
        #expect(!(try store.slaOutcomes(on: "2026-11-03")).isEmpty)
    }

    /// `report --detailed` is the standard report plus `by_hour` and `distributions`, each adding up to it.
    @Test func aDetailedReportAddsHoursAndDistributionsToTheSameReport() throws {
        let files = ["--calls", Self.sample + "/calls.csv.zst", "--contacts", Self.sample + "/contacts.csv.zst"]
        let detailed = try #require(
            try Support.json(try Support.hotline(["report", "--detailed", "--format", "json"] + files).standardOutput)
                as? [String: Any])
        let standard = try Self.wholeWeek()
        #expect(Set(detailed.keys) == Set(standard.keys).union(["by_hour", "distributions"]))
        for key in standard.keys {
            #expect(Support.differences(detailed[key] as Any, standard[key] as Any).isEmpty, "\(key)")
        }
        let overall = try #require((standard["overall"] as? [String: Any])?.compactMapValues { $0 as? Int })
        let hours = try #require(detailed["by_hour"] as? [String: [String: Any]])
        #expect(hours.count == 24)
        for metric in ["attempts", "answered", "contacts", "cases"] {
            #expect(hours.values.reduce(0) { $0 + ($1[metric] as? Int ?? 0) } == overall[metric], "\(metric)")
        }
        let distributions = try #require(detailed["distributions"] as? [String: [[String: Int]]])
        #expect(distributions["answered_wait_s"]?.reduce(0) { $0 + $1["calls"]! } == overall["answered"])
        #expect(distributions["escalation_paths"]?.reduce(0) { $0 + $1["cases"]! } == overall["cases"])
        #expect(distributions["customer_effort"]?.filter { $0["attempts"]! > 0 }.reduce(0) { $0 + $1["customers"]! }
                == overall["customers"])
    }

    @Test func runningADayAgainReplacesItAndNeverDoublesIt() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite"
        for day in ["2026-11-04", "2026-11-05"] {
            #expect(try Self.nightly(day, db: db).status == 0)
        }
        let store = try HistoryStore(path: db, access: .readOnly)
        let first = try store.metricRows(on: "2026-11-05")
        #expect(try Self.nightly("2026-11-05", db: db, extra: ["--sl-threshold", "30"]).status == 0)
        #expect(try Self.nightly("2026-11-05", db: db).status == 0)
        #expect(try store.metricRows(on: "2026-11-05") == first)
        #expect(try store.nights().map(\.day) == ["2026-11-04", "2026-11-05"])

        let history = try Support.hotline(["history", "--db", db, "--format", "csv", "--metric", "attempts"])
        let attempts = try #require(try Self.wholeWeek()["by_day"] as? [String: [String: Any]])
        #expect(history.standardOutput == "day,attempts\n2026-11-04,\(attempts["2026-11-04"]!["attempts"]!)\n"
                + "2026-11-05,\(attempts["2026-11-05"]!["attempts"]!)\n")
    }

    /// A run is killed at moments spread over its whole length (reading,
    /// storing, writing files). After each kill the database still opens and
    /// holds exactly the night stored before or exactly the new one, and each
    /// report file is the old one or the new one, whole.
    @Test func aJobKilledAtAnyMomentLeavesTheLastGoodState() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite", out = directory + "/out", big = directory + "/big"
        #expect(try Support.hotline(["generate", "--calls", "120000", "--days", "1", "--start-day", "2026-11-03",
                                     "--seed", "7", "--zstd", "--out", big]).status == 0)
        #expect(try Self.nightly("2026-11-03", db: db, out: out).status == 0)
        let store = try HistoryStore(path: db, access: .readOnly)
        let before = try store.metricRows(on: "2026-11-03")
        let reportBefore = try String(contentsOfFile: out + "/report.json", encoding: .utf8)

        let started = Date()
        #expect(try Self.nightly("2026-11-03", db: db, out: out, calls: big + "/calls.csv.zst",
                                 contacts: big + "/contacts.csv.zst").status == 0)
        let fullRun = Date().timeIntervalSince(started)
        let after = try store.metricRows(on: "2026-11-03")
        let reportAfter = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(after != before)

        for step in 0..<8 {
            // Alternate the inputs, so that the killed job would change the stored night either way.
            let (source, target) = step.isMultiple(of: 2)
                ? ((Self.calls, Self.contacts), before) : ((big + "/calls.csv.zst", big + "/contacts.csv.zst"), after)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Support.hotlineExecutable)
            process.arguments = ["nightly", "--date", "2026-11-03", "--calls", source.0, "--contacts", source.1, "--db", db,
                                 "--out", out, "-q"]
            let current = try store.metricRows(on: "2026-11-03")
            try process.run()
            Thread.sleep(forTimeInterval: fullRun * Double(step + 1) / 9)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let stored = try store.metricRows(on: "2026-11-03")
            #expect(stored == current || stored == target, "kill \(step)")
            let report = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
            #expect(report == reportBefore || report == reportAfter, "kill \(step)")
            #expect(try store.nights().count == 1)
        }
    }

    @Test func aSecondJobWaitsForTheFirstThenGivesUpClearly() throws {
        let directory = try Support.scratchDirectory()
        let db = directory + "/history.sqlite"
        let held = try JobLock(path: db + ".lock", timeoutSeconds: 0)
        let run = try Self.nightly("2026-11-03", db: db, extra: ["--lock-timeout", "1"])
        #expect(run.status == 4)
        #expect(run.standardError.contains("\(db).lock: another job holds this lock (waited 1 s)"))
        #expect(!FileManager.default.fileExists(atPath: db))
        withExtendedLifetime(held) {}
    }

    @Test func inputsThatMatchNothingAreAnError() throws {
        let directory = try Support.scratchDirectory()
        let run = try Self.nightly("2026-11-03", db: directory + "/history.sqlite", calls: directory + "/calls-*.csv")
        #expect(run.status == 1)
        #expect(run.standardError.contains("\(directory)/calls-*.csv: no file matches this pattern"))
        let badDay = try Self.nightly("2026-02-30", db: directory + "/history.sqlite")
        #expect(badDay.status == 2)
    }

    /// Paris moves its clocks forward on 29 March 2026: that local day has 23
    /// hours and no 02:00 hour, and its rows are those of the whole report's
    /// `by_day` in the same zone.
    @Test func aDaylightSavingDayHasItsOwnHours() throws {
        let directory = try Support.scratchDirectory()
        let data = directory + "/march"
        #expect(try Support.hotline(["generate", "--calls", "6000", "--days", "3", "--start-day", "2026-03-28",
                                     "--zstd", "--out", data]).status == 0)
        let run = try Self.nightly("2026-03-29", db: directory + "/history.sqlite", out: directory + "/out",
                                   calls: data + "/calls.csv.zst", contacts: data + "/contacts.csv.zst",
                                   extra: ["--tz", "Europe/Paris"])
        #expect(run.status == 0, "\(run.standardError)")
        let report = try #require(try Support.json(file: directory + "/out/report.json") as? [String: Any])
        let hours = try #require(report["by_hour"] as? [String: Any])
        #expect(hours["02"] == nil)
        #expect(hours.count <= 23)
        let whole = try Support.hotline(["report", "--format", "json", "--tz", "Europe/Paris", "--calls", data + "/calls.csv.zst",
                                         "--contacts", data + "/contacts.csv.zst"])
        let byDay = try #require((try Support.json(whole.standardOutput) as? [String: Any])?["by_day"] as? [String: [String: Any]])
        let overall = try #require(report["overall"] as? [String: Any])
        #expect(overall["attempts"] as? Int == byDay["2026-03-29"]?["attempts"] as? Int)
    }
}
