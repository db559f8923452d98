import Foundation
import HotlineCore
import HotlineHistory
import Testing

/// `hotline history` through the built binary, on a history file the test
/// writes with `HistoryStore`: the three formats, the filters, and the exit
/// statuses scripts rely on.
@Suite struct HistoryCommandLineTests {
    /// Three nights; `orders` has no traffic on the 19th.
    private func database() throws -> String {
        let path = try Support.scratchDirectory() + "/history.sqlite"
        let store = try HistoryStore(path: path)
        for (day, offered, answered, queues) in [
            ("2026-11-18", Int64(120), Int64(96), [("billing", Int64(80)), ("orders", Int64(40))]),
            ("2026-11-19", 90, 81, [("billing", 90)]),
            ("2026-11-20", 150, 105, [("billing", 100), ("orders", 50)]),
        ] {
            let report = Report(
                parameters: ReportParameters(), input: InputSummary(files: 2),
                overall: scope(offered: offered, answered: answered),
                byQueue: queues.map { NamedScope(name: $0.0, metrics: scope(offered: $0.1, answered: $0.1 / 2)) },
                byDay: [])
            try store.record(NightlyRecord(day: day, report: report, inputs: [], computedAt: day + "T23:00:00Z",
                                           hotlineVersion: "0.1.0"))
        }
        return path
    }

    private func scope(offered: Int64, answered: Int64) -> ScopeMetrics {
        var metrics = ScopeMetrics()
        metrics[.offered] = .integer(offered)
        metrics[.answered] = .integer(answered)
        metrics[.reachability] = .ratio(answered, offered + 10)
        metrics[.serviceLevel] = .ratio(answered * 3 / 4, offered)
        metrics[.abandonmentRate] = .ratio(offered - answered, offered)
        metrics[.asaSeconds] = .real(Double(offered) / 4)
        metrics[.callsPerUsefulContact] = .ratio(offered + 10, answered / 2)
        metrics[.fcr] = .real(0.625)
        return metrics
    }

    @Test func tableShowsTheHeadlineMetricsOneNightPerLine() throws {
        let path = try database()
        let run = try Support.hotline(["history", "--db", path])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(run.standardOutput == """
            History of \(path) · overall · 3 nights
              DAY         OFFERED  ANSWERED   REACH      SL  ABANDON    ASA  CALLS/USEFUL  CASE ESC     FCR
              2026-11-18      120        96  73.8 %  60.0 %   20.0 %  30.0s          2.71         —  62.5 %
              2026-11-19       90        81  81.0 %  66.7 %   10.0 %  22.5s          2.50         —  62.5 %
              2026-11-20      150       105  65.6 %  52.0 %   30.0 %  37.5s          3.08         —  62.5 %

            REACH reachability · SL service level · ABANDON abandonment rate (short abandons excluded)
            ASA average speed of answer · CALLS/USEFUL calls per useful voice contact
            FCR first-contact resolution · CASE ESC case escalation rate · — no value
            Case columns: the cases of that night's contacts only, a case continued from an earlier night counted \
            afresh (hotline report over several days follows it from its first contact: docs/history.md)

            """)
    }

