import Foundation
import Testing

/// `hotline report --sla` as scripts see it: exit status 3 on a breach with
/// `--fail-on-breach`, 2 for a catalogue error (before any log is read), and
/// the JSON `sla` section's shape.
@Suite struct SLACommandLineTests {
    private let calls = Support.fixture("sla/calls.csv")
    private let contacts = Support.fixture("sla/contacts.csv")
    private let catalogue = Support.fixture("sla/catalogue.yaml")

    @Test func failOnBreachExitsThreeAfterPrintingTheReport() throws {
        let run = try Support.hotline(["report", "-q", "--sla", catalogue, "--fail-on-breach", calls, contacts])
        #expect(run.status == 3)
        #expect(run.standardOutput.contains("Service commitments"))
        #expect(run.standardOutput.contains("5 periods missed · 9 met · 12 not measurable · penalties 140 EUR"))
        #expect(run.standardError == "hotline: error: 5 commitment periods missed (--fail-on-breach)\n")
        let lenient = try Support.hotline(["report", "-q", "--sla", catalogue, calls, contacts])
        #expect(lenient.status == 0)
    }

    @Test func failOnBreachExitsZeroWhenEveryCommitmentIsKept() throws {
        let kept = try Support.scratchDirectory() + "/kept.yaml"
        try Support.write(Array("""
            services:
              - name: Care
                queues: [billing, orders]
                commitments:
                  - {metric: reachability, comparison: ">=", target: 0.3, period: week}
            """.utf8), to: kept)
        let run = try Support.hotline(["report", "-q", "--sla", kept, "--fail-on-breach", calls, contacts])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("0 periods missed · 1 met · 1 not measurable"))
    }

    @Test func aCatalogueQueueThatNoRowHasIsWarnedAboutOrWithStrictCatalogueAnError() throws {
        let typo = try Support.scratchDirectory() + "/typo.yaml"
        try Support.write(Array("""
            services:
              - name: Care
                queues: [biling, orders, complaints]
                commitments:
                  - {metric: answered, comparison: ">=", target: 1, period: month}

            """.utf8), to: typo)
        let warned = try Support.hotline(["report", "-q", "--sla", typo, calls, contacts])
        #expect(warned.status == 0)
        #expect(warned.standardOutput.contains("Service commitments"))
        #expect(warned.standardError == """
            hotline: warning: \(typo): service 'Care' names queue 'biling', which no row of the data has \
            (did you mean 'billing'?); its commitments are judged without it
            hotline: warning: \(typo): service 'Care' names queue 'complaints', which no row of the data has; \
            its commitments are judged without it

            """)
        let strict = try Support.hotline(["report", "-q", "--sla", typo, "--strict-catalogue", calls, contacts])
        #expect(strict.status == 2)
        #expect(strict.standardOutput.isEmpty)
        #expect(strict.standardError.hasPrefix("hotline: error: \(typo): service 'Care' names queue 'biling',"))
        #expect(strict.standardError.hasSuffix("hotline: error: --strict-catalogue is set; no report\n"))
        let exact = try Support.hotline(["report", "-q", "--sla", catalogue, "--strict-catalogue", calls, contacts])
        #expect(exact.status == 0)
        #expect(exact.standardError.isEmpty)
    }

    @Test func anInvalidCatalogueIsAUsageErrorBeforeAnyLogIsRead() throws {
        let bad = try Support.scratchDirectory() + "/bad.yaml"
        try Support.write(Array("services:\n  - name: Care\n    queues: [billing]\n    commitments:\n      - {metric: fcr, comparison: \">=\", target: 1.5, period: day}\n".utf8), to: bad)
        let run = try Support.hotline(["report", "--sla", bad, "/nonexistent/calls.csv"])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.hasPrefix("hotline: error: \(bad):5: fcr is a rate"))
        let missing = try Support.hotline(["report", "--sla", "/nonexistent/sla.yaml", calls])
        #expect(missing.status == 2)
        #expect(missing.standardError == "hotline: error: /nonexistent/sla.yaml: cannot read the catalogue: No such file or directory\n")
        let alone = try Support.hotline(["report", "--fail-on-breach", calls])
        #expect(alone.status == 2)
        #expect(alone.standardError.contains("--fail-on-breach needs --sla CATALOGUE"))
    }

    @Test func slaOutWritesOneCsvRowPerServiceCommitmentAndPeriod() throws {
        let out = try Support.scratchDirectory() + "/sla.csv"
        let run = try Support.hotline(["report", "-q", "--format", "csv", "--sla", catalogue, "--sla-out", out, calls, contacts])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("scope,key,attempts,"))
        let lines = String(decoding: try Support.read(out), as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "service,metric,comparison,threshold_s,level,period_kind,period,partial,degraded,target,measured,status,margin,penalty")
        #expect(lines.count == 1 + 26)
        #expect(lines.contains("Care,service_level,>=,30,,day,2026-11-17,false,true,0.75,0.0,missed,-0.75,50"))
        #expect(lines.contains("Care,asa_s,<=,,2,day,2026-11-17,false,true,20.0,,not_measurable,,0"))
        let alone = try Support.hotline(["report", "--sla-out", out, calls])
        #expect(alone.status == 2)
    }

    @Test func jsonGainsAnSlaSectionAfterTheSpecKeys() throws {
        let run = try Support.hotline(["report", "-q", "--format", "json", "--sla", catalogue, calls, contacts])
        #expect(run.status == 0)
        let keys = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["parameters", "input", "overall", "by_queue", "by_day", "sla"])
        let document = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let sla = try #require(document["sla"] as? [String: Any])
        #expect(Set(sla.keys) == ["currency", "degraded_days", "services", "totals"])
        let services = try #require(sla["services"] as? [String: Any])
        let care = try #require(services["Care"] as? [String: Any])
        #expect(care["queues"] as? [String] == ["billing", "orders"])
        #expect(care["opening_hours"] as? [String] == ["mon-fri 08:00-18:00"])
        let commitments = try #require(care["commitments"] as? [[String: Any]])
        let serviceLevel = commitments[1]
        #expect(Set(serviceLevel.keys) == ["metric", "comparison", "target", "degraded_target", "threshold_s", "level",
                                           "period", "penalty", "inherited", "periods", "totals"])
        #expect(serviceLevel["threshold_s"] as? Int == 30)
        let missed = try #require((serviceLevel["periods"] as? [[String: Any]])?[1])
        #expect(Support.differences(missed, [
            "period": "2026-11-17", "partial": false, "degraded": true, "target": 0.75, "measured": 0.0,
            "status": "missed", "margin": -0.75, "penalty": 50,
        ] as [String: Any]).isEmpty)
        let withoutSLA = try Support.hotline(["report", "-q", "--format", "json", calls, contacts])
        #expect(!withoutSLA.standardOutput.contains("\"sla\""))
    }

    /// A catalogue whose Care service owes `penalty` for each day its reachability (target 1) is missed.
    private func catalogue(penalty: String) throws -> String {
        let path = try Support.scratchDirectory() + "/penalty.yaml"
        try Support.write(Array("""
            currency: EUR
            services:
              - name: Care
                queues: [billing, orders]
                commitments:
                  - {metric: reachability, comparison: ">=", target: 1, period: day, penalty: \(penalty)}
            """.utf8), to: path)
        return path
    }

    @Test func aPenaltyOutsideItsRangeIsAUsageErrorNotATrap() throws {
        let path = try catalogue(penalty: "2000000000000000000")
        let run = try Support.hotline(["report", "-q", "--sla", path, calls, contacts])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "hotline: error: \(path):6: penalty must be between 0 and 1000000000000 whole units"
            + " of the currency, not 2000000000000000000\n")
    }

    @Test func penaltiesAtTheTopOfTheRangeAddUpExactly() throws {
        let run = try Support.hotline(["report", "-q", "--format", "json", "--sla", try catalogue(penalty: "1000000000000"),
                                       calls, contacts])
        #expect(run.status == 0)
        let report = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let sla = try #require(report["sla"] as? [String: Any])
        let care = try #require((sla["services"] as? [String: Any])?["Care"] as? [String: Any])
        let periods = try #require(((care["commitments"] as? [[String: Any]])?.first)?["periods"] as? [[String: Any]])
        let missed = periods.filter { $0["status"] as? String == "missed" }
        #expect(missed.count >= 2)
        #expect(missed.allSatisfy { ($0["penalty"] as? NSNumber)?.int64Value == 1_000_000_000_000 })
        let total = try #require((sla["totals"] as? [String: Any])?["penalty"] as? NSNumber)
        #expect(total.int64Value == Int64(missed.count) * 1_000_000_000_000)
    }

    @Test func billionLaughsAreRefusedBeforeYamsExpandsThem() throws {
        let path = try Support.scratchDirectory() + "/laughs.yaml"
        let levels = (1...7).map { level in
            "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]"
        }
        try Support.write(Array(("a0: &a0 \"lol\"\n" + levels.joined(separator: "\n") + "\n? *a7\n: x\n").utf8), to: path)
        let run = try Support.hotline(["report", "--sla", path, calls])
        #expect(run.status == 2)
        // `a6`, defined on line 7, already stands for 1 111 111 nodes.
        #expect(run.standardError == "hotline: error: \(path):7: the catalogue grows past 1000000 YAML nodes here"
            + " (each alias counts as the nodes it names); a catalogue needs far fewer\n")
    }
}
