import Foundation
import Testing

/// The README's synopsis lists every option of every subcommand, no more and
/// no fewer than the built binary's help: an option added to a command and
/// not to the synopsis (or renamed in one place only) fails here.
@Suite struct ReadmeSynopsisTests {
    private static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    /// Each subcommand's long options as the README's synopsis block (the first
    /// code block of "## Using it") writes them: a line that starts
    /// `hotline NAME` opens a subcommand, indented lines continue it.
    private static func synopsis() throws -> [String: Set<String>] {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Using it").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```").dropFirst().first)
        var options: [String: Set<String>] = [:]
        var current: String?
        for line in block.split(separator: "\n") {
            if line.hasPrefix("hotline ") { current = String(line.split(separator: " ")[1]) }
            guard let current else { continue }
            options[current, default: []].formUnion(line.matches(of: /--[a-z0-9][a-z0-9-]*/).map { String($0.output) })
        }
        return options
    }

    /// Each subcommand's long options as the binary's help describes them
    /// (`--experimental-dump-help`, the structure `--help` is printed from),
    /// without the `--help` and `--version` every command has.
    private static func help() throws -> [String: Set<String>] {
        let run = try Support.hotline(["--experimental-dump-help"])
        #expect(run.status == 0)
        let root = try #require(try Support.json(run.standardOutput) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var options: [String: Set<String>] = [:]
        for subcommand in try #require(command["subcommands"] as? [[String: Any]]) {
            let name = try #require(subcommand["commandName"] as? String)
            guard name != "help" else { continue }
            let arguments = subcommand["arguments"] as? [[String: Any]] ?? []
            options[name] = Set(arguments.filter { $0["shouldDisplay"] as? Bool == true }.flatMap { argument in
                (argument["names"] as? [[String: String]] ?? []).filter { $0["kind"] == "long" }.map { "--" + $0["name"]! }
            }).subtracting(["--help", "--version"])
        }
        return options
    }

    @Test func theSynopsisListsEveryOptionOfEverySubcommand() throws {
        let written = try Self.synopsis(), actual = try Self.help()
        #expect(Set(written.keys) == Set(actual.keys))
        #expect(actual["report"]?.contains("--detailed") == true && actual["nightly"]?.contains("--threads") == true)
        for (subcommand, options) in actual {
            let listed = written[subcommand] ?? []
            #expect(options.subtracting(listed).isEmpty,
                    "README synopsis of \(subcommand) misses \(options.subtracting(listed).sorted())")
            #expect(listed.subtracting(options).isEmpty,
                    "README synopsis of \(subcommand) lists \(listed.subtracting(options).sorted()), which --help does not")
        }
    }
}

/// What `scripts/install.sh` installs besides the binary is generated from
/// the same definitions as `--help`: the completion scripts offer every
/// subcommand and option.
@Suite struct CompletionScriptTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func aCompletionScriptOffersEverySubcommandAndOption(shell: String) throws {
        let run = try Support.hotline(["--generate-completion-script", shell])
        #expect(run.status == 0)
        for word in ["report", "nightly", "convert", "generate", "history",
                     "sl-threshold", "strict-catalogue", "lock-timeout", "metric", "start-day", "switch-tz"] {
            #expect(run.standardOutput.contains(word), "\(shell) completion lacks \(word)")
        }
    }
}