    @Test func theLegendExplainsOnlyTheColumnsShown() throws {
        let path = try database()
        let calls = try Support.hotline(["history", "--db", path, "--metric", "offered", "--metric", "service_level"])
        #expect(calls.status == 0)
        #expect(calls.standardOutput.hasSuffix("  2026-11-20      150  52.0 %\n\nSL service level · — no value\n"))
        let cases = try Support.hotline(["history", "--db", path, "--metric", "fcr", "--metric", "answered"])
        #expect(cases.standardOutput.hasSuffix("""
            FCR first-contact resolution · — no value
            Case columns: the cases of that night's contacts only, a case continued from an earlier night counted \
            afresh (hotline report over several days follows it from its first contact: docs/history.md)

            """))
    }

    @Test func aQueueThatNoNightHasIsAnErrorThatNamesTheStoredQueues() throws {
        let path = try database()
        let unknown = try Support.hotline(["history", "--db", path, "--queue", "nosuch"])
        #expect(unknown.status == 1)
        #expect(unknown.standardOutput.isEmpty)
        #expect(unknown.standardError == "hotline: error: \(path): no stored night has queue 'nosuch'; stored queues: billing, orders\n")
        let typo = try Support.hotline(["history", "--db", path, "--queue", "order", "--format", "csv"])
        #expect(typo.status == 1)
        #expect(typo.standardError == "hotline: error: \(path): no stored night has queue 'order' (did you mean 'orders'?); "
                + "stored queues: billing, orders\n")
    }

    @Test func aQueueARangeAndChosenMetricsAsCSV() throws {
        let path = try database()
        let run = try Support.hotline(["history", "--db", path, "--queue", "orders", "--from", "2026-11-19",
                                       "--metric", "answered", "--metric", "asa_s", "--metric", "case_escalation_rate",
                                       "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            day,answered,asa_s,case_escalation_rate
            2026-11-19,,,
            2026-11-20,25,12.5,

            """)
    }

    @Test func jsonKeepsIntegersRealsAndNulls() throws {
        let path = try database()
        let run = try Support.hotline(["history", "--db", path, "--to", "2026-11-18", "--metric", "offered",
                                       "--metric", "reachability", "--metric", "fcr", "--metric", "cases", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.standardOutput == """
            {
              "db": "\(path)",
              "scope": {
                "kind": "overall",
                "key": ""
              },
              "from": null,
              "to": "2026-11-18",
              "days": [
                {
                  "day": "2026-11-18",
                  "metrics": {
                    "offered": 120,
                    "reachability": 0.7384615384615385,
                    "fcr": 0.625,
                    "cases": null
                  }
                }
              ]
            }

            """)
    }

    @Test func anEmptyRangeGivesTheHeaderOnly() throws {
        let path = try database()
        let range = ["--from", "2026-12-01", "--to", "2026-12-31"]
        let table = try Support.hotline(["history", "--db", path] + range)
        #expect(table.status == 0)
        #expect(table.standardOutput == "History of \(path) · overall\n  no nights stored between 2026-12-01 and 2026-12-31\n")
        let csv = try Support.hotline(["history", "--db", path, "--format", "csv", "--metric", "fcr"] + range)
        #expect(csv.standardOutput == "day,fcr\n")
        let json = try Support.json(try Support.hotline(["history", "--db", path, "--format", "json"] + range).standardOutput)
        #expect((json as? [String: Any])?["days"] as? [Any] != nil)
        #expect(((json as? [String: Any])?["days"] as? [Any])?.isEmpty == true)
    }

    @Test func aMissingDatabaseIsAnErrorAndIsNotCreated() throws {
        let path = try Support.scratchDirectory() + "/missing.sqlite"
        let run = try Support.hotline(["history", "--db", path])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "hotline: error: \(path): no such history database (hotline nightly --db creates it)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotAHistoryIsAnError() throws {
        let path = Support.fixture("tiny/calls.csv")
        let run = try Support.hotline(["history", "--db", path])
        #expect(run.status == 1)
        #expect(run.standardError == "hotline: error: \(path): not a hotline history database (not an SQLite database); nothing was changed\n")
    }

    @Test func usageErrorsExitTwoAndListTheValidMetrics() throws {
        let path = try database()
        let unknown = try Support.hotline(["history", "--db", path, "--metric", "answer_rate"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("--metric answer_rate is not a metric; valid keys (docs/metrics.md): attempts, offered,"))
        #expect(unknown.standardError.contains("fcr, time_to_escalation_p50_s, time_to_escalation_p90_s, contacts_per_case"))
        let badDay = try Support.hotline(["history", "--db", path, "--from", "2026-11-31"])
        #expect(badDay.status == 2)
        #expect(badDay.standardError.contains("--from 2026-11-31: no such day, November 2026 has 30 days"))
        let reversed = try Support.hotline(["history", "--db", path, "--from", "2026-11-20", "--to", "2026-11-18"])
        #expect(reversed.status == 2)
        #expect(reversed.standardError.contains("--from 2026-11-20 is after --to 2026-11-18"))
    }
}
