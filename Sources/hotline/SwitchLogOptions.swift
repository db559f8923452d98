import ArgumentParser
import HotlineCore
import HotlineInput

/// Options for reading switch logs (Asterisk queue_log and CDR), shared by
/// `report` and `convert`.
struct SwitchLogOptions: ParsableArguments {
    /// `--input-format` values, as `InputFormatName` spells them.
    struct FormatChoice: ExpressibleByArgument {
        let name: InputFormatName

        init?(argument: String) {
            guard let name = InputFormatName(rawValue: argument) else { return nil }
            self.name = name
        }

        static var allValueStrings: [String] { InputFormatName.allCases.map(\.rawValue) }
    }

    @Option(name: .customLong("input-format"), help: ArgumentHelp(
        "Read every positional file as this format instead of detecting it.", valueName: "format"))
    var inputFormat: FormatChoice?

    @Option(name: .customLong("switch-tz"), help: ArgumentHelp(
        "IANA zone of the switch's local times (CDR times, queue_log table text times); default: --tz.",
        valueName: "zone"))
    var switchTimeZone: String?

    @Option(name: .customLong("inbound-context"), help: ArgumentHelp(
        "A dialplan context where inbound calls start (repeatable): a CDR call is an attempt only if its "
            + "first leg's dcontext is one of them; default: every call the CDR does not mark outbound or internal.",
        valueName: "context"))
    var inboundContexts: [String] = []

    /// The switch's zone, or the report's zone `fallback` when not given.
    func zone(default fallback: String) throws -> ZoneOffsets {
        try ZoneOption.offsets(named: switchTimeZone ?? fallback, option: switchTimeZone == nil ? "--tz" : "--switch-tz")
    }
}
