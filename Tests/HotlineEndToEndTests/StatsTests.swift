import Foundation
import Testing

/// `hotline report --stats`: the figures on stderr agree with the report,
/// and asking for them changes nothing else. Values are checked for
/// plausibility only: no test times anything.
@Suite struct StatsTests {
    private let calls = Support.fixture("tiny/calls.csv")
    private let contacts = Support.fixture("tiny/contacts.csv")

    /// The `name: value` lines of the statistics block on stderr.
    private func statistics(_ standardError: String) -> [String: String] {
        guard let block = standardError.range(of: "stats:\n") else { return [:] }
        var fields: [String: String] = [:]
        for line in standardError[block.upperBound...].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].trimmingCharacters(in: .whitespaces)] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The numbers in a value, in order ("12 calls, 3 contacts" → [12, 3]).
    private func numbers(_ value: String?) -> [Double] {
        (value ?? "").split(whereSeparator: { !$0.isNumber && $0 != "." }).compactMap { Double($0) }
    }

    @Test(arguments: [1, 2])
    func figuresMatchTheReportsInputSection(threads: Int) throws {
        let run = try Support.hotline(["report", "--stats", "--format", "json", "--threads", "\(threads)",
                                       "--calls", calls, "--contacts", contacts])
        #expect(run.status == 0)
        let input = try #require((try Support.json(run.standardOutput) as? [String: Any])?["input"] as? [String: Any])
        let callCounts = try #require(input["calls"] as? [String: Int])
        let contactCounts = try #require(input["contacts"] as? [String: Int])
        let stats = statistics(run.standardError)

        #expect(numbers(stats["bytes read"]) == [Double(try #require(input["bytes_read"] as? Int))])
        #expect(numbers(stats["bytes decoded"]) == [Double(try #require(input["bytes_decoded"] as? Int))])
        #expect(numbers(stats["rows"]) == [callCounts["rows"]!, contactCounts["rows"]!,
                                           callCounts["rejected"]! + contactCounts["rejected"]!].map(Double.init))
        #expect(numbers(stats["threads"]) == [Double(threads), 1])
        #expect(numbers(stats["parse and aggregate"]).last == Double(threads))

        let throughput = numbers(stats["throughput"])
        #expect(throughput.count == 2 && throughput.allSatisfy { $0 > 0 })
        for stage in ["wall time", "decode", "parse and aggregate", "merge", "report"] {
            let seconds = try #require(numbers(stats[stage]).first, "\(stage) missing")
            #expect(seconds >= 0 && seconds < 600, "\(stage): \(seconds) s")
        }
        let peakMiB = try #require(numbers(stats["peak memory"]).first)
        #expect(peakMiB > 1 && peakMiB < 64 * 1024)
    }

    @Test func reportOnStandardOutputIsUnchanged() throws {
        for format in ["table", "json", "csv"] {
            let plain = try Support.hotline(["report", "--format", format, calls, contacts])
            let withStats = try Support.hotline(["report", "--stats", "--format", format, calls, contacts])
            #expect(withStats.status == plain.status)
            #expect(withStats.standardOutput == plain.standardOutput, "\(format)")
            #expect(plain.standardError.contains("stats:") == false)
        }
    }

    /// `--quiet` silences what the user did not ask for (progress, reject
    /// summary); `--stats` was asked for, so it still prints.
    @Test func quietKeepsTheStatistics() throws {
        let run = try Support.hotline(["report", "--quiet", "--stats", calls, contacts])
        #expect(run.status == 0)
        #expect(run.standardError.hasPrefix("stats:\n"))
        #expect(!run.standardError.contains("rejected (calls:"))
        #expect(statistics(run.standardError)["bytes read"] != nil)
    }
}
