/// The agents of every queue and level, with their ids as CSV bytes
/// (`bil1-07`: queue prefix, level, number).
///
/// Ids are built once, so writing an agent is a copy; a fixed staff per
/// queue and level also makes per-agent counts in the logs plausible.
enum AgentDirectory {
    /// `tokens[queue][level - 1][number]`.
    static let tokens: [[[ByteToken]]] = QueueProfile.all.map { queue in
        (1...3).map { level in
            (1...queue.agentsPerLevel[level - 1]).map { number in
                ByteToken(queue.agentPrefix + String(level) + "-" + (number < 10 ? "0" : "") + String(number))
            }
        }
    }

    /// Level digits `1`…`3` as CSV bytes, indexed by level − 1.
    static let levelTokens = ["1", "2", "3"].map(ByteToken.init)

    /// A random agent of `queue` at `level`.
    static func pick(queue: Int, level: Int, random: inout RandomSource) -> Int {
        random.below(tokens[queue][level - 1].count)
    }
}
