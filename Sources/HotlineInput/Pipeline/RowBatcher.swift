import HotlineCore

/// A chunk's parsed rows on their way to the accumulator, handed over many
/// at a time: `MetricsAccumulator.add` of a batch requests the table entries
/// of the rows ahead while it counts each row, so that cache misses overlap
/// with other rows' work.
///
/// A record borrows its bytes from the chunk, which outlives the batch, or
/// from the parser's unescape buffer, which the next row overwrites: the
/// parser flushes right after a row whose fields were unescaped. The rows
/// are counted in input order, as they would be one by one. Owned by one
/// parser; its raw storage is allocated once, so batching allocates nothing
/// per row.
final class RowBatcher {
    /// Rows per hand-over: `MetricsAccumulator.handOverRows`.
    let capacity = MetricsAccumulator.handOverRows
    private let calls: UnsafeMutablePointer<CallRecord>
    private let contacts: UnsafeMutablePointer<ContactRecord>
    @exclusivity(unchecked) private var callCount = 0
    @exclusivity(unchecked) private var contactCount = 0

    init() {
        calls = .allocate(capacity: capacity)
        contacts = .allocate(capacity: capacity)
    }

    deinit {
        calls.deallocate()
        contacts.deallocate()
    }

    @inline(__always)
    func add(_ call: CallRecord, into accumulator: MetricsAccumulator) {
        (calls + callCount).initialize(to: call)
        callCount += 1
        if callCount == capacity { flush(into: accumulator) }
    }

    @inline(__always)
    func add(_ contact: ContactRecord, into accumulator: MetricsAccumulator) {
        (contacts + contactCount).initialize(to: contact)
        contactCount += 1
        if contactCount == capacity { flush(into: accumulator) }
    }

    /// Counts every row held, then holds none.
    func flush(into accumulator: MetricsAccumulator) {
        if callCount > 0 {
            accumulator.add(UnsafeBufferPointer(start: calls, count: callCount))
            calls.deinitialize(count: callCount)
            callCount = 0
        }
        if contactCount > 0 {
            accumulator.add(UnsafeBufferPointer(start: contacts, count: contactCount))
            contacts.deinitialize(count: contactCount)
            contactCount = 0
        }
    }
}
