/// One queue_log line that concerns a caller's attempt, with the meaning of
/// its data fields already read by event name (see ``QueueEventKind``).
public struct QueueEvent<Text: SwitchText> {
    public var kind: QueueEventKind
    /// Seconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// The caller channel's uniqueid.
    public var callID: Text
    public var queue: Text
    /// The member channel or agent the event names (`NONE` when none).
    public var agent: Text
    /// The caller id of an `ENTERQUEUE`; empty for other events.
    public var caller: Text
    /// Seconds waited as the event itself wrote them, when its version has that field.
    public var waitSeconds: Int64?
    /// Seconds talked as the event wrote them, when it has that field.
    public var talkSeconds: Int64?
    /// Hash of the whole line: the same line read twice has the same fingerprint.
    public var fingerprint: UInt64
    /// Line number: within its chunk while a worker assembles, in its file once stitched.
    public var line: Int64
    /// Index of the file in the command line.
    public var fileIndex: Int
    /// The whole line, for `--rejects`; empty without it.
    public var text: Text

    public init(kind: QueueEventKind, time: Int64, callID: Text, queue: Text, agent: Text, caller: Text,
                waitSeconds: Int64?, talkSeconds: Int64?, fingerprint: UInt64, line: Int64, fileIndex: Int,
                text: Text) {
        self.kind = kind
        self.time = time
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.caller = caller
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.fingerprint = fingerprint
        self.line = line
        self.fileIndex = fileIndex
        self.text = text
    }

    /// The same event with its bytes carried another way (copied out of a
    /// chunk) and its line moved from chunk to file numbering.
    /// The event with its texts copied into one allocation (``PackedText``),
    /// and its line moved from chunk to file numbering.
    public func packed(lineOffset: Int64 = 0) -> QueueEvent<PackedText> {
        var totalBytes = 0
        for field in [callID, queue, agent, caller, text] { totalBytes += field.withBytes { $0.count } }
        return PackedText.packing(totalBytes: totalBytes) { pack in map(lineOffset: lineOffset) { $0.withBytes(pack) } }
    }

    public func map<Other>(lineOffset: Int64 = 0, _ transform: (Text) -> Other) -> QueueEvent<Other> {
        QueueEvent<Other>(kind: kind, time: time, callID: transform(callID), queue: transform(queue),
                          agent: transform(agent), caller: transform(caller), waitSeconds: waitSeconds,
                          talkSeconds: talkSeconds, fingerprint: fingerprint, line: line + lineOffset, fileIndex: fileIndex,
                          text: transform(text))
    }
}
