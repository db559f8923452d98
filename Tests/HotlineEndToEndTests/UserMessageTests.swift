import Foundation
import Testing

/// What a newcomer reads when they mistype something: every error begins
/// `hotline: error:`, names what was wrong and, where a near name exists,
/// suggests it; the help text reads as prose.
@Suite struct UserMessageTests {
    private let calls = Support.fixture("tiny/calls.csv")

    @Test func aMistypedSubcommandNamesTheNearestOne() throws {
        let run = try Support.hotline(["reprot", calls])
        #expect(run.status == 2)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError == "hotline: error: unknown subcommand 'reprot' (did you mean 'report'?); "
                + "the subcommands are report, nightly, convert, generate, history (hotline --help)\n")
        let unrelated = try Support.hotline(["frobnicate"])
        #expect(unrelated.status == 2)
        #expect(unrelated.standardError.hasPrefix("hotline: error: unknown subcommand 'frobnicate'; the subcommands are "))
    }

    @Test(arguments: [
        ("--sl-threshold", ["report", "--sl-threshold", "-1", "x.csv"]),
        ("--short-abandon", ["report", "--short-abandon", "-3", "x.csv"]),
        ("--threads", ["report", "--threads", "-2", "x.csv"]),
        ("--threads", ["convert", "--threads", "-2", "--out", "/tmp/never.csv", "x.log"]),
        ("--lock-timeout", ["nightly", "--lock-timeout", "-1", "--calls", "x", "--db", "/tmp/never.sqlite"]),
    ])
    func aNegativeNumberIsReadAsTheOptionsValue(option: String, arguments: [String]) throws {
        let run = try Support.hotline(arguments)
        #expect(run.status == 2)
        #expect(run.standardError.hasPrefix("hotline: error: \(option)"), "\(run.standardError)")
        #expect(!run.standardError.contains("Missing value"))
    }

    @Test func aDayThatDoesNotExistIsNamedAsSuch() throws {
        let nightly = { (day: String) in
            try Support.hotline(["nightly", "--date", day, "--calls", "x", "--db", "/tmp/never.sqlite"])
        }
        let november = try nightly("2026-11-31")
        #expect(november.status == 2)
        #expect(november.standardError.hasPrefix("hotline: error: --date 2026-11-31: no such day, November 2026 has 30 days\n"))
        #expect(try nightly("2026-02-29").standardError.hasPrefix("hotline: error: --date 2026-02-29: no such day, February 2026 has 28 days\n"))
        #expect(try nightly("2026-11-5").standardError.hasPrefix("hotline: error: --date 2026-11-5: expected a day as YYYY-MM-DD\n"))
        #expect(try nightly("2026-13-01").standardError.hasPrefix("hotline: error: --date 2026-13-01: expected a day as YYYY-MM-DD\n"))
    }

    @Test func aMistypedZoneSuggestsTheNearestZoneOfTheSystem() throws {
        let tokyo = try Support.hotline(["report", "--switch-tz", "Asia/Tokio", calls])
        #expect(tokyo.status == 2)
        #expect(tokyo.standardError.hasPrefix("hotline: error: --switch-tz: unknown time zone 'Asia/Tokio': "))
        #expect(tokyo.standardError.contains("; did you mean Asia/Tokyo?\n"))
        let paris = try Support.hotline(["report", "--tz", "europe/paris", calls])
        #expect(paris.standardError.contains("; did you mean Europe/Paris?\n"))
        let nothingNear = try Support.hotline(["report", "--tz", "Mars/Olympus_Mons", calls])
        #expect(nothingNear.standardError.contains("(use an IANA name such as Europe/Paris)"))
    }

    @Test func usageAndRuntimeErrorsBeginAlike() throws {
        let usage = try Support.hotline(["report", "--format", "xml", calls])
        #expect(usage.status == 2)
        #expect(usage.standardError.hasPrefix("hotline: error: The value 'xml' is invalid for '--format <format>'"))
        let runtime = try Support.hotline(["report", "/nonexistent/calls.csv"])
        #expect(runtime.status == 1)
        #expect(runtime.standardError.hasPrefix("hotline: error: /nonexistent/calls.csv"))
        let bare = try Support.hotline([])
        #expect(bare.status == 2)
        #expect(bare.standardError.hasPrefix("hotline: error: a subcommand is required"))
    }

    @Test(arguments: [[], ["report"], ["nightly"], ["history"], ["convert"], ["generate"]])
    func helpReadsAsProse(subcommand: [String]) throws {
        let run = try Support.hotline(subcommand + ["--help"])
        #expect(run.status == 0)
        let overview = try #require(run.standardOutput.components(separatedBy: "USAGE:").first)
        #expect(overview.hasPrefix("OVERVIEW: "))
        #expect(!overview.contains("  "), "\(overview)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(!lines.contains { $0.hasSuffix("\\") })
    }

    @Test func countsOfOneTakeTheSingular() throws {
        let directory = try Support.scratchDirectory()
        let catalogue = directory + "/one.yaml"
        try Support.write(Array("""
            services:
              - name: Tech
                queues: [tech]
                commitments:
                  - {metric: answered, comparison: ">=", target: 100, period: month}

            """.utf8), to: catalogue)
        let run = try Support.hotline(["report", "-q", "--threads", "1", "--stats", "--sla", catalogue, "--fail-on-breach",
                                       Support.fixture("sla/calls.csv")])
        #expect(run.status == 3)
        #expect(run.standardError.contains("(summed over 1 worker)\n"))
        #expect(run.standardError.hasSuffix("hotline: error: 1 commitment period missed (--fail-on-breach)\n"))
    }
}
