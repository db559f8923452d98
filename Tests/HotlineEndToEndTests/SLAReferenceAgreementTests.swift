import Foundation
import HotlineCore
import HotlineGenerator
import HotlineInput
import HotlineSLA
import Testing

/// On generated data, the `sla` section agrees with an independent check
/// (`Tests/Reference/sla_reference.py`, written from docs/sla.md and SPEC §3):
/// every service, commitment and period, measured value, status, margin and
/// penalty. The catalogue is JSON — valid YAML for hotline, readable by
/// Python's standard library — and mixes day, week and month periods, levels,
/// a service_level threshold of its own, strict and inclusive comparisons,
/// defaults with overrides and degraded days (one on a daylight-saving change).
@Suite struct SLAReferenceAgreementTests {
    @Test(arguments: ReferenceAgreementTests.generatedRuns)
    func generatedDataMatchesTheReference(seed: UInt64, startDay: String, zone: String) throws {
        let dataset = try ReferenceAgreementTests.generatedDataset(seed: seed, startDay: startDay)
        let catalogue = Support.fixture("sla/generated-catalogue.json")
        let options = ReportJobOptions(
            parameters: ReportParameters(timeZone: zone), zone: try ZoneOffsets(timeZoneIdentifier: zone),
            threads: 2, chunkBytes: 50_000, sla: try SLACatalogueLoader.load(path: catalogue))
        let report = try ReportJob.run(files: [InputFileSpec(path: dataset.callsPath), InputFileSpec(path: dataset.contactsPath)],
                                       options: options).report
        let evaluation = try #require(report.sla)
        #expect(evaluation.totals.met > 0 && evaluation.totals.missed > 0)

        let reference = try Support.runProcess("/usr/bin/env", [
            "python3", Support.referenceScripts.appendingPathComponent("sla_reference.py").path,
            "--catalogue", catalogue, "--calls", dataset.callsPath, "--contacts", dataset.contactsPath, "--tz", zone,
        ])
        #expect(reference.status == 0, "\(reference.standardError)")
        let swift = try #require(try Support.json(JSONReportWriter.render(report)) as? [String: Any])
        let differences = Support.differences(try #require(swift["sla"]), try Support.json(reference.standardOutput))
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }
}
