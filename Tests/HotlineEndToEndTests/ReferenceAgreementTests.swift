import Foundation
import HotlineCore
import HotlineGenerator
import HotlineInput
import Testing

/// On generated data, the report agrees with an independent implementation
/// of the SPEC (`Tests/Reference/reference_report.py`, written from the SPEC
/// alone): counts exactly, ratios to 1e-9.
@Suite struct ReferenceAgreementTests {
    /// (seed, first day, zone): nine days each, across a month's end and both
    /// daylight-saving changes; shared with `SLAReferenceAgreementTests`.
    static let generatedRuns = [
        (UInt64(1), "2026-11-02", "UTC"),
        (UInt64(2), "2026-03-24", "Europe/Paris"),
        (UInt64(3), "2026-10-28", "America/New_York"),
    ]

    /// 6 000 generated calls and their contacts, zstd-compressed, in a fresh directory.
    static func generatedDataset(seed: UInt64, startDay: String) throws -> GeneratedDataset {
        try DatasetGenerator.write(
            GeneratorConfiguration(calls: 6_000, seed: seed, startDay: startDay, days: 9, compression: .zstd(level: 3)),
            toDirectory: try Support.scratchDirectory())
    }

    @Test(arguments: generatedRuns)
    func generatedDataMatchesTheReference(seed: UInt64, startDay: String, zone: String) throws {
        let dataset = try Self.generatedDataset(seed: seed, startDay: startDay)
        let files = [InputFileSpec(path: dataset.callsPath), InputFileSpec(path: dataset.contactsPath)]
        let result = try Support.run(files, zone: zone, threads: 2, chunkBytes: 50_000)
        #expect(result.rejectedRows == 0)

        let reference = try Support.runProcess("/usr/bin/env", [
            "python3", Support.referenceScripts.appendingPathComponent("reference_report.py").path,
            "--calls", dataset.callsPath, "--contacts", dataset.contactsPath, "--tz", zone,
        ])
        #expect(reference.status == 0, "\(reference.standardError)")
        let differences = Support.differences(try Support.json(JSONReportWriter.render(result.report)),
                                              try Support.json(reference.standardOutput))
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    /// The hand-derived expectations of every fixture and the independent
    /// references agree (each self-test exits 1 on any difference): a fixture
    /// edited by hand cannot drift from its second opinion unnoticed.
    @Test(arguments: ["selftest.py", "queue_log_selftest.py", "cdr_selftest.py"])
    func referenceSelfTestPasses(script: String) throws {
        let run = try Support.runProcess("/usr/bin/env", [
            "python3", Support.referenceScripts.appendingPathComponent(script).path,
        ])
        #expect(run.status == 0, "\(run.standardOutput.suffix(2_000))\(run.standardError)")
        #expect(run.standardOutput.contains(" passed, 0 failed"))
    }
}
